// The home feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "cmd.home": "Oma näkymäsi: mitä sinulta odotetaan kaikissa klustereissasi",
  "home.title": "Hei {name}: tämä odottaa sinua",
  "home.noClusters":
    "Et ole vielä missään klusterissa. Liity klusteriin sen kanavalla komennolla `/cluster join`.",
  "home.empty":
    "Mikään ei odota sinua juuri nyt: ei avoimia kyselyitä eikä pulsseja, ei avoimia toimenpiteitä eikä tulevia kokouksia.",
  "home.polls": "Ajankohtakyselyt, jotka odottavat vastaustasi",
  "home.poll.item": "*{title}* — {cluster}: vastaa kyselyyn klusterin kanavalla",
  "home.pulses": "Pulssit, jotka odottavat vastauksiasi",
  "home.pulse.item": "*{title}* — {cluster}, sulkeutuu {closes}",
  "home.pulse.open": "Avaa pulssi",
  "home.measures": "Sinun toimenpiteesi",
  "home.meetings": "Seuraavat kokoukset",
  "home.meeting.item": "*{title}* — {cluster}, {when}",
  "home.organiser": "Odottaa toimiasi",
  "home.org.pollReady": "{cluster}: kaikki ovat vastanneet ajankohtakyselyyn *{title}*; valitse ajankohta",
  "home.org.minutes": "{cluster}: kokouksen *{title}* pöytäkirjaa ei ole vielä hyväksytty",
  "home.org.overdue": "{cluster}: myöhässä olevia toimenpiteitä: {count}",
  "home.org.blocked": "{cluster}: estyneitä toimenpiteitä: {count}",
  "home.org.failed": "{cluster}: toimittamatta jääneitä ilmoituksia: {count}",
  "home.refresh": "Päivitä",
};
