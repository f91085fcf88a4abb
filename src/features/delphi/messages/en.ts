// The delphi feature's words (rounds: create, answer, round 2) in English, the reference: fi, sv and nl have exactly these keys.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "error.DELPHI_MISSING": "There is no Delphi running in this cluster.",
  "error.DELPHI_ROUND_CLOSED": "Round {round} of *{title}* is closed: answers are no longer taken.",
  "error.DELPHI_ALREADY_ANSWERED":
    "You already answered this statement in this round (round {round}). Your answer stands as given.",
  "error.DELPHI_BAD_RATING": "That is not a value of the scale “{scale}”. Pick one from the list.",
  "error.DELPHI_NOTHING_TO_EXPLAIN": "There is no answer of yours here waiting for a reason.",
  "error.DELPHI_NO_OPEN_ROUND": "No round of *{title}* is open just now.",
  "error.DELPHI_ROUND_STILL_OPEN":
    "Round {round} of *{title}* is still open. Close it first with `/cluster delphi close`.",
  "cmd.delphi new": "Start a Delphi: statements the members rate anonymously, round after round",
  "cmd.delphi close": "Close the open Delphi round now",
  "cmd.delphi next": "Open the next Delphi round (closing on the date given, or in a week)",
  "cmd.delphi finish": "End the Delphi: no more rounds",
  "delphi.scale.probability": "Probability",
  "delphi.scale.desirability": "Desirability",
  "delphi.scale.impact": "Impact",
  "delphi.scale.year": "Year",
  "delphi.question.probability": "How likely is it?",
  "delphi.question.desirability": "How desirable is it?",
  "delphi.question.impact": "How large would its impact be?",
  "delphi.question.year": "In which year will it happen?",
  "delphi.low.probability": "very unlikely",
  "delphi.high.probability": "very likely",
  "delphi.low.desirability": "very undesirable",
  "delphi.high.desirability": "very desirable",
  "delphi.low.impact": "very small",
  "delphi.high.impact": "very large",
  "delphi.new.title": "New Delphi",
  "delphi.new.submit": "Start round 1",
  "delphi.new.intro":
    "Members rate each statement anonymously in a personal message, see where the group stands, and rate again in the next round. Times are in {zone}.",
  "delphi.new.name": "Title",
  "delphi.new.statements": "Statements about the future (one per line, 3–20)",
  "delphi.new.statementsPlaceholder":
    "Half of the region's heavy transport runs on hydrogen.\nThe region's largest employer automates its plant.",
  "delphi.new.scales": "Rated on",
  "delphi.new.unit": "Scale of probability, desirability and impact",
  "delphi.new.unitLikert": "1–5",
  "delphi.new.unitPercent": "0–100 %",
  "delphi.new.closesDate": "Round 1 closes on",
  "delphi.new.closesTime": "Round 1 closes at",
  "delphi.new.nextDate": "Round 2 opens automatically on (optional)",
  "delphi.invalid.STATEMENTS":
    "Write {min} to {max} statements, one per line (now {n, plural, one {# statement} other {# statements}}).",
  "delphi.invalid.STATEMENT_LENGTH": "Statement {number} is longer than {max} characters.",
  "delphi.invalid.SCALES": "Pick at least one scale.",
  "delphi.invalid.UNIT": "Pick 1–5 or 0–100 %.",
  "delphi.invalid.TITLE": "Give the Delphi a title of 3 to 200 characters.",
  "delphi.invalid.DATE": "Pick a date.",
  "delphi.invalid.TIME": "Give a time as HH:MM.",
  "delphi.invalid.CLOSES_IN_PAST": "The closing time must be at least an hour from now.",
  "delphi.invalid.NEXT_BEFORE_CLOSE": "Round 2 must open after round 1 closes.",
  "delphi.invalid.REASON": "At most {max} characters, please.",
  "delphi.invalid.OTHER": "Please check this field.",
  "delphi.created":
    "*{title}* is out: {n, plural, one {# member gets} other {# members get}} its {statements} statements in a personal message. Round 1 closes {when}.",
  "delphi.opened":
    "🔮 Delphi *{title}*: {statements} statements about our future. {n, plural, one {# member got} other {# members got}} them in a personal message to rate anonymously; round 1 closes {when}.",
  "delphi.roundOpened":
    "🔮 Round {round} of *{title}* is open: {n, plural, one {# member got} other {# members got}} their sheet with the previous round's results in a personal message; it closes {when}.",
  "delphi.roundClosed":
    "Round {round} of *{title}* is closed: {n, plural, =0 {nobody took part} one {# member took part} other {# members took part}}.",
  "delphi.roundClosedNext":
    "The results follow below. The organiser can open the next round with `/cluster delphi next`, or end the Delphi with `/cluster delphi finish`.",
  "delphi.closedNow":
    "Round {round} of *{title}* is closed ({n, plural, one {# member took part} other {# members took part}}); the channel has been told.",
  "delphi.nextOpened":
    "Round {round} of *{title}* is open until {when}: {n, plural, one {# member gets} other {# members get}} their new sheet.",
  "delphi.finished": "*{title}* is finished after {rounds, plural, one {# round} other {# rounds}}.",
  "delphi.reminder":
    "⏰ Round {round} of *{title}* closes {when}: {n, plural, one {# statement still waits} other {# statements still wait}} for your answer.",
  "delphi.sheet.heading": "🔮 {title} – {cluster}",
  "delphi.sheet.round": "Round {round}: answer by {when}.",
  "delphi.sheet.roundClosed": "Round {round} is closed.",
  "delphi.sheet.anonymous":
    "Anonymous: your ratings join the group's without your name. Only you see your own answers here.",
  "delphi.sheet.progress": "{answered} of {total} answered.",
  "delphi.sheet.answer": "Answer",
  "delphi.sheet.answerWithReason": "With a reason…",
  "delphi.sheet.explain": "Explain my view",
  "delphi.sheet.answered": "Answered.",
  "delphi.sheet.yourAnswer": "Your answer: {answer}",
  "delphi.sheet.groupSoFar": "The group so far:",
  "delphi.sheet.figure": "{scale}: median {median}, middle range {low}–{high}",
  "delphi.sheet.fromThree": "the group figure shows from 3 answers",
  "delphi.sheet.previous": "Round {round} ({n, plural, one {# answer} other {# answers}}):",
  "delphi.sheet.reasonBelow": "(below the middle range)",
  "delphi.sheet.reasonAbove": "(above the middle range)",
  "delphi.sheet.askBelow":
    "Your answer lies below the group's middle range. Would you tell the others why, in a sentence or two?",
  "delphi.sheet.askAbove":
    "Your answer lies above the group's middle range. Would you tell the others why, in a sentence or two?",
  "delphi.sheet.moved": "{scale}: you moved from {from} to {to}.",
  "delphi.sheet.movedWithGroup":
    "{scale}: you moved from {from} to {to}; the group's median moved from {medianFrom} to {medianTo}, {range}.",
  "delphi.sheet.narrowed": "the range narrowed {from} → {to}",
  "delphi.sheet.widened": "the range widened {from} → {to}",
  "delphi.sheet.sameRange": "the range stayed {to}",
  "delphi.answerForm.title": "Your rating",
  "delphi.answerForm.submit": "Save",
  "delphi.answerForm.round": "Round {round}",
  "delphi.answerForm.reason": "Why? (optional, shown to the group without your name)",
  "delphi.explainForm.title": "Explain your view",
  "delphi.explainForm.submit": "Send",
  "delphi.explainForm.anonymous": "Your reason is shown to the group in the next round, without your name.",
  "delphi.explainForm.reason": "Your reason",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"delphi", typeof en> {}
}
