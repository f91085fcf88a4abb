// The minutes feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "cmd.minutes": "De vastgestelde notulen als DOCX en Markdown, en de acties als CSV",
  "cmd.minutes draft": "Stel conceptnotulen van een vergadering op en bewerk ze in een formulier",
  "cmd.minutes approve": "Stel de notulen vast en plaats ze in het kanaal",
  "error.NO_HELD_MEETING":
    "Er is nog geen vergadering van dit cluster gehouden, dus er zijn geen notulen. Noem er een: `/cluster minutes <vergadering>`.",
  "error.MINUTES_MEETING_NOT_FOUND":
    "Ik kan geen vergadering „{meeting}” vinden in dit cluster. Gebruik de titel of het begin van de id.",
  "error.MINUTES_NOT_APPROVED":
    "De notulen van *{meeting}* zijn nog niet vastgesteld. De secretaris of de voorzitter stelt ze vast met `/cluster minutes approve`.",
  "error.MINUTES_ALREADY_APPROVED":
    "Versie {version} van deze notulen is al vastgesteld. Bewerk ze met `/cluster minutes draft` om een nieuwe versie te maken.",
  "minutes.formTitle": "Notulen",
  "minutes.formIntro":
    "Notulen van *{title}*, versie {version}. Aanwezigheid, behandeling van de agendapunten, {decisions, plural, one {# besluit} other {# besluiten}}, {measures, plural, one {# nieuwe actie} other {# nieuwe acties}}, de opvolging en de laatste peiling komen uit het verslag; schrijf de rest hier.",
  "minutes.newVersion":
    "Versie {approved} is vastgesteld en blijft zoals ze is; opslaan maakt versie {version}.",
  "minutes.field.summary": "Opening en samenvatting",
  "minutes.field.discussion": "Aantekeningen van de bespreking",
  "minutes.field.nextSteps": "Vervolgstappen",
  "minutes.save": "Concept opslaan",
  "minutes.saved":
    "De conceptnotulen van *{title}* (versie {version}) zijn opgeslagen. Stel ze vast als ze klaar zijn.",
  "minutes.savedNew":
    "Opgeslagen als versie {version} van de notulen van *{title}*, een nieuw concept; de vastgestelde versie blijft ongewijzigd.",
  "minutes.approve": "Vaststellen",
  "minutes.edit": "Bewerken",
  "minutes.approved":
    "Versie {version} van de notulen van *{title}* is vastgesteld en in het kanaal geplaatst.",
  "minutes.announce": "📝 Notulen van *{title}* (versie {version}), vastgesteld door {name}",
  "minutes.files.comment":
    "De notulen van *{title}* (versie {version}) als DOCX en Markdown, en de acties als CSV.",
  "minutes.files.draft":
    "Een CONCEPT van de notulen van *{title}* (versie {version}, nog niet vastgesteld) als DOCX en Markdown, en de acties als CSV.",
  "minutes.files.docx": "Notulen (Word)",
  "minutes.files.markdown": "Notulen (Markdown)",
  "minutes.files.csv": "Acties (CSV)",
};
