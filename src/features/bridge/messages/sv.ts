// The bridge feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "cmd.link":
    "Koppla klustret till en kanal på den andra plattformen (ordförande eller koordinator); `link me` kopplar ihop dina egna Slack- och Teams-konton; `link <kod>` tar emot en kod",
  "error.NEEDS_PERSONAL_CHAT":
    "Be om din kontokod i din personliga chatt med Ennakko, så att ingen annan ser den.",
  "error.LINK_CODE_INVALID":
    "Det är ingen länkkod från Ennakko. Koder ser ut som `K7QM-4XPD`. Inget ändrades.",
  "error.LINK_CODE_EXPIRED":
    "Länkkoden har gått ut. Be om en ny: `/cluster link` i klustrets kanal (ordförande eller koordinator) eller `/cluster link me` i din personliga chatt. Inget ändrades.",
  "error.LINK_CODE_USED":
    "Länkkoden har redan använts: varje kod fungerar en gång. Be om en ny om du fortfarande behöver den. Inget ändrades.",
  "error.CLUSTER_ALREADY_BRIDGED":
    "*{cluster}* har redan en {platform}-kanal: ett kluster har en kanal i Slack och en i Teams.",
  "error.CLUSTER_PLATFORM_TAKEN":
    "*{cluster}* har redan en {platform}-kanal, och ett kluster har en kanal per plattform. Skriv koden i en kanal på den andra plattformen. Inget ändrades.",
  "error.LINK_SAME_PLATFORM":
    "Koden kopplar ditt konto på den andra plattformen, men du skrev den med ett {platform}-konto som redan är kopplat till den. Skriv den i den andra appen. Inget ändrades.",
  "error.ALREADY_LINKED": "Dina Slack- och Teams-konton är redan en medlem i Ennakko. Inget ändrades.",
  "link.channelCode": "🔗 Länkkod för *{cluster}*: `{code}`",
  "link.channelHow":
    "I den {platform}-kanal som ska anslutas till klustret: {how}. Koden fungerar en gång, till {expires}. Sedan syns allt som Ennakko publicerar för klustret i båda kanalerna.",
  "link.personCode": "🔗 Din kontokod: `{code}`",
  "link.personHow":
    "I {platform}: {how} i din personliga chatt med Ennakko. Koden fungerar en gång, till {expires}. Sedan räknas dina röster och svar en gång, vilken app du än använder.",
  "link.how.SLACK": "skriv */cluster link {code}*",
  "link.how.TEAMS": "skriv `link {code}` till Ennakko",
  "link.bridged":
    "🔗 Den här kanalen är nu kopplad till klustret *{cluster}*, som möts på {platforms}. Allt som Ennakko publicerar för klustret syns i båda kanalerna, och omröstningar och pulser räknar varje person en gång.",
  "link.joined": "Du är nu medlem i *{cluster}*. Kolleger i den här kanalen går med via `/cluster join`.",
  "link.accounts":
    "Klart: dina konton på {platforms} är nu en medlem. Röster och svar räknas en gång, vilken app du än använder.",
  "cmd.unlink": "Avsluta kopplingen: klustret behåller bara den här kanalen (ordförande eller koordinator)",
  "error.NOT_BRIDGED":
    "*{cluster}* har ingen kanal på den andra plattformen: det finns inget att koppla bort.",
  "link.unlinked":
    "🔗 *{cluster}* publicerar inte längre i sin {platform}-kanal; den här kanalen är åter dess enda hem. Klustrets uppgifter, medlemmar och åtgärder förblir som de är.",
  "link.unlinkedNotice":
    "🔗 Den här kanalen är inte längre kopplad till *{cluster}*: en ordförande eller koordinator kopplade bort den i {platform}. Ennakko publicerar inget mer här för klustret.",
};
