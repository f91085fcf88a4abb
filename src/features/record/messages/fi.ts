// The record feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "cmd.record": "Kirjaa kokous: läsnäolijat, päätökset ja asiakohtien käsittely",
  "cmd.decide": "Kirjaa kokouksen päätös",
  "error.NO_MEETING_TO_RECORD":
    "Kirjattavaa kokousta ei vielä ole: kokouksen voi kirjata, kun sen ajankohta on päätetty, alkaen kaksi tuntia ennen kokouksen alkua.",
  "error.MEETING_NOT_RECORDABLE":
    "Kokousta *{title}* ei voi kirjata: se ei ole vielä alkanut tai se on peruttu.",
  "record.heading": "Kirjaus: {title}",
  "record.when": "*{when}*{where}",
  "record.held": "Kirjattu pidetyksi.",
  "record.notHeld": "Ei vielä kirjattu: mikä tahansa kirjaus merkitsee kokouksen pidetyksi.",
  "record.attendance": "*Osallistujat*",
  "record.noAttendance": "Läsnäolijoita ei ole vielä kirjattu.",
  "record.present": "Läsnä ({count}): {names}",
  "record.absent": "Poissa ({count}): {names}",
  "record.button.attendance": "Kirjaa läsnäolijat",
  "record.decisions": "*Päätökset*",
  "record.noDecisions": "Päätöksiä ei ole vielä kirjattu.",
  "record.button.decide": "Kirjaa päätös",
  "record.agenda": "*Asiakohdat*",
  "record.noItems": "Asialistalla ei ollut asioita.",
  "record.button.discussed": "Käsitelty",
  "record.button.deferred": "Lykätty",
  "record.attendanceForm": "Läsnäolijat",
  "record.attendanceIntro":
    "Valitse, ketkä olivat läsnä kokouksessa *{title}*; muut merkitään poissaoleviksi.",
  "record.presentLabel": "Läsnä",
  "record.attendanceSaved": "Läsnäolijat tallennettu: {present} läsnä, {absent} poissa.",
  "decision.formTitle": "Kirjaa päätös",
  "decision.submit": "Kirjaa",
  "decision.forMeeting": "Kokouksen *{title}* päätös.",
  "decision.noMeeting": "Mitään kokousta ei nyt kirjata: päätös kirjataan klusterin päätökseksi.",
  "decision.text": "Päätös",
  "decision.item": "Asiakohta",
  "decision.invalid.text": "Kirjoita päätös 3–2000 merkillä.",
  "decision.invalid.item": "Valitse listasta tämän kokouksen asiakohta.",
  "decision.saved": "Päätös on kirjattu ja julkaistu kanavalla.",
  "decision.duplicate": "Tämä päätös on jo kirjattu.",
  "decision.announce": "📌 *Kokouksen {meeting} päätös*: {text}",
  "decision.announceItem": "📌 *Kokouksen {meeting} päätös* asiassa ”{item}”: {text}",
  "decision.announceCluster": "📌 *Klusterin {cluster} päätös*: {text}",
};
