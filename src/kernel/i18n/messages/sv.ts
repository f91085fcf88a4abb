// The kernel's words in Swedish.
import type { Translation } from "../fragment.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "app.name": "Ennakko",
  "role.CHAIR": "ordförande",
  "role.VICE_CHAIR": "vice ordförande",
  "role.SECRETARY": "sekreterare",
  "role.COORDINATOR": "framsynskoordinator",
  "role.MEMBER": "medlem",
  "role.OBSERVER": "observatör",
  "lang.fi": "finska",
  "lang.sv": "svenska",
  "lang.en": "engelska",
  "lang.nl": "nederländska",
  "form.required": "Det här fältet är obligatoriskt.",
  "error.INVALID_INPUT": "Något såg inte rätt ut ({field}). Kontrollera och försök igen.",
  "error.NEEDS_CHANNEL": "Det här fungerar i en kanal: använd det i klustrets kanal.",
  "error.CHANNEL_NOT_BOUND":
    "Den här kanalen är ännu inte kopplad till ett kluster. En ordförande börjar med `/cluster setup <namn>`.",
  "error.NOT_A_MEMBER": "Du är inte medlem i *{cluster}* ännu. Gå med med `/cluster join`.",
  "error.FORBIDDEN": "Din roll tillåter inte det. Fråga ordföranden eller framsynskoordinatorn.",
  "error.UNKNOWN_USER": "{user} är inte medlem i klustret. Be hen först skriva `/cluster join`.",
  "error.unexpected": "Något gick fel hos oss och inget ändrades. Försök igen om en stund.",
  "interaction.repeated": "Det här har jag redan fått: det hanterades en gång och inget mer ändrades.",
  "slackInstall.done":
    "Ennakko är installerad i din Slack-arbetsyta. Börja i en kanal med `/cluster setup <namn>`.",
  "slackInstall.failed":
    "Installationen slutfördes inte, och inget installerades. Börja om från länken ”Add to Slack”.",
  "slackInstall.orgWide":
    "Ennakko installeras arbetsyta för arbetsyta: installera den i varje arbetsyta i stället för i hela organisationen.",
  "error.notDelivered":
    "Klart, men jag kunde inte skicka meddelandet till den här kanalen. Är Ennakko inbjuden till den?",
  "parse.empty": "Säg vad jag ska göra, t.ex. `/cluster help`.",
  "parse.unknownCommand": "Jag känner inte till `{word}`. Se `/cluster help`.",
  "parse.usage": "Användning: `{usage}`",
  "parse.didYouMean": "Menade du `{usage}`?",
  "parse.badUser": "`{value}` är ingen person. Nämn personen, t.ex. `/cluster role @Maija secretary`.",
  "parse.badRole": "`{value}` är ingen roll. Roller: {roles}.",
  "parse.unknownAction": "Den knappen används inte längre. Börja om med `/cluster help`.",
  "files.sentToPersonalChat": "Jag skickade filerna till dig i en personlig chatt med mig.",
  "error.NOT_A_FORUM_MEMBER":
    "Ordförandeforumet är till för klustrens ordförande, vice ordförande och framsynskoordinatorer.",
  "arg.name": "namn",
  "arg.user": "@person",
  "arg.role": "roll",
  "arg.term": "vår|höst",
  "arg.MM-DD": "MM-DD",
  "arg.meeting": "möte",
  "arg.code": "kod",
};
