// The people feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "cmd.language": "Kieli, jolla Ennakko puhuu sinulle: fi, sv, en tai nl",
  "cmd.my-data": "Kaikki, mitä Ennakko on tallentanut sinusta, JSON- ja CSV-tiedostoina",
  "cmd.erase": "Poista jäsenen henkilötiedot",
  "language.current":
    "Puhun kanssasi kieltä {language}. Vaihtoehdot: {choices}. Vaihda komennolla `/cluster language <fi|sv|en|nl>`.",
  "language.set": "Selvä: puhun tästä lähtien kanssasi kieltä {language}.",
  "language.usage": "`{value}` ei ole kieli, jota puhun. Valitse jokin näistä: {choices}.",
  "mydata.comment":
    "Kaikki, mitä Ennakko on tallentanut sinusta: JSON-tiedosto kaikkine tietoineen ja CSV, jossa on rivi kustakin tiedosta. Nimettömät kyselyvastaukset eivät ole mukana: mikään ei yhdistä niitä sinuun.",
  "mydata.json": "Tietosi (JSON)",
  "mydata.csv": "Tietosi (CSV)",
  "erase.confirm":
    "Poistetaanko käyttäjän *{user}* henkilötiedot? Nimi, sähköposti ja chat-tilit poistetaan, ja hän eroaa kaikista klustereista, myös klusterista *{cluster}*. Hänen päätöksensä ja toimenpiteensä säilyvät, omistajana entinen jäsen; nimettömiin kyselyvastauksiin tämä ei vaikuta. Tätä ei voi perua.",
  "erase.button": "Poista henkilötiedot",
  "erase.done":
    "Valmis: jäsenen henkilötiedot on poistettu. Hänen päätöksissään ja toimenpiteissään näkyy nyt entinen jäsen; tapahtumaloki kirjaa, että teit poiston.",
  "error.ERASE_SELF":
    "Et voi poistaa omia tietojasi täällä: pyydä toista puheenjohtajaa tai ennakointikoordinaattoria. `/cluster my-data` näyttää, mitä sinusta on tallennettu.",
};
