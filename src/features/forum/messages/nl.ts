// The forum feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "cmd.forum setup": "Koppel dit kanaal als het voorzittersoverleg van alle clusters",
  "cmd.chairs report":
    "De clusters naast elkaar: vraag naar vaardigheden, maatregelen, vergaderingen (voorzittersoverleg)",
  "error.NOT_IN_FORUM":
    "Rapporten worden gegeven in het voorzittersoverleg: gebruik `/cluster chairs report` in het kanaal van het overleg (een voorzitter koppelt er een met `/cluster forum setup <naam>`).",
  "error.FORUM_EXISTS": "Deze werkruimte heeft al een voorzittersoverleg: *{forum}*.",
  "forum.done":
    "Dit kanaal is nu *{forum}*, het voorzittersoverleg. Vraag hier de onderlinge vergelijking op met `/cluster chairs report`.",
  "forum.announce":
    "🧭 *{forum}* is het voorzittersoverleg. Voorzitters, vicevoorzitters en foresight-coördinatoren van de clusters vergelijken ze hier met `/cluster chairs report`.",
  "forum.help":
    "Dit kanaal is het voorzittersoverleg. De leden zijn de voorzitters, vicevoorzitters en foresight-coördinatoren van de clusters. `/cluster chairs report` vergelijkt de clusters: waar de vraag naar vaardigheden groeit, maatregelen, komende vergaderingen. Het overleg plant zijn eigen vergadering met `/cluster meeting plan`; `/cluster cycle` toont zijn perioden.",
  "forum.onlyReports":
    "Dit kanaal is het voorzittersoverleg: clusteropdrachten werken in het eigen kanaal van elk cluster. Gebruik hier `/cluster chairs report`, of `/cluster meeting plan` voor de eigen vergadering van het overleg.",
  "chairs.heading": "🧭 {forum}: de clusters naast elkaar ({n})",
  "chairs.noClusters": "Er zijn nog geen clusters in deze werkruimte.",
  "chairs.skills.heading": "Waar de vraag naar vaardigheden groeit",
  "chairs.skills.none": "Nog geen enkel cluster heeft een gesloten peiling met het vaardighedenraster.",
  "chairs.skills.horizon": "Over {years} jaar",
  "chairs.skills.row": "{skill}: groeit in {growing} van {rated, plural, one {# cluster} other {# clusters}}",
  "chairs.skills.rule":
    "Groeit: ten minste de helft van de respondenten van een cluster verwacht een groeiende vraag, in de laatste gesloten peiling. Cijfers van minder dan 3 respondenten worden niet getoond.",
  "chairs.source.none": "{cluster}: geen gesloten peiling met het vaardighedenraster",
  "chairs.source.pulse": "{cluster}: *{title}*, {n, plural, one {# antwoord} other {# antwoorden}}",
  "chairs.source.hidden":
    "{cluster}: *{title}*, {n, plural, one {# antwoord} other {# antwoorden}} – te weinig om te tonen",
  "chairs.chart.skills": "Clusters waar de vraag groeit",
  "chairs.chart.measures": "Maatregelen per cluster",
  "chairs.scorecard.heading": "Maatregelen",
  "chairs.scorecard.row":
    "*{cluster}*: {open} open ({onTrack} op schema, {overdue} te laat) · {done} gereed, {onTime} op tijd",
  "chairs.meetings.heading": "Komende vergaderingen",
  "chairs.meetings.none": "*{cluster}*: geen vergadering gepland",
  "chairs.meetings.row": "*{cluster}*: {title}, {when}",
  "chairs.pack.comment": "Het briefingdocument van *{forum}* voor Word (DOCX) en als Markdown.",
  "chairs.pack.title": "Briefingdocument",
  "chairs.generated": "Samengesteld op {when}.",
  "chairs.md.skill": "Vaardigheid",
  "chairs.md.growingIn": "Groeit in",
  "chairs.md.legend": "▲ groeit · ○ groeit niet · · minder dan 3 respondenten · leeg: geen cijfers",
  "chairs.md.cluster": "Cluster",
  "chairs.md.open": "Open",
  "chairs.md.onTrack": "Op schema",
  "chairs.md.overdue": "Te laat",
  "chairs.md.done": "Gereed",
  "chairs.md.onTime": "Op tijd gereed",
};
