// The signals feature's words (radar, agenda section, themes) in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./radar-en.ts";

export const nl: Translation<typeof en> = {
  "cmd.signals": "De signalenradar: per categorie en leeftijd, de sterkste eerst",
  "signal.radar.age.THIS_MONTH": "deze maand",
  "signal.radar.age.MONTHS_1_3": "1–3 maanden",
  "signal.radar.age.MONTHS_3_12": "3–12 maanden",
  "signal.radar.age.OLDER": "ouder",
  "signal.radar.heading": "Signalenradar van {cluster}",
  "signal.radar.headingCategory": "Signalenradar van {cluster}: {category}",
  "signal.radar.total": "{n, plural, one {# signaal} other {# signalen}} bewaard.",
  "signal.radar.chartTitle": "Signalen per categorie en leeftijd",
  "signal.radar.strongest": "*De sterkste eerst*",
  "signal.radar.strongestOf":
    "*De sterkste eerst* (de {shown} sterkste van de {n, plural, one {# nieuwste signaal} other {# nieuwste signalen}})",
  "signal.radar.item":
    "*{title}*\n{category} · {age} · {ratings, plural, =0 {nog niet beoordeeld} one {# beoordeling} other {# beoordelingen}} · sterkte {strength}",
  "signal.radar.openMessage": "Bericht openen",
  "signal.radar.openSource": "Bron openen",
  "signal.radar.empty":
    "Er zijn nog geen signalen bewaard. Bewaar er een met `/cluster signal` of met ‘Bewaren als signaal’ bij een bericht.",
  "signal.radar.emptyCategory": "Er zijn nog geen signalen in de categorie {category} bewaard.",
  "signal.radar.badCategory": "‘{value}’ is geen PESTEL-categorie. Gebruik een van: {valid}.",
  "signal.radar.agenda.sinceMeeting": "*Signalen sinds de vorige vergadering*",
  "signal.radar.agenda.firstMeeting": "*Signalen van de afgelopen 6 maanden*",
  "signal.radar.agenda.none": "Sindsdien zijn er geen signalen bewaard.",
  "signal.radar.agenda.more":
    "Nog {n, plural, one {# signaal} other {# signalen}} op de radar: `/cluster signals`",
  "signal.radar.themes.heading": "Opkomende thema's in de clusters",
  "signal.radar.themes.rule":
    "Signalen van de afgelopen 6 maanden met dezelfde PESTEL-categorie en ten minste twee gedeelde woorden, in ten minste twee clusters. Woorden komen overeen binnen één taal; tussen talen alleen gedeelde leenwoorden en namen.",
  "signal.radar.themes.none": "Geen thema gedeeld door twee clusters in de afgelopen 6 maanden.",
  "signal.radar.themes.row": "*{words}* ({category}): {counts}",
  "signal.radar.themes.count": "{cluster} {n, plural, one {# signaal} other {# signalen}}",
};
