// The kernel's words in Finnish.
import type { Translation } from "../fragment.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "app.name": "Ennakko",
  "role.CHAIR": "puheenjohtaja",
  "role.VICE_CHAIR": "varapuheenjohtaja",
  "role.SECRETARY": "sihteeri",
  "role.COORDINATOR": "ennakointikoordinaattori",
  "role.MEMBER": "jäsen",
  "role.OBSERVER": "tarkkailija",
  "lang.fi": "suomi",
  "lang.sv": "ruotsi",
  "lang.en": "englanti",
  "lang.nl": "hollanti",
  "form.required": "Tämä kenttä on pakollinen.",
  "error.INVALID_INPUT": "Jokin ei näyttänyt oikealta ({field}). Tarkista ja yritä uudelleen.",
  "error.NEEDS_CHANNEL": "Tämä toimii kanavalla: käytä sitä klusterinne kanavalla.",
  "error.CHANNEL_NOT_BOUND":
    "Tätä kanavaa ei ole vielä liitetty klusteriin. Puheenjohtaja aloittaa komennolla `/cluster setup <nimi>`.",
  "error.NOT_A_MEMBER": "Et ole vielä klusterin *{cluster}* jäsen. Liity komennolla `/cluster join`.",
  "error.FORBIDDEN": "Roolisi ei salli tätä. Kysy puheenjohtajalta tai ennakointikoordinaattorilta.",
  "error.UNKNOWN_USER":
    "{user} ei ole tämän klusterin jäsen. Pyydä häntä ensin kirjoittamaan `/cluster join`.",
  "error.unexpected": "Meillä meni jotain pieleen, eikä mitään muutettu. Yritä hetken päästä uudelleen.",
  "interaction.repeated": "Tämä tuli minulle jo: se käsiteltiin kerran, eikä mitään muutettu uudelleen.",
  "slackInstall.done":
    "Ennakko on asennettu Slack-työtilaasi. Aloita kanavalla komennolla `/cluster setup <nimi>`.",
  "slackInstall.failed":
    "Asennus ei valmistunut, eikä mitään asennettu. Aloita uudelleen ”Add to Slack” -linkistä.",
  "slackInstall.orgWide":
    "Ennakko asennetaan työtila kerrallaan: asenna se kuhunkin työtilaan eikä koko organisaatioon.",
  "error.notDelivered":
    "Tehty, mutta en voinut lähettää viestiä tälle kanavalle. Onko Ennakko kutsuttu kanavalle?",
  "parse.empty": "Kerro mitä teen, esimerkiksi `/cluster help`.",
  "parse.unknownCommand": "En tunne komentoa `{word}`. Katso `/cluster help`.",
  "parse.usage": "Käyttö: `{usage}`",
  "parse.didYouMean": "Tarkoititko `{usage}`?",
  "parse.badUser": "`{value}` ei ole henkilö. Mainitse hänet, esimerkiksi `/cluster role @Maija secretary`.",
  "parse.badRole": "`{value}` ei ole rooli. Roolit: {roles}.",
  "parse.unknownAction": "Tämä painike ei ole enää käytössä. Aloita alusta komennolla `/cluster help`.",
  "files.sentToPersonalChat": "Lähetin tiedostot sinulle henkilökohtaiseen keskusteluun kanssani.",
  "error.NOT_A_FORUM_MEMBER":
    "Puheenjohtajien foorumi on klustereiden puheenjohtajille, varapuheenjohtajille ja ennakointikoordinaattoreille.",
  "arg.name": "nimi",
  "arg.user": "@henkilö",
  "arg.role": "rooli",
  "arg.term": "kevät|syksy",
  "arg.MM-DD": "KK-PP",
  "arg.meeting": "kokous",
  "arg.code": "koodi",
};
