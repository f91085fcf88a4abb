// The home feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "cmd.home": "Je startpagina: wat in al je clusters op je wacht",
  "home.title": "Hallo {name}: dit wacht op je",
  "home.noClusters":
    "Je zit nog in geen enkel cluster. Word lid met `/cluster join` in het kanaal van het cluster.",
  "home.empty":
    "Er wacht nu niets op je: geen open peilingen of pulsen, geen open maatregelen en geen komende vergaderingen.",
  "home.polls": "Datumpeilingen die op je antwoord wachten",
  "home.poll.item": "*{title}* — {cluster}: antwoord op de peiling in het kanaal van het cluster",
  "home.pulses": "Pulsen die op je antwoorden wachten",
  "home.pulse.item": "*{title}* — {cluster}, sluit {closes}",
  "home.pulse.open": "Open de puls",
  "home.measures": "Jouw maatregelen",
  "home.meetings": "Volgende vergaderingen",
  "home.meeting.item": "*{title}* — {cluster}, {when}",
  "home.organiser": "Wacht op jouw actie",
  "home.org.pollReady": "{cluster}: iedereen heeft de datumpeiling *{title}* beantwoord; kies het tijdstip",
  "home.org.minutes": "{cluster}: de notulen van *{title}* zijn nog niet goedgekeurd",
  "home.org.overdue": "{cluster}: te late maatregelen: {count}",
  "home.org.blocked": "{cluster}: geblokkeerde maatregelen: {count}",
  "home.org.failed": "{cluster}: niet afgeleverde meldingen: {count}",
  "home.refresh": "Vernieuwen",
};
