// The cycle feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "cmd.cycle": "De periodes van het cluster; voorzitter of coördinator kan er een wijzigen",
  "error.CYCLE_WINDOW_EMPTY":
    "De periode {term} van {start} tot {end} is leeg: het begin moet op of vóór het einde liggen, binnen één kalenderjaar. Er is niets gewijzigd.",
  "error.CYCLE_WINDOWS_OVERLAP":
    "De periode {term} zou overlappen met de periode {other} ({start}–{end}). Er is niets gewijzigd.",
  "cycle.title": "Periodes van *{cluster}*",
  "cycle.termLine": "• {term}: {start} – {end}",
  "cycle.kickoffWeeks":
    "De voorzitter, secretaris en coördinator krijgen {weeks, plural, one {# week} other {# weken}} voor het begin van een periode een startbericht ({zone}).",
  "cycle.editHint":
    "Voorzitter of coördinator: `/cluster cycle <periode> <MM-DD> <MM-DD>` wijzigt een periode, bijv. `/cluster cycle spring 02-01 05-31`.",
  "cycle.saved": "Opgeslagen: de periode {term} loopt nu van {start} tot {end}.",
  "cycle.term.spring": "voorjaar",
  "cycle.term.autumn": "najaar",
  "cycle.kickoff.text":
    "🗓️ De periode {term} van *{cluster}* begint op {opens} en loopt tot {closes}. Tijd om de cyclus op gang te brengen:",
  "cycle.kickoff.forum":
    "🗓️ De periode {term} van het voorzittersforum *{cluster}* begint op {opens}. Tijd om de vergadering van het forum te plannen.",
  "cycle.kickoff.plan": "Plan de vergadering",
  "cycle.kickoff.copyPulse": "Kopieer de pulse van vorige periode",
  "cycle.kickoff.measures": "Bekijk open maatregelen",
  "status.cycle": "Cyclus",
  "status.cycle.current": "periode {term}, tot {closes}",
  "status.cycle.next": "volgende: periode {term}, begint {opens}",
  "status.nextMeeting": "Volgende vergadering",
  "status.nextMeeting.none": "niet gepland",
  "status.agendaDeadline": "Deadline agendapunten",
  "status.latestPulse": "Laatste pulse",
  "status.latestPulse.line": "{title}: {rate} beantwoord ({answered}/{invited})",
  "status.latestPulse.none": "nog geen",
  "status.measures": "Maatregelen",
  "status.measures.line": "{open} open, {overdue} te laat, {done} afgerond sinds de vorige vergadering",
};
