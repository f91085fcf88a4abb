// The files feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "files.ready":
    "Tässä pyytämäsi tiedostot. Linkit toimivat {hours, plural, one {# tunnin} other {# tuntia}}, ja kuka tahansa linkin saanut voi ladata tiedoston, joten älä välitä linkkejä eteenpäin.",
  "error.PUBLIC_URL_MISSING":
    "En voi antaa latauslinkkejä, koska botilla ei ole julkista osoitetta. Pyydä ylläpitäjää asettamaan PUBLIC_URL.",
};
