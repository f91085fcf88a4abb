// The clusters feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "help.title": "Ennakko håller klustrets framsynscykel igång mellan mötena.",
  "help.yourRole": "Du är *{role}* i *{cluster}*. Du kan använda:",
  "help.notMember": "Den här kanalen hör till *{cluster}*. Gå med med `/cluster join`; sedan kan du använda:",
  "help.notBound":
    "Den här kanalen är ännu inte kopplad till ett kluster. En ordförande börjar med `/cluster setup <namn>`.",
  "help.personal":
    "Jag arbetar i klustrets kanal: skriv `/cluster help` där. Här kan du använda `home`, `language <fi|sv|en|nl>` och `my-data`.",
  "cmd.help": "Vad du kan göra här",
  "cmd.setup": "Koppla kanalen till ett nytt kluster",
  "cmd.members": "Medlemmarna och deras roller",
  "cmd.join": "Gå med i kanalens kluster",
  "cmd.leave": "Lämna kanalens kluster",
  "cmd.role": "Ge en medlem en roll",
  "cmd.status": "Klustret i korthet",
  "error.CHANNEL_ALREADY_BOUND": "Den här kanalen hör redan till *{cluster}*.",
  "error.ALREADY_MEMBER": "Du är redan medlem i *{cluster}*.",
  "error.LAST_CHAIR": "Ett kluster behöver alltid en ordförande: ge ordföranderollen till någon annan först.",
  "setup.formTitle": "Nytt kluster",
  "setup.submit": "Skapa",
  "setup.cancel": "Avbryt",
  "setup.intro": "Kanalen kopplas till ett nytt kluster och du blir dess ordförande.",
  "setup.name": "Klustrets namn",
  "setup.sector": "Bransch",
  "setup.sectorPlaceholder": "t.ex. energi, gruvdrift, turism",
  "setup.timeZone": "Tidszon",
  "setup.language": "Standardspråk",
  "setup.invalid.name": "Ange ett namn på 2–80 tecken.",
  "setup.invalid.sector": "Branschen får vara högst 80 tecken.",
  "setup.invalid.time_zone": "Välj en tidszon i listan.",
  "setup.invalid.locale": "Välj ett språk i listan.",
  "setup.done": "Klart: den här kanalen är nu hemmet för *{cluster}*, och du är dess ordförande.",
  "setup.announce":
    "*{cluster}* har startats i den här kanalen. Medlemmar går med med `/cluster join`; ordföranden delar ut roller med `/cluster role`.",
  "join.button": "Gå med",
  "join.done": "Välkommen till *{cluster}*! Du gick med som medlem.",
  "leave.done": "Du lämnade *{cluster}*.",
  "role.done": "{user} är nu *{role}* i *{cluster}*.",
  "role.unchanged": "{user} är redan *{role}*.",
  "members.title": "Medlemmar i *{cluster}* ({count})",
  "status.title": "*{cluster}* i korthet",
  "status.sector": "Bransch",
  "status.timeZone": "Tidszon",
  "status.language": "Språk",
  "status.members": "Medlemmar",
  "status.platforms": "Kanaler",
  "status.yourRole": "Din roll",
  "status.since": "Sedan",
  "status.none": "inte angivet",
  "status.failedDeliveries":
    "⚠️ {count, plural, one {# avisering} other {# aviseringar}} kunde inte levereras (personen borta eller boten borttagen). Senaste:",
  "cmd.timezone": "Klustrets tidszon; ordförande eller koordinator: byt den",
  "timezone.current":
    "*{cluster}* läser sina datum i *{zone}* (där är klockan nu {time}). En ordförande eller koordinator byter den med `/cluster timezone <Område/Stad>`, t.ex. `Europe/Stockholm`.",
  "timezone.changed":
    "{who} bytte tidszonen för *{cluster}* från {from} till *{zone}* (där är klockan nu {time}). Möten behåller sin tidpunkt; datum och påminnelser läses nu i den nya zonen.",
  "timezone.unchanged": "*{cluster}* använder redan *{zone}*: inget ändrades.",
  "timezone.unknown":
    "”{value}” är ingen tidszon jag känner till. Använd ett IANA-namn som `Europe/Stockholm`, `Europe/Helsinki` eller `Europe/Amsterdam`.",
};
