// The files feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "files.ready":
    "Hier zijn de bestanden waar je om vroeg. De links werken {hours, plural, one {# uur} other {# uur}} en iedereen met een link kan het bestand downloaden, dus stuur ze niet door.",
  "error.PUBLIC_URL_MISSING":
    "Ik kan geen downloadlinks geven: de bot heeft geen openbaar adres. Vraag je beheerder om PUBLIC_URL in te stellen.",
};
