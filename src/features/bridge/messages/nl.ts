// The bridge feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "cmd.link":
    "Koppel het cluster aan een kanaal op het andere platform (voorzitter of coördinator); `link me` koppelt je eigen Slack- en Teams-accounts; `link <code>` accepteert een code",
  "error.NEEDS_PERSONAL_CHAT":
    "Vraag je accountcode aan in je persoonlijke chat met Ennakko, zodat niemand anders hem ziet.",
  "error.LINK_CODE_INVALID":
    "Dat is geen koppelcode van Ennakko. Codes zien eruit als `K7QM-4XPD`. Er is niets gewijzigd.",
  "error.LINK_CODE_EXPIRED":
    "Die koppelcode is verlopen. Vraag een nieuwe aan: `/cluster link` in het kanaal van het cluster (voorzitter of coördinator), of `/cluster link me` in je persoonlijke chat. Er is niets gewijzigd.",
  "error.LINK_CODE_USED":
    "Die koppelcode is al gebruikt: elke code werkt één keer. Vraag een nieuwe aan als je hem nog nodig hebt. Er is niets gewijzigd.",
  "error.CLUSTER_ALREADY_BRIDGED":
    "*{cluster}* heeft al een {platform}-kanaal: een cluster heeft één kanaal in Slack en één in Teams.",
  "error.CLUSTER_PLATFORM_TAKEN":
    "*{cluster}* heeft al een {platform}-kanaal, en een cluster heeft één kanaal per platform. Typ de code in een kanaal op het andere platform. Er is niets gewijzigd.",
  "error.LINK_SAME_PLATFORM":
    "Deze code koppelt je account op het andere platform, maar je typte hem met een {platform}-account dat er al aan gekoppeld is. Typ hem in de andere app. Er is niets gewijzigd.",
  "error.ALREADY_LINKED": "Je Slack- en Teams-accounts zijn al één lid in Ennakko. Er is niets gewijzigd.",
  "link.channelCode": "🔗 Koppelcode voor *{cluster}*: `{code}`",
  "link.channelHow":
    "In het {platform}-kanaal dat bij het cluster moet komen: {how}. De code werkt één keer, tot {expires}. Daarna verschijnt alles wat Ennakko voor het cluster plaatst in beide kanalen.",
  "link.personCode": "🔗 Je accountcode: `{code}`",
  "link.personHow":
    "In {platform}: {how} in je persoonlijke chat met Ennakko. De code werkt één keer, tot {expires}. Daarna tellen je stemmen en antwoorden één keer, welke app je ook gebruikt.",
  "link.how.SLACK": "typ */cluster link {code}*",
  "link.how.TEAMS": "stuur `link {code}` naar Ennakko",
  "link.bridged":
    "🔗 Dit kanaal is nu gekoppeld aan het cluster *{cluster}*, dat samenkomt op {platforms}. Alles wat Ennakko voor het cluster plaatst verschijnt in beide kanalen, en peilingen en pulsen tellen ieder persoon één keer.",
  "link.joined": "Je bent nu lid van *{cluster}*. Collega's in dit kanaal sluiten aan met `/cluster join`.",
  "link.accounts":
    "Klaar: je accounts op {platforms} zijn nu één lid. Stemmen en antwoorden tellen één keer, welke app je ook gebruikt.",
  "cmd.unlink": "Beëindig de koppeling: het cluster houdt alleen dit kanaal (voorzitter of coördinator)",
  "error.NOT_BRIDGED": "*{cluster}* heeft geen kanaal op het andere platform: er is niets te ontkoppelen.",
  "link.unlinked":
    "🔗 *{cluster}* plaatst niets meer in zijn {platform}-kanaal; dit kanaal is weer zijn enige thuis. De gegevens, leden en maatregelen van het cluster blijven zoals ze zijn.",
  "link.unlinkedNotice":
    "🔗 Dit kanaal is niet meer gekoppeld aan *{cluster}*: een voorzitter of coördinator heeft het in {platform} ontkoppeld. Ennakko plaatst hier niets meer voor het cluster.",
};
