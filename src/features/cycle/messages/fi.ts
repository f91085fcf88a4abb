// The cycle feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "cmd.cycle": "Klusterin kaudet; puheenjohtaja tai koordinaattori voi muuttaa niitä",
  "error.CYCLE_WINDOW_EMPTY":
    "Kauden {term} aikaväli {start}–{end} on tyhjä: alun on oltava ennen loppua tai sama päivä saman kalenterivuoden sisällä. Mitään ei muutettu.",
  "error.CYCLE_WINDOWS_OVERLAP":
    "Kauden {term} aikaväli menisi päällekkäin kauden {other} kanssa ({start}–{end}). Mitään ei muutettu.",
  "cycle.title": "Klusterin *{cluster}* kaudet",
  "cycle.termLine": "• {term}: {start} – {end}",
  "cycle.kickoffWeeks":
    "Puheenjohtaja, sihteeri ja koordinaattori saavat aloitusviestin {weeks, plural, one {# viikko} other {# viikkoa}} ennen kauden alkua ({zone}).",
  "cycle.editHint":
    "Puheenjohtaja tai koordinaattori: `/cluster cycle <kausi> <KK-PP> <KK-PP>` muuttaa kauden aikaväliä, esim. `/cluster cycle spring 02-01 05-31`.",
  "cycle.saved": "Tallennettu: kausi {term} on nyt {start} – {end}.",
  "cycle.term.spring": "kevät",
  "cycle.term.autumn": "syksy",
  "cycle.kickoff.text":
    "🗓️ Klusterin *{cluster}* kausi {term} alkaa {opens} ja kestää {closes} asti. On aika käynnistää sykli:",
  "cycle.kickoff.forum":
    "🗓️ Puheenjohtajien foorumin *{cluster}* kausi {term} alkaa {opens}. On aika suunnitella foorumin kokous.",
  "cycle.kickoff.plan": "Suunnittele kokous",
  "cycle.kickoff.copyPulse": "Kopioi edellisen kauden pulssi",
  "cycle.kickoff.measures": "Käy läpi avoimet toimenpiteet",
  "status.cycle": "Sykli",
  "status.cycle.current": "kausi {term}, {closes} asti",
  "status.cycle.next": "seuraava: kausi {term}, alkaa {opens}",
  "status.nextMeeting": "Seuraava kokous",
  "status.nextMeeting.none": "ei sovittu",
  "status.agendaDeadline": "Esityslistan määräaika",
  "status.latestPulse": "Viimeisin pulssi",
  "status.latestPulse.line": "{title}: {rate} vastannut ({answered}/{invited})",
  "status.latestPulse.none": "ei vielä",
  "status.measures": "Toimenpiteet",
  "status.measures.line":
    "{open} avoinna, {overdue} myöhässä, {done} valmistunut edellisen kokouksen jälkeen",
};
