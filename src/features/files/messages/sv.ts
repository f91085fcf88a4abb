// The files feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "files.ready":
    "Här är filerna du bad om. Länkarna fungerar i {hours, plural, one {# timme} other {# timmar}}, och alla som har en länk kan ladda ner filen, så vidarebefordra dem inte.",
  "error.PUBLIC_URL_MISSING":
    "Jag kan inte dela ut nedladdningslänkar: boten har ingen offentlig adress. Be din administratör att ställa in PUBLIC_URL.",
};
