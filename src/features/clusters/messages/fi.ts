// The clusters feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "help.title": "Ennakko pitää klusterinne ennakointisyklin käynnissä kokousten välillä.",
  "help.yourRole": "Olet *{cluster}*-klusterissa roolissa *{role}*. Voit käyttää:",
  "help.notMember":
    "Tämä kanava kuuluu klusterille *{cluster}*. Liity komennolla `/cluster join`; sen jälkeen voit käyttää:",
  "help.notBound":
    "Tätä kanavaa ei ole vielä liitetty klusteriin. Puheenjohtaja aloittaa komennolla `/cluster setup <nimi>`.",
  "help.personal":
    "Toimin klusterinne kanavalla: kirjoita siellä `/cluster help`. Täällä voit käyttää komentoja `home`, `language <fi|sv|en|nl>` ja `my-data`.",
  "cmd.help": "Mitä voit tehdä täällä",
  "cmd.setup": "Liitä tämä kanava uuteen klusteriin",
  "cmd.members": "Jäsenet ja heidän roolinsa",
  "cmd.join": "Liity tämän kanavan klusteriin",
  "cmd.leave": "Eroa tämän kanavan klusterista",
  "cmd.role": "Anna jäsenelle rooli",
  "cmd.status": "Klusterin tilanne yhdellä silmäyksellä",
  "error.CHANNEL_ALREADY_BOUND": "Tämä kanava kuuluu jo klusterille *{cluster}*.",
  "error.ALREADY_MEMBER": "Olet jo klusterin *{cluster}* jäsen.",
  "error.LAST_CHAIR":
    "Klusterilla on aina oltava puheenjohtaja: anna puheenjohtajan rooli ensin jollekulle toiselle.",
  "setup.formTitle": "Uusi klusteri",
  "setup.submit": "Luo",
  "setup.cancel": "Peruuta",
  "setup.intro": "Kanava liitetään uuteen klusteriin, ja sinusta tulee sen puheenjohtaja.",
  "setup.name": "Klusterin nimi",
  "setup.sector": "Toimiala",
  "setup.sectorPlaceholder": "esim. energia, kaivosala, matkailu",
  "setup.timeZone": "Aikavyöhyke",
  "setup.language": "Oletuskieli",
  "setup.invalid.name": "Anna 2–80 merkin nimi.",
  "setup.invalid.sector": "Toimialan nimi saa olla enintään 80 merkkiä.",
  "setup.invalid.time_zone": "Valitse aikavyöhyke listalta.",
  "setup.invalid.locale": "Valitse kieli listalta.",
  "setup.done": "Valmis: tämä kanava on nyt klusterin *{cluster}* koti, ja sinä olet sen puheenjohtaja.",
  "setup.announce":
    "*{cluster}* on perustettu tälle kanavalle. Jäsenet liittyvät komennolla `/cluster join`; puheenjohtaja antaa roolit komennolla `/cluster role`.",
  "join.button": "Liity",
  "join.done": "Tervetuloa klusteriin *{cluster}*! Liityit jäseneksi.",
  "leave.done": "Erosit klusterista *{cluster}*.",
  "role.done": "{user} on nyt klusterin *{cluster}* {role}.",
  "role.unchanged": "{user} on jo {role}.",
  "members.title": "Klusterin *{cluster}* jäsenet ({count})",
  "status.title": "*{cluster}* yhdellä silmäyksellä",
  "status.sector": "Toimiala",
  "status.timeZone": "Aikavyöhyke",
  "status.language": "Kieli",
  "status.members": "Jäseniä",
  "status.platforms": "Kanavat",
  "status.yourRole": "Roolisi",
  "status.since": "Perustettu",
  "status.none": "ei asetettu",
  "status.failedDeliveries":
    "⚠️ {count, plural, one {# ilmoitusta} other {# ilmoitusta}} ei voitu toimittaa (henkilö poistunut tai botti poistettu). Viimeisimmät:",
  "cmd.timezone": "Klusterin aikavyöhyke; puheenjohtaja tai koordinaattori: vaihda se",
  "timezone.current":
    "*{cluster}* lukee päivämääränsä aikavyöhykkeellä *{zone}* (siellä kello on nyt {time}). Puheenjohtaja tai koordinaattori vaihtaa sen komennolla `/cluster timezone <Alue/Kaupunki>`, esim. `Europe/Helsinki`.",
  "timezone.changed":
    "{who} vaihtoi klusterin *{cluster}* aikavyöhykkeen: {from} → *{zone}* (siellä kello on nyt {time}). Kokoukset pysyvät samalla hetkellä; päivämäärät ja muistutukset luetaan nyt uudella vyöhykkeellä.",
  "timezone.unchanged": "*{cluster}* käyttää jo aikavyöhykettä *{zone}*: mitään ei muutettu.",
  "timezone.unknown":
    "”{value}” ei ole tuntemani aikavyöhyke. Käytä IANA-nimeä, esim. `Europe/Helsinki`, `Europe/Stockholm` tai `Europe/Amsterdam`.",
};
