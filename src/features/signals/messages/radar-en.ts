// The signals feature's words (radar, agenda section, themes) in English, the reference: fi, sv and nl have exactly these keys.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.signals": "The signals radar: by category and age, strongest first",
  "signal.radar.age.THIS_MONTH": "this month",
  "signal.radar.age.MONTHS_1_3": "1–3 months",
  "signal.radar.age.MONTHS_3_12": "3–12 months",
  "signal.radar.age.OLDER": "older",
  "signal.radar.heading": "Signals radar of {cluster}",
  "signal.radar.headingCategory": "Signals radar of {cluster}: {category}",
  "signal.radar.total": "{n, plural, one {# signal} other {# signals}} saved.",
  "signal.radar.chartTitle": "Signals by category and age",
  "signal.radar.strongest": "*Strongest first*",
  "signal.radar.strongestOf":
    "*Strongest first* ({shown} strongest of the newest {n, plural, one {# signal} other {# signals}})",
  "signal.radar.item":
    "*{title}*\n{category} · {age} · {ratings, plural, =0 {not rated yet} one {# rating} other {# ratings}} · strength {strength}",
  "signal.radar.openMessage": "Open message",
  "signal.radar.openSource": "Open source",
  "signal.radar.empty":
    "No signals saved yet. Save one with `/cluster signal`, or with “Save as signal” on any message.",
  "signal.radar.emptyCategory": "No {category} signals saved yet.",
  "signal.radar.badCategory": "“{value}” is not a PESTEL category. Use one of: {valid}.",
  "signal.radar.agenda.sinceMeeting": "*Signals since the last meeting*",
  "signal.radar.agenda.firstMeeting": "*Signals of the last 6 months*",
  "signal.radar.agenda.none": "No signals saved since then.",
  "signal.radar.agenda.more":
    "{n, plural, one {# more signal} other {# more signals}} on the radar: `/cluster signals`",
  "signal.radar.themes.heading": "Emerging themes across clusters",
  "signal.radar.themes.rule":
    "Signals of the last 6 months that share a PESTEL category and at least two words, in at least two clusters. Words match within one language; across languages only shared loanwords and names do.",
  "signal.radar.themes.none": "No theme shared by two clusters in the last 6 months.",
  "signal.radar.themes.row": "*{words}* ({category}): {counts}",
  "signal.radar.themes.count": "{cluster} {n, plural, one {# signal} other {# signals}}",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"signals-radar", typeof en> {}
}
