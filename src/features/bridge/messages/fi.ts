// The bridge feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "cmd.link":
    "Yhdistä klusteri kanavaan toisella alustalla (puheenjohtaja tai koordinaattori); `link me` yhdistää omat Slack- ja Teams-tilisi; `link <koodi>` ottaa koodin käyttöön",
  "error.NEEDS_PERSONAL_CHAT":
    "Pyydä tilikoodisi henkilökohtaisessa keskustelussa Ennakon kanssa, jotta kukaan muu ei näe sitä.",
  "error.LINK_CODE_INVALID":
    "Tämä ei ole Ennakon linkkikoodi. Koodit ovat muotoa `K7QM-4XPD`. Mitään ei muutettu.",
  "error.LINK_CODE_EXPIRED":
    "Linkkikoodi on vanhentunut. Pyydä uusi: `/cluster link` klusterin kanavalla (puheenjohtaja tai koordinaattori) tai `/cluster link me` henkilökohtaisessa keskustelussa. Mitään ei muutettu.",
  "error.LINK_CODE_USED":
    "Linkkikoodi on jo käytetty: kukin koodi toimii kerran. Pyydä uusi, jos tarvitset sitä vielä. Mitään ei muutettu.",
  "error.CLUSTER_ALREADY_BRIDGED":
    "Klusterilla *{cluster}* on jo {platform}-kanava: klusterilla on yksi kanava Slackissa ja yksi Teamsissa.",
  "error.CLUSTER_PLATFORM_TAKEN":
    "Klusterilla *{cluster}* on jo {platform}-kanava, ja klusterilla on yksi kanava kullakin alustalla. Kirjoita koodi kanavalle toisella alustalla. Mitään ei muutettu.",
  "error.LINK_SAME_PLATFORM":
    "Koodi yhdistää tilisi toisella alustalla, mutta kirjoitit sen {platform}-tilillä, joka on jo yhdistetty siihen. Kirjoita se toisessa sovelluksessa. Mitään ei muutettu.",
  "error.ALREADY_LINKED": "Slack- ja Teams-tilisi ovat jo yksi jäsen Ennakossa. Mitään ei muutettu.",
  "link.channelCode": "🔗 Klusterin *{cluster}* linkkikoodi: `{code}`",
  "link.channelHow":
    "Klusteriin liitettävällä {platform}-kanavalla {how}. Koodi toimii kerran, {expires} asti. Sen jälkeen kaikki, mitä Ennakko julkaisee klusterille, näkyy molemmilla kanavilla.",
  "link.personCode": "🔗 Tilikoodisi: `{code}`",
  "link.personHow":
    "Sovelluksessa {platform} {how} henkilökohtaisessa keskustelussa Ennakon kanssa. Koodi toimii kerran, {expires} asti. Sen jälkeen äänesi ja vastauksesi lasketaan kerran, kumpaa sovellusta käytätkin.",
  "link.how.SLACK": "kirjoita */cluster link {code}*",
  "link.how.TEAMS": "kirjoita Ennakolle `link {code}`",
  "link.bridged":
    "🔗 Tämä kanava on nyt yhdistetty klusteriin *{cluster}*, joka kokoontuu alustoilla {platforms}. Kaikki, mitä Ennakko julkaisee klusterille, näkyy molemmilla kanavilla, ja kyselyt ja pulssit laskevat kunkin henkilön kerran.",
  "link.joined":
    "Olet nyt klusterin *{cluster}* jäsen. Kollegat tällä kanavalla liittyvät komennolla `/cluster join`.",
  "link.accounts":
    "Valmis: tilisi alustoilla {platforms} ovat nyt yksi jäsen. Äänet ja vastaukset lasketaan kerran, kumpaa sovellusta käytätkin.",
  "cmd.unlink": "Pura yhteys: klusterille jää vain tämä kanava (puheenjohtaja tai koordinaattori)",
  "error.NOT_BRIDGED":
    "Klusterilla *{cluster}* ei ole kanavaa toisella alustalla: purettavaa yhteyttä ei ole.",
  "link.unlinked":
    "🔗 *{cluster}* ei enää julkaise {platform}-kanavalleen; tämä kanava on taas sen ainoa koti. Klusterin tiedot, jäsenet ja toimenpiteet säilyvät ennallaan.",
  "link.unlinkedNotice":
    "🔗 Tätä kanavaa ei ole enää yhdistetty klusteriin *{cluster}*: puheenjohtaja tai koordinaattori purki yhteyden sovelluksessa {platform}. Ennakko ei enää julkaise tänne klusterin viestejä.",
};
