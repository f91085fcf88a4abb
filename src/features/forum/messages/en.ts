// The forum feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.forum setup": "Bind this channel as the chairs' forum of all clusters",
  "cmd.chairs report": "The clusters side by side: skill demand, measures, meetings (chairs' forum)",
  "error.NOT_IN_FORUM":
    "Reports are given in the chairs' forum: run `/cluster chairs report` in the forum's channel (a chair binds one with `/cluster forum setup <name>`).",
  "error.FORUM_EXISTS": "This workspace already has a chairs' forum: *{forum}*.",
  "forum.done":
    "This channel is now *{forum}*, the chairs' forum. Get the cross-assessment here with `/cluster chairs report`.",
  "forum.announce":
    "🧭 *{forum}* is the chairs' forum. Chairs, vice-chairs and foresight coordinators of the clusters compare them here with `/cluster chairs report`.",
  "forum.help":
    "This channel is the chairs' forum. Its members are the chairs, vice-chairs and foresight coordinators of the clusters. `/cluster chairs report` compares the clusters: where skill demand is growing, measures, upcoming meetings. The forum plans its own meeting with `/cluster meeting plan`; `/cluster cycle` shows its terms.",
  "forum.onlyReports":
    "This channel is the chairs' forum: cluster commands work in each cluster's own channel. Here, use `/cluster chairs report`, or `/cluster meeting plan` for the forum's own meeting.",
  "chairs.heading": "🧭 {forum}: the clusters side by side ({n})",
  "chairs.noClusters": "There are no clusters in this workspace yet.",
  "chairs.skills.heading": "Where skill demand is growing",
  "chairs.skills.none": "No cluster has a closed pulse with the skill-need grid yet.",
  "chairs.skills.horizon": "{years}-year horizon",
  "chairs.skills.row": "{skill}: growing in {growing} of {rated, plural, one {# cluster} other {# clusters}}",
  "chairs.skills.rule":
    "Growing: at least half of a cluster's respondents expect growing demand, in its latest closed pulse. Figures rated by fewer than 3 respondents are not shown.",
  "chairs.source.none": "{cluster}: no closed pulse with the skill-need grid",
  "chairs.source.pulse": "{cluster}: *{title}*, {n, plural, one {# response} other {# responses}}",
  "chairs.source.hidden":
    "{cluster}: *{title}*, {n, plural, one {# response} other {# responses}} – too few to show",
  "chairs.chart.skills": "Clusters where demand is growing",
  "chairs.chart.measures": "Measures per cluster",
  "chairs.scorecard.heading": "Measures",
  "chairs.scorecard.row":
    "*{cluster}*: {open} open ({onTrack} on track, {overdue} overdue) · {done} done, {onTime} on time",
  "chairs.meetings.heading": "Upcoming meetings",
  "chairs.meetings.none": "*{cluster}*: no meeting scheduled",
  "chairs.meetings.row": "*{cluster}*: {title}, {when}",
  "chairs.pack.comment": "The briefing pack of *{forum}*, for Word (DOCX) and as Markdown.",
  "chairs.pack.title": "Briefing pack",
  "chairs.generated": "Compiled {when}.",
  "chairs.md.skill": "Skill",
  "chairs.md.growingIn": "Growing in",
  "chairs.md.legend": "▲ growing · ○ not growing · · fewer than 3 respondents · blank: no figures",
  "chairs.md.cluster": "Cluster",
  "chairs.md.open": "Open",
  "chairs.md.onTrack": "On track",
  "chairs.md.overdue": "Overdue",
  "chairs.md.done": "Done",
  "chairs.md.onTime": "Done on time",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"forum", typeof en> {}
}
