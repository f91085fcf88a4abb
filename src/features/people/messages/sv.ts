// The people feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "cmd.language": "Språket som Ennakko använder med dig: fi, sv, en eller nl",
  "cmd.my-data": "Allt som Ennakko har sparat om dig, som JSON- och CSV-filer",
  "cmd.erase": "Radera en medlems personuppgifter",
  "language.current":
    "Jag talar {language} med dig. Alternativ: {choices}. Byt med `/cluster language <fi|sv|en|nl>`.",
  "language.set": "Klart: från och med nu talar jag {language} med dig.",
  "language.usage": "`{value}` är inte ett språk jag talar. Välj ett av: {choices}.",
  "mydata.comment":
    "Allt som Ennakko har sparat om dig: en JSON-fil med alla detaljer och en CSV med en rad per uppgift. Anonyma enkätsvar ingår inte: inget kopplar dem till dig.",
  "mydata.json": "Dina uppgifter (JSON)",
  "mydata.csv": "Dina uppgifter (CSV)",
  "erase.confirm":
    "Radera personuppgifterna för *{user}*? Namn, e-post och chattkonton tas bort och personen lämnar alla kluster, även *{cluster}*. Personens beslut och åtgärder finns kvar, med en tidigare medlem som ägare; anonyma enkätsvar påverkas inte. Det här kan inte ångras.",
  "erase.button": "Radera personuppgifter",
  "erase.done":
    "Klart: medlemmens personuppgifter har raderats. Personens beslut och åtgärder visar nu en tidigare medlem; händelseloggen registrerar att du gjorde det.",
  "error.ERASE_SELF":
    "Du kan inte radera dig själv här: be en annan ordförande eller prognoskoordinatorn. `/cluster my-data` visar vad som har sparats om dig.",
};
