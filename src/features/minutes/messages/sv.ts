// The minutes feature's words in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "cmd.minutes": "Det godkända protokollet som DOCX och Markdown, och åtgärderna som CSV",
  "cmd.minutes draft": "Gör ett utkast till protokoll från ett möte och redigera det i ett formulär",
  "cmd.minutes approve": "Godkänn protokollet och publicera det i kanalen",
  "error.NO_HELD_MEETING":
    "Inget möte i det här klustret har hållits ännu, så det finns inget protokoll. Ange ett: `/cluster minutes <möte>`.",
  "error.MINUTES_MEETING_NOT_FOUND":
    "Jag hittar inget möte ”{meeting}” i det här klustret. Använd mötets titel eller början av dess id.",
  "error.MINUTES_NOT_APPROVED":
    "Protokollet från *{meeting}* är inte godkänt ännu. Sekreteraren eller ordföranden godkänner det med `/cluster minutes approve`.",
  "error.MINUTES_ALREADY_APPROVED":
    "Version {version} av protokollet är redan godkänd. Redigera det med `/cluster minutes draft` för att göra en ny version.",
  "minutes.formTitle": "Protokoll",
  "minutes.formIntro":
    "Protokoll från *{title}*, version {version}. Närvaro, ärendenas behandling, {decisions, plural, one {# beslut} other {# beslut}}, {measures, plural, one {# ny åtgärd} other {# nya åtgärder}}, uppföljningen och den senaste pulsenkäten hämtas ur anteckningarna; skriv resten här.",
  "minutes.newVersion":
    "Version {approved} är godkänd och förblir oförändrad; när du sparar blir det version {version}.",
  "minutes.field.summary": "Inledning och sammanfattning",
  "minutes.field.discussion": "Anteckningar från diskussionen",
  "minutes.field.nextSteps": "Nästa steg",
  "minutes.save": "Spara utkast",
  "minutes.saved":
    "Utkastet till protokoll från *{title}* (version {version}) är sparat. Godkänn det när det är klart.",
  "minutes.savedNew":
    "Sparat som version {version} av protokollet från *{title}*, ett nytt utkast; den godkända versionen är oförändrad.",
  "minutes.approve": "Godkänn",
  "minutes.edit": "Redigera",
  "minutes.approved": "Version {version} av protokollet från *{title}* är godkänd och publicerad i kanalen.",
  "minutes.announce": "📝 Protokoll från *{title}* (version {version}), godkänt av {name}",
  "minutes.files.comment":
    "Protokollet från *{title}* (version {version}) som DOCX och Markdown, och åtgärderna som CSV.",
  "minutes.files.draft":
    "Ett UTKAST till protokoll från *{title}* (version {version}, inte godkänt ännu) som DOCX och Markdown, och åtgärderna som CSV.",
  "minutes.files.docx": "Protokoll (Word)",
  "minutes.files.markdown": "Protokoll (Markdown)",
  "minutes.files.csv": "Åtgärder (CSV)",
};
