// The kernel's words in Dutch.
import type { Translation } from "../fragment.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "app.name": "Ennakko",
  "role.CHAIR": "voorzitter",
  "role.VICE_CHAIR": "vicevoorzitter",
  "role.SECRETARY": "secretaris",
  "role.COORDINATOR": "vooruitblikcoördinator",
  "role.MEMBER": "lid",
  "role.OBSERVER": "waarnemer",
  "lang.fi": "Fins",
  "lang.sv": "Zweeds",
  "lang.en": "Engels",
  "lang.nl": "Nederlands",
  "form.required": "Dit veld is verplicht.",
  "error.INVALID_INPUT": "Er klopte iets niet ({field}). Controleer het en probeer opnieuw.",
  "error.NEEDS_CHANNEL": "Dit werkt in een kanaal: gebruik het in het kanaal van je cluster.",
  "error.CHANNEL_NOT_BOUND":
    "Dit kanaal is nog niet aan een cluster gekoppeld. Een voorzitter begint met `/cluster setup <naam>`.",
  "error.NOT_A_MEMBER": "Je bent nog geen lid van *{cluster}*. Word lid met `/cluster join`.",
  "error.FORBIDDEN": "Je rol staat dat niet toe. Vraag het de voorzitter of de vooruitblikcoördinator.",
  "error.UNKNOWN_USER": "{user} is geen lid van dit cluster. Vraag hen eerst `/cluster join` te typen.",
  "error.unexpected": "Er ging bij ons iets mis en er is niets gewijzigd. Probeer het zo opnieuw.",
  "interaction.repeated": "Dit heb ik al ontvangen: het is één keer verwerkt en er is niets meer gewijzigd.",
  "slackInstall.done":
    "Ennakko is geïnstalleerd in je Slack-werkruimte. Begin in een kanaal met `/cluster setup <naam>`.",
  "slackInstall.failed":
    "De installatie is niet voltooid en er is niets geïnstalleerd. Begin opnieuw via de link “Add to Slack”.",
  "slackInstall.orgWide":
    "Ennakko wordt per werkruimte geïnstalleerd: installeer het in elke werkruimte in plaats van in de hele organisatie.",
  "error.notDelivered":
    "Gedaan, maar ik kon het bericht niet in dit kanaal plaatsen. Is Ennakko voor dit kanaal uitgenodigd?",
  "parse.empty": "Zeg wat ik moet doen, bijvoorbeeld `/cluster help`.",
  "parse.unknownCommand": "Ik ken `{word}` niet. Zie `/cluster help`.",
  "parse.usage": "Gebruik: `{usage}`",
  "parse.didYouMean": "Bedoelde je `{usage}`?",
  "parse.badUser": "`{value}` is geen persoon. Noem hen, bijvoorbeeld `/cluster role @Maija secretary`.",
  "parse.badRole": "`{value}` is geen rol. Rollen: {roles}.",
  "parse.unknownAction": "Die knop wordt niet meer gebruikt. Begin opnieuw met `/cluster help`.",
  "files.sentToPersonalChat": "Ik heb je de bestanden gestuurd in een persoonlijke chat met mij.",
  "error.NOT_A_FORUM_MEMBER":
    "Het voorzittersoverleg is voor de voorzitters, vicevoorzitters en foresight-coördinatoren van de clusters.",
  "arg.name": "naam",
  "arg.user": "@persoon",
  "arg.role": "rol",
  "arg.term": "voorjaar|najaar",
  "arg.MM-DD": "MM-DD",
  "arg.meeting": "vergadering",
  "arg.code": "code",
};
