// The signals feature's words (radar, agenda section, themes) in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./radar-en.ts";

export const sv: Translation<typeof en> = {
  "cmd.signals": "Signalradarn: per kategori och ålder, de starkaste först",
  "signal.radar.age.THIS_MONTH": "denna månad",
  "signal.radar.age.MONTHS_1_3": "1–3 månader",
  "signal.radar.age.MONTHS_3_12": "3–12 månader",
  "signal.radar.age.OLDER": "äldre",
  "signal.radar.heading": "Signalradar för {cluster}",
  "signal.radar.headingCategory": "Signalradar för {cluster}: {category}",
  "signal.radar.total": "{n, plural, one {# signal} other {# signaler}} sparade.",
  "signal.radar.chartTitle": "Signaler per kategori och ålder",
  "signal.radar.strongest": "*De starkaste först*",
  "signal.radar.strongestOf":
    "*De starkaste först* (de {shown} starkaste av de {n, plural, one {# nyaste signalen} other {# nyaste signalerna}})",
  "signal.radar.item":
    "*{title}*\n{category} · {age} · {ratings, plural, =0 {inte bedömd ännu} one {# bedömning} other {# bedömningar}} · styrka {strength}",
  "signal.radar.openMessage": "Öppna meddelandet",
  "signal.radar.openSource": "Öppna källan",
  "signal.radar.empty":
    "Inga signaler har sparats ännu. Spara en med `/cluster signal` eller med ”Spara som signal” på vilket meddelande som helst.",
  "signal.radar.emptyCategory": "Inga signaler i kategorin {category} har sparats ännu.",
  "signal.radar.badCategory": "”{value}” är ingen PESTEL-kategori. Använd någon av: {valid}.",
  "signal.radar.agenda.sinceMeeting": "*Signaler sedan förra mötet*",
  "signal.radar.agenda.firstMeeting": "*Signaler från de senaste 6 månaderna*",
  "signal.radar.agenda.none": "Inga signaler har sparats sedan dess.",
  "signal.radar.agenda.more":
    "{n, plural, one {# signal till} other {# signaler till}} på radarn: `/cluster signals`",
  "signal.radar.themes.heading": "Framväxande teman i klustren",
  "signal.radar.themes.rule":
    "Signaler från de senaste 6 månaderna med samma PESTEL-kategori och minst två gemensamma ord, i minst två kluster. Ord matchas inom ett språk; mellan språk matchas bara gemensamma lånord och namn.",
  "signal.radar.themes.none": "Inget tema har delats av två kluster under de senaste 6 månaderna.",
  "signal.radar.themes.row": "*{words}* ({category}): {counts}",
  "signal.radar.themes.count": "{cluster} {n, plural, one {# signal} other {# signaler}}",
};
