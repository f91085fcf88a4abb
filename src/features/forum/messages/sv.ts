// The forum feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "cmd.forum setup": "Koppla den här kanalen som ordförandeforum för alla kluster",
  "cmd.chairs report": "Klustren sida vid sida: kompetensbehov, åtgärder, möten (ordförandeforum)",
  "error.NOT_IN_FORUM":
    "Rapporter ges i ordförandeforumet: kör `/cluster chairs report` i forumets kanal (en ordförande kopplar ett med `/cluster forum setup <namn>`).",
  "error.FORUM_EXISTS": "Den här arbetsytan har redan ett ordförandeforum: *{forum}*.",
  "forum.done":
    "Den här kanalen är nu *{forum}*, ordförandeforumet. Få korsbedömningen här med `/cluster chairs report`.",
  "forum.announce":
    "🧭 *{forum}* är ordförandeforumet. Klustrens ordförande, vice ordförande och framsynskoordinatorer jämför dem här med `/cluster chairs report`.",
  "forum.help":
    "Den här kanalen är ordförandeforumet. Dess medlemmar är klustrens ordförande, vice ordförande och framsynskoordinatorer. `/cluster chairs report` jämför klustren: var kompetensbehovet växer, åtgärder, kommande möten. Forumet planerar sitt eget möte med `/cluster meeting plan`; `/cluster cycle` visar dess terminer.",
  "forum.onlyReports":
    "Den här kanalen är ordförandeforumet: klusterkommandon fungerar i varje klusters egen kanal. Här använder du `/cluster chairs report`, eller `/cluster meeting plan` för forumets eget möte.",
  "chairs.heading": "🧭 {forum}: klustren sida vid sida ({n})",
  "chairs.noClusters": "Det finns inga kluster i den här arbetsytan ännu.",
  "chairs.skills.heading": "Var kompetensbehovet växer",
  "chairs.skills.none": "Inget kluster har ännu en stängd enkät med kompetensbehovsrutnätet.",
  "chairs.skills.horizon": "{years} års sikt",
  "chairs.skills.row": "{skill}: växer i {growing} av {rated, plural, one {# kluster} other {# kluster}}",
  "chairs.skills.rule":
    "Växer: minst hälften av klustrets svarande väntar sig ett växande behov, i dess senaste stängda enkät. Siffror från färre än 3 svarande visas inte.",
  "chairs.source.none": "{cluster}: ingen stängd enkät med kompetensbehovsrutnätet",
  "chairs.source.pulse": "{cluster}: *{title}*, {n, plural, one {# svar} other {# svar}}",
  "chairs.source.hidden":
    "{cluster}: *{title}*, {n, plural, one {# svar} other {# svar}} – för få för att visas",
  "chairs.chart.skills": "Kluster där behovet växer",
  "chairs.chart.measures": "Åtgärder per kluster",
  "chairs.scorecard.heading": "Åtgärder",
  "chairs.scorecard.row":
    "*{cluster}*: {open} öppna ({onTrack} enligt plan, {overdue} försenade) · {done} klara, {onTime} i tid",
  "chairs.meetings.heading": "Kommande möten",
  "chairs.meetings.none": "*{cluster}*: inget möte inplanerat",
  "chairs.meetings.row": "*{cluster}*: {title}, {when}",
  "chairs.pack.comment": "Underlaget för *{forum}* för Word (DOCX) och som Markdown.",
  "chairs.pack.title": "Underlag",
  "chairs.generated": "Sammanställt {when}.",
  "chairs.md.skill": "Kompetens",
  "chairs.md.growingIn": "Växer i",
  "chairs.md.legend": "▲ växer · ○ växer inte · · färre än 3 svarande · tomt: inga siffror",
  "chairs.md.cluster": "Kluster",
  "chairs.md.open": "Öppna",
  "chairs.md.onTrack": "Enligt plan",
  "chairs.md.overdue": "Försenade",
  "chairs.md.done": "Klara",
  "chairs.md.onTime": "Klara i tid",
};
