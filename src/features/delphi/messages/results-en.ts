// The delphi feature's words (results, charts, agenda, export) in English, the reference: fi, sv and nl have exactly these keys.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.delphi results": "Post the latest Delphi's results to the channel, with charts",
  "cmd.delphi export": "The latest Delphi's figures, ratings and reasons as CSV files",
  "error.DELPHI_RESULTS_NO_DELPHI": "This cluster has no Delphi yet.",
  "error.DELPHI_RESULTS_NOT_YET": "The results of *{title}* are shown once its first round has closed.",
  "error.DELPHI_RESULTS_ROUND_NOT_CLOSED":
    "Round {round} of *{title}* has not closed, so it has no results to export yet.",
  "error.DELPHI_RESULTS_STATEMENT_NOT_FOUND": "I can't find that Delphi statement in this cluster.",
  "error.DELPHI_RESULTS_NOT_DISPUTED":
    "The group did not keep disagreeing on that statement, so it is not proposed for the agenda from here.",
  "delphi.results.posting": "The results of *{title}* are being posted to the channel.",
  "delphi.results.heading": "📊 Delphi results: *{title}*",
  "delphi.results.overview":
    "{statements, plural, one {# statement} other {# statements}}, {rounds, plural, one {# round} other {# rounds}}. Consensus in the last round: {consensus, plural, one {# statement} other {# statements}}.",
  "delphi.results.disagreements": "Persistent disagreement, for the next meeting to discuss:",
  "delphi.results.noDisagreements": "No statement shows persistent disagreement.",
  "delphi.results.privacy":
    "Anonymous: no figure is shown for fewer than 3 answers. Consensus: an interquartile range (IQR) of at most 1 step on 1–5, 20 points on 0–100 % or 5 years.",
  "delphi.results.round": "Round {round}",
  "delphi.results.scale.probability": "Probability",
  "delphi.results.scale.desirability": "Desirability",
  "delphi.results.scale.impact": "Impact",
  "delphi.results.scale.year": "Year",
  "delphi.results.figures": "round {round}: median {median}, IQR {iqr} ({q1}–{q3}) {mark}",
  "delphi.results.hiddenRound":
    "round {round}: {n, plural, one {# answer} other {# answers}}, too few to show",
  "delphi.results.consensus": "✓",
  "delphi.results.noConsensus": "✗",
  "delphi.results.narrowed": "range narrowed by {by}",
  "delphi.results.widened": "range widened by {by}",
  "delphi.results.unchanged": "range unchanged",
  "delphi.results.disputed": "⚠️ Persistent disagreement",
  "delphi.results.onAgenda": "📌 On the next meeting's agenda.",
  "delphi.results.propose": "Propose for the next meeting's agenda",
  "delphi.results.proposed": "“{text}” is now proposed for the agenda of *{meeting}*, with its figures.",
  "delphi.results.alreadyProposed": "“{text}” is already on the agenda of *{meeting}*.",
  "delphi.results.answers": "answers",
  "delphi.results.export.comment": "*{title}*: figures, anonymous ratings and reasons ({rounds}).",
  "delphi.results.export.rounds": "{n, plural, one {round #} other {# rounds}}",
  "delphi.results.export.figures": "Figures, round {round}",
  "delphi.results.export.ratings": "Ratings (anonymous)",
  "delphi.results.export.reasons": "Reasons (anonymous)",
  "delphi.results.chairs.heading": "Delphi",
  "delphi.results.chairs.none": "*{cluster}*: no Delphi with a closed round.",
  "delphi.results.chairs.row":
    "*{cluster}* – {title} (round {round}): consensus on {consensus} of {statements, plural, one {# statement} other {# statements}}",
  "delphi.results.chairs.disputed": "persistent disagreement: {list}",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"delphi-results", typeof en> {}
}
