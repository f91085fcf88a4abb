// The signals feature's words (radar, agenda section, themes) in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./radar-en.ts";

export const fi: Translation<typeof en> = {
  "cmd.signals": "Signaalitutka: luokittain ja iän mukaan, vahvimmat ensin",
  "signal.radar.age.THIS_MONTH": "tässä kuussa",
  "signal.radar.age.MONTHS_1_3": "1–3 kk",
  "signal.radar.age.MONTHS_3_12": "3–12 kk",
  "signal.radar.age.OLDER": "vanhemmat",
  "signal.radar.heading": "Klusterin {cluster} signaalitutka",
  "signal.radar.headingCategory": "Klusterin {cluster} signaalitutka: {category}",
  "signal.radar.total": "{n, plural, one {# signaali} other {# signaalia}} tallennettu.",
  "signal.radar.chartTitle": "Signaalit luokittain ja iän mukaan",
  "signal.radar.strongest": "*Vahvimmat ensin*",
  "signal.radar.strongestOf":
    "*Vahvimmat ensin* ({shown} vahvinta {n, plural, one {# uusimmasta signaalista} other {# uusimmasta signaalista}})",
  "signal.radar.item":
    "*{title}*\n{category} · {age} · {ratings, plural, =0 {ei vielä arvioitu} one {# arvio} other {# arviota}} · vahvuus {strength}",
  "signal.radar.openMessage": "Avaa viesti",
  "signal.radar.openSource": "Avaa lähde",
  "signal.radar.empty":
    "Signaaleja ei ole vielä tallennettu. Tallenna komennolla `/cluster signal` tai minkä tahansa viestin toiminnolla ”Tallenna signaaliksi”.",
  "signal.radar.emptyCategory": "Luokassa {category} ei ole vielä signaaleja.",
  "signal.radar.badCategory": "”{value}” ei ole PESTEL-luokka. Valitse jokin näistä: {valid}.",
  "signal.radar.agenda.sinceMeeting": "*Signaalit edellisen kokouksen jälkeen*",
  "signal.radar.agenda.firstMeeting": "*Viimeisen 6 kuukauden signaalit*",
  "signal.radar.agenda.none": "Uusia signaaleja ei ole tallennettu sen jälkeen.",
  "signal.radar.agenda.more":
    "Tutkassa on {n, plural, one {# signaali lisää} other {# signaalia lisää}}: `/cluster signals`",
  "signal.radar.themes.heading": "Nousevat teemat klustereissa",
  "signal.radar.themes.rule":
    "Viimeisen 6 kuukauden signaalit, joilla on sama PESTEL-luokka ja vähintään kaksi yhteistä sanaa vähintään kahdessa klusterissa. Sanat täsmäävät saman kielen sisällä; kielten välillä vain yhteiset lainasanat ja nimet.",
  "signal.radar.themes.none": "Viimeisen 6 kuukauden aikana ei ole kahden klusterin yhteisiä teemoja.",
  "signal.radar.themes.row": "*{words}* ({category}): {counts}",
  "signal.radar.themes.count": "{cluster} {n, plural, one {# signaali} other {# signaalia}}",
};
