// The clusters feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "help.title": "Ennakko houdt de vooruitblikcyclus van je cluster gaande tussen de vergaderingen.",
  "help.yourRole": "Je bent *{role}* in *{cluster}*. Je kunt gebruiken:",
  "help.notMember": "Dit kanaal hoort bij *{cluster}*. Doe mee met `/cluster join`; daarna kun je gebruiken:",
  "help.notBound":
    "Dit kanaal is nog niet aan een cluster gekoppeld. Een voorzitter begint met `/cluster setup <naam>`.",
  "help.personal":
    "Ik werk in het kanaal van je cluster: typ daar `/cluster help`. Hier kun je `home`, `language <fi|sv|en|nl>` en `my-data` gebruiken.",
  "cmd.help": "Wat je hier kunt doen",
  "cmd.setup": "Koppel dit kanaal aan een nieuw cluster",
  "cmd.members": "De leden en hun rollen",
  "cmd.join": "Word lid van het cluster van dit kanaal",
  "cmd.leave": "Verlaat het cluster van dit kanaal",
  "cmd.role": "Geef een lid een rol",
  "cmd.status": "Het cluster in één oogopslag",
  "error.CHANNEL_ALREADY_BOUND": "Dit kanaal hoort al bij *{cluster}*.",
  "error.ALREADY_MEMBER": "Je bent al lid van *{cluster}*.",
  "error.LAST_CHAIR":
    "Een cluster heeft altijd een voorzitter nodig: geef de voorzittersrol eerst aan iemand anders.",
  "setup.formTitle": "Nieuw cluster",
  "setup.submit": "Aanmaken",
  "setup.cancel": "Annuleren",
  "setup.intro": "Het kanaal wordt aan een nieuw cluster gekoppeld en jij wordt de voorzitter.",
  "setup.name": "Naam van het cluster",
  "setup.sector": "Sector",
  "setup.sectorPlaceholder": "bijv. energie, mijnbouw, toerisme",
  "setup.timeZone": "Tijdzone",
  "setup.language": "Standaardtaal",
  "setup.invalid.name": "Geef een naam van 2–80 tekens.",
  "setup.invalid.sector": "Houd de sector onder de 80 tekens.",
  "setup.invalid.time_zone": "Kies een tijdzone uit de lijst.",
  "setup.invalid.locale": "Kies een taal uit de lijst.",
  "setup.done": "Klaar: dit kanaal is nu de thuisbasis van *{cluster}*, en jij bent de voorzitter.",
  "setup.announce":
    "*{cluster}* is in dit kanaal opgezet. Leden doen mee met `/cluster join`; de voorzitter verdeelt rollen met `/cluster role`.",
  "join.button": "Meedoen",
  "join.done": "Welkom bij *{cluster}*! Je bent lid geworden.",
  "leave.done": "Je hebt *{cluster}* verlaten.",
  "role.done": "{user} is nu *{role}* in *{cluster}*.",
  "role.unchanged": "{user} is al *{role}*.",
  "members.title": "Leden van *{cluster}* ({count})",
  "status.title": "*{cluster}* in één oogopslag",
  "status.sector": "Sector",
  "status.timeZone": "Tijdzone",
  "status.language": "Taal",
  "status.members": "Leden",
  "status.platforms": "Kanalen",
  "status.yourRole": "Jouw rol",
  "status.since": "Sinds",
  "status.none": "niet ingesteld",
  "status.failedDeliveries":
    "⚠️ {count, plural, one {# melding kon} other {# meldingen konden}} niet worden bezorgd (persoon weg of bot verwijderd). Laatste:",
  "cmd.timezone": "De tijdzone van het cluster; voorzitter of coördinator: wijzig hem",
  "timezone.current":
    "*{cluster}* leest zijn datums in *{zone}* (daar is het nu {time}). Een voorzitter of coördinator wijzigt die met `/cluster timezone <Gebied/Stad>`, bijv. `Europe/Amsterdam`.",
  "timezone.changed":
    "{who} wijzigde de tijdzone van *{cluster}* van {from} naar *{zone}* (daar is het nu {time}). Vergaderingen houden hun moment; datums en herinneringen gelden nu in de nieuwe zone.",
  "timezone.unchanged": "*{cluster}* gebruikt al *{zone}*: er is niets gewijzigd.",
  "timezone.unknown":
    "“{value}” is geen tijdzone die ik ken. Gebruik een IANA-naam zoals `Europe/Amsterdam`, `Europe/Brussels` of `Europe/Helsinki`.",
};
