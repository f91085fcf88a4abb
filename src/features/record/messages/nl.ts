// The record feature's words in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "cmd.record": "Leg de vergadering vast: aanwezigheid, besluiten en afhandeling van de agendapunten",
  "cmd.decide": "Leg een besluit van de vergadering vast",
  "error.NO_MEETING_TO_RECORD":
    "Er is nog geen vergadering om vast te leggen: dat kan zodra ze is ingepland, vanaf twee uur voor de aanvang.",
  "error.MEETING_NOT_RECORDABLE":
    "*{title}* kan niet worden vastgelegd: de vergadering is nog niet begonnen of is geannuleerd.",
  "record.heading": "Verslag: {title}",
  "record.when": "*{when}*{where}",
  "record.held": "Vastgelegd als gehouden.",
  "record.notHeld": "Nog niet vastgelegd: alles wat je vastlegt markeert de vergadering als gehouden.",
  "record.attendance": "*Aanwezigheid*",
  "record.noAttendance": "De aanwezigheid is nog niet vastgelegd.",
  "record.present": "Aanwezig ({count}): {names}",
  "record.absent": "Afwezig ({count}): {names}",
  "record.button.attendance": "Aanwezigheid vastleggen",
  "record.decisions": "*Besluiten*",
  "record.noDecisions": "Nog geen besluiten vastgelegd.",
  "record.button.decide": "Besluit vastleggen",
  "record.agenda": "*Agendapunten*",
  "record.noItems": "De agenda had geen punten.",
  "record.button.discussed": "Besproken",
  "record.button.deferred": "Uitgesteld",
  "record.attendanceForm": "Aanwezigheid",
  "record.attendanceIntro": "Vink aan wie er op *{title}* was; alle anderen worden als afwezig genoteerd.",
  "record.presentLabel": "Aanwezig",
  "record.attendanceSaved": "Aanwezigheid opgeslagen: {present} aanwezig, {absent} afwezig.",
  "decision.formTitle": "Besluit vastleggen",
  "decision.submit": "Vastleggen",
  "decision.forMeeting": "Een besluit van *{title}*.",
  "decision.noMeeting":
    "Er wordt nu geen vergadering vastgelegd: het besluit wordt voor het cluster vastgelegd.",
  "decision.text": "Besluit",
  "decision.item": "Agendapunt",
  "decision.invalid.text": "Schrijf het besluit in 3–2000 tekens.",
  "decision.invalid.item": "Kies een agendapunt van deze vergadering uit de lijst.",
  "decision.saved": "Het besluit is vastgelegd en in het kanaal geplaatst.",
  "decision.duplicate": "Dit besluit is al vastgelegd.",
  "decision.announce": "📌 *Besluit van {meeting}*: {text}",
  "decision.announceItem": "📌 *Besluit van {meeting}* over ‘{item}’: {text}",
  "decision.announceCluster": "📌 *Besluit van {cluster}*: {text}",
};
