// The people feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "cmd.language": "De taal die Ennakko met je spreekt: fi, sv, en of nl",
  "cmd.my-data": "Alles wat Ennakko over je bewaart, als JSON- en CSV-bestanden",
  "cmd.erase": "De persoonsgegevens van een lid wissen",
  "language.current":
    "Ik spreek {language} met je. Keuzes: {choices}. Wijzig het met `/cluster language <fi|sv|en|nl>`.",
  "language.set": "Klaar: vanaf nu spreek ik {language} met je.",
  "language.usage": "`{value}` is geen taal die ik spreek. Kies een van: {choices}.",
  "mydata.comment":
    "Alles wat Ennakko over je bewaart: een JSON-bestand met alle details en een CSV met één regel per item. Anonieme antwoorden op peilingen zitten er niet bij: niets koppelt ze aan jou.",
  "mydata.json": "Jouw gegevens (JSON)",
  "mydata.csv": "Jouw gegevens (CSV)",
  "erase.confirm":
    "De persoonsgegevens van *{user}* wissen? Naam, e-mail en chataccounts worden verwijderd en diegene verlaat elk cluster, ook *{cluster}*. Besluiten en acties blijven bestaan, met een voormalig lid als eigenaar; anonieme antwoorden op peilingen blijven ongemoeid. Dit kan niet ongedaan worden gemaakt.",
  "erase.button": "Persoonsgegevens wissen",
  "erase.done":
    "Klaar: de persoonsgegevens van het lid zijn gewist. Besluiten en acties tonen nu een voormalig lid; het auditlogboek legt vast dat jij dit deed.",
  "error.ERASE_SELF":
    "Je kunt jezelf hier niet wissen: vraag een andere voorzitter of de foresight-coördinator. `/cluster my-data` laat zien wat er over je bewaard is.",
};
