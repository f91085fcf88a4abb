// The home feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "cmd.home": "Din startsida: det som väntar på dig i alla dina kluster",
  "home.title": "Hej {name}: det här väntar på dig",
  "home.noClusters": "Du är inte med i något kluster ännu. Gå med i ett med `/cluster join` i dess kanal.",
  "home.empty":
    "Inget väntar på dig just nu: inga öppna omröstningar eller pulser, inga öppna åtgärder och inga kommande möten.",
  "home.polls": "Datumomröstningar som väntar på ditt svar",
  "home.poll.item": "*{title}* — {cluster}: svara på omröstningen i klustrets kanal",
  "home.pulses": "Pulser som väntar på dina svar",
  "home.pulse.item": "*{title}* — {cluster}, stänger {closes}",
  "home.pulse.open": "Öppna pulsen",
  "home.measures": "Dina åtgärder",
  "home.meetings": "Kommande möten",
  "home.meeting.item": "*{title}* — {cluster}, {when}",
  "home.organiser": "Kräver din åtgärd",
  "home.org.pollReady": "{cluster}: alla har svarat på datumomröstningen *{title}*; välj tiden",
  "home.org.minutes": "{cluster}: protokollet från *{title}* är inte godkänt ännu",
  "home.org.overdue": "{cluster}: försenade åtgärder: {count}",
  "home.org.blocked": "{cluster}: blockerade åtgärder: {count}",
  "home.org.failed": "{cluster}: meddelanden som inte levererades: {count}",
  "home.refresh": "Uppdatera",
};
