// The cycle feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "cmd.cycle": "Klustrets terminer; ordförande eller koordinator kan ändra dem",
  "error.CYCLE_WINDOW_EMPTY":
    "Terminen {term} med perioden {start}–{end} är tom: början måste ligga före eller på slutet, inom samma kalenderår. Inget ändrades.",
  "error.CYCLE_WINDOWS_OVERLAP":
    "Terminen {term} skulle överlappa terminen {other} ({start}–{end}). Inget ändrades.",
  "cycle.title": "Terminer för *{cluster}*",
  "cycle.termLine": "• {term}: {start} – {end}",
  "cycle.kickoffWeeks":
    "Ordföranden, sekreteraren och koordinatorn får ett startmeddelande {weeks, plural, one {# vecka} other {# veckor}} innan en termin börjar ({zone}).",
  "cycle.editHint":
    "Ordförande eller koordinator: `/cluster cycle <termin> <MM-DD> <MM-DD>` ändrar en termins period, t.ex. `/cluster cycle spring 02-01 05-31`.",
  "cycle.saved": "Sparat: terminen {term} pågår nu {start} – {end}.",
  "cycle.term.spring": "vår",
  "cycle.term.autumn": "höst",
  "cycle.kickoff.text":
    "🗓️ Terminen {term} för *{cluster}* börjar {opens} och pågår till {closes}. Dags att sätta igång cykeln:",
  "cycle.kickoff.forum":
    "🗓️ Terminen {term} för ordförandeforumet *{cluster}* börjar {opens}. Dags att planera forumets möte.",
  "cycle.kickoff.plan": "Planera mötet",
  "cycle.kickoff.copyPulse": "Kopiera förra terminens puls",
  "cycle.kickoff.measures": "Gå igenom öppna åtgärder",
  "status.cycle": "Cykel",
  "status.cycle.current": "terminen {term}, till {closes}",
  "status.cycle.next": "nästa: terminen {term}, börjar {opens}",
  "status.nextMeeting": "Nästa möte",
  "status.nextMeeting.none": "inget planerat",
  "status.agendaDeadline": "Sista dag för förslag till dagordningen",
  "status.latestPulse": "Senaste puls",
  "status.latestPulse.line": "{title}: {rate} svarade ({answered}/{invited})",
  "status.latestPulse.none": "ingen ännu",
  "status.measures": "Åtgärder",
  "status.measures.line": "{open} öppna, {overdue} försenade, {done} klara sedan förra mötet",
};
