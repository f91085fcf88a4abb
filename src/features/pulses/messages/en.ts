// The pulses feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "error.PULSE_NOT_FOUND": "I can't find that pulse in this cluster.",
  "error.PULSE_NOT_OPEN": "*{title}* is not open for answers yet.",
  "error.PULSE_CLOSED": "*{title}* has closed: answers are no longer taken or changed.",
  "error.NOT_IN_AUDIENCE": "*{title}* is not addressed to you, so there is nothing for you to answer.",
  "error.PULSE_ALREADY_SUBMITTED":
    "You have already submitted your answers to *{title}*. Anonymous answers cannot be changed after they are submitted.",
  "error.RESPONSE_NOT_FOUND":
    "I can't find your unfinished answers to *{title}*. Please open the pulse again and start over.",
  "error.INVALID_ANSWER":
    "That answer to “{question}” is not valid ({code}). Please check it and answer again.",
  "error.UNKNOWN_QUESTION": "The question {question} is not part of this pulse.",
  "error.PULSE_NEEDS_SKILLS":
    "The previous pulse asks about the cluster's skills and occupations, but the cluster's list is empty, so those questions could not be answered. Create a new pulse instead and list the skills in its form.",
  "error.NO_PREVIOUS_PULSE": "There is no earlier pulse in this cluster to copy. Create a new one instead.",
  "error.RESULTS_NOT_AVAILABLE": "The results of *{title}* are shown when it closes.",
  "cmd.pulse new": "Send a skill-need pulse to the members",
  "cmd.pulse copy": "Send the previous cycle's pulse again, with new dates",
  "cmd.pulse status": "Response rate of the latest pulse",
  "cmd.pulse results": "Results of the latest pulse, with charts",
  "cmd.pulse close": "Close the latest pulse now and post its results",
  "cmd.pulse export": "The latest pulse's answers and summary as CSV files",
  "cmd.stakeholder": "Say which side of the cluster you represent",
  "stakeholder.BUSINESS": "Business",
  "stakeholder.EDUCATION": "Education provider",
  "stakeholder.PUBLIC": "Public authority",
  "stakeholder.RESEARCH": "Research",
  "stakeholder.unspecified": "Not specified",
  "pulse.stakeholder.set":
    "Noted: you represent *{type}* in this cluster. Pulses are sent and broken down by it.",
  "pulse.stakeholder.usage":
    "Say which side you represent: `/cluster stakeholder <type>`, with one of: {types}.",
  "pulse.new.title": "New pulse",
  "pulse.new.submit": "Send pulse",
  "pulse.new.intro":
    "Members in the audience get the pulse in a personal message when it opens. Times are in {zone}.",
  "pulse.new.name": "Name",
  "pulse.new.namePlaceholder": "e.g. Skills pulse, spring 2027",
  "pulse.new.questions": "Questions",
  "pulse.new.audience": "Audience (empty = all members)",
  "pulse.new.anonymity": "Answers",
  "pulse.new.anonymous": "Anonymous",
  "pulse.new.named": "Named",
  "pulse.new.opensDate": "Opens on (empty = now)",
  "pulse.new.opensTime": "Opens at",
  "pulse.new.closesDate": "Closes on",
  "pulse.new.closesTime": "Closes at",
  "pulse.new.resultsLive": "Results",
  "pulse.new.resultsAtClose": "Shown when the pulse closes",
  "pulse.new.resultsLiveYes": "Visible while it is open (named pulses only)",
  "pulse.new.skills": "Skills and occupations for the skill-need grid (one per line)",
  "pulse.new.skillsPlaceholder": "Welding\nMine automation\nGuiding in English",
  "pulse.copy.title": "Copy the previous pulse",
  "pulse.copy.intro":
    "Sends *{title}* again ({n, plural, one {# question} other {# questions}}, same audience and anonymity) with new dates.",
  "pulse.created":
    "*{title}* is ready: {invited, plural, one {# member gets} other {# members get}} it in a personal message at {opens}. It closes at {closes}.",
  "pulse.invalid.TITLE": "Give the pulse a name of 3 to 200 characters.",
  "pulse.invalid.QUESTIONS": "Pick 1 to 20 questions.",
  "pulse.invalid.DUPLICATE_QUESTION": "A question is picked twice.",
  "pulse.invalid.AUDIENCE": "Pick at least one stakeholder type, or none for all members.",
  "pulse.invalid.NO_SKILLS":
    "The skill questions (the skill-need grid, hard-to-fill roles) ask about the cluster's skills and occupations, and the list is empty: they could not be answered. List at least one here, one per line, or leave those questions out.",
  "pulse.invalid.SKILLS": "At most 15 skills, each at most 75 characters.",
  "pulse.invalid.OPENS_IN_PAST": "The opening time is in the past.",
  "pulse.invalid.CLOSES_BEFORE_OPENS": "The pulse must close after it opens.",
  "pulse.invalid.BEFORE_PREVIOUS": "The copy must open after the previous pulse opened.",
  "pulse.invalid.DATE": "Use a date like 2027-03-15.",
  "pulse.invalid.TIME": "Use a time like 16:00.",
  "pulse.invalid.OTHER": "Please check this field.",
  "pulse.opened":
    "📋 *{title}* is open: {invited, plural, one {# member} other {# members}} got it in a personal message. Answering takes a minute; it closes at {when}.",
  "pulse.opened.anonymous":
    "Answers are anonymous: nobody, not even with the database, can see who answered what.",
  "pulse.opened.named": "Answers are named: the secretary and coordinator see who answered what.",
  "pulse.sheet.heading": "📋 {title} – {cluster}",
  "pulse.sheet.closes": "Open until {when}. Your answers are saved as you go.",
  "pulse.sheet.anonymous":
    "Anonymous: your answers are stored without your name, and nothing in the bot's database links them to you. The bot only notes that you have taken part, so that it stops reminding you. Groups of fewer than 3 are never shown.",
  "pulse.sheet.named":
    "Named: your name is kept with your answers, and the secretary and coordinator can see them. You can change your answers until the pulse closes.",
  "pulse.sheet.optional": "(optional)",
  "pulse.sheet.yourAnswer": "Your answer: {answer}",
  "pulse.sheet.notAnswered": "not answered yet – use “Answer in a form”",
  "pulse.sheet.progress": "Answered {answered} of {total}.",
  "pulse.sheet.openForm": "Answer in a form",
  "pulse.sheet.submit": "Submit answers",
  "pulse.sheet.anonymousFinal": "Anonymous answers cannot be changed after you submit them.",
  "pulse.sheet.submittedNamed":
    "✅ Submitted – thank you! You can still change an answer until the pulse closes.",
  "pulse.sheet.submittedAnonymous": "✅ Submitted – thank you! Your anonymous answers are final.",
  "pulse.sheet.submittedUnlinked":
    "Your answers are no longer linked to you, so they cannot be shown here again.",
  "pulse.sheet.closed": "This pulse has closed. Thank you for taking part.",
  "pulse.form.title": "Your answers",
  "pulse.form.save": "Save answers",
  "pulse.form.anonymous":
    "Anonymous pulse: saving keeps your answers; once you press “Submit answers” in the message they are final and cannot be edited.",
  "pulse.form.named": "Named pulse: you can come back and change these answers until the pulse closes.",
  "pulse.form.numberHint": "A number from {min} to {max}{unit}",
  "pulse.answerProblem": "That answer to “{question}” was not saved: {problem}",
  "pulse.issue.WRONG_TYPE": "it is not the kind of answer this question takes.",
  "pulse.issue.NOT_A_NUMBER": "please give a number.",
  "pulse.issue.NOT_AN_INTEGER": "please give a whole number.",
  "pulse.issue.OUT_OF_RANGE": "the number must be from {min} to {max}.",
  "pulse.issue.UNKNOWN_OPTION": "that option is not one of the question's options.",
  "pulse.issue.DUPLICATE_OPTION": "an option is given twice.",
  "pulse.issue.REQUIRED": "this question needs an answer before you can submit.",
  "pulse.issue.TOO_FEW_SELECTED": "choose at least {min}.",
  "pulse.issue.TOO_MANY_SELECTED": "choose at most {max}.",
  "pulse.issue.EXCLUSIVE_OPTION_COMBINED": "“none of these” cannot be combined with other options.",
  "pulse.issue.EMPTY": "the answer is empty.",
  "pulse.issue.TOO_LONG": "the answer is too long (at most {max} characters).",
  "pulse.issue.UNKNOWN_SKILL": "that skill is not on this pulse's list.",
  "pulse.issue.BAD_HORIZON": "that time horizon is not asked.",
  "pulse.issue.BAD_LEVEL": "that demand level is unknown.",
  "pulse.issue.DUPLICATE_CELL": "a skill is rated twice for the same horizon.",
  "pulse.reminder":
    "⏰ You have not finished *{title}* ({cluster}) yet. It takes a minute; the pulse closes at {when}.",
  "pulse.reminder.open": "Open the pulse",
  "pulse.rateOverall": "All",
  "pulse.rateLine": "{label}: {completed}/{invited} answered ({rate}), {started} started",
  "pulse.rateHidden": "Not shown, to keep small groups anonymous: {groups}",
  "pulse.state.SCHEDULED": "not open yet",
  "pulse.state.OPEN": "open",
  "pulse.state.CLOSED": "closed",
  "pulse.status.heading": "📋 *{title}* ({state})",
  "pulse.status.closes": "Closes at {when}.",
  "pulse.closed":
    "*{title}* is closed with {n, plural, one {# response} other {# responses}}; the results are being posted to the channel.",
  "pulse.results.heading": "📊 Results: *{title}*",
  "pulse.results.liveHeading": "📊 Results so far (still open): *{title}*",
  "pulse.results.respondents": "{n, plural, one {# response} other {# responses}}.",
  "pulse.results.privacy": "Groups of fewer than 3 respondents are not shown.",
  "pulse.results.comparedWith": "Changes are compared with *{previous}*.",
  "pulse.results.hidden": "Fewer than 3 answers ({n}): not shown, to protect the respondents.",
  "pulse.results.answers": "{n, plural, one {# answer} other {# answers}}.",
  "pulse.results.likert": "{n, plural, one {# answer} other {# answers}}, average {mean} on a scale of 1–5.",
  "pulse.results.multiple":
    "{n, plural, one {# answer} other {# answers}}, {selections, plural, one {# choice} other {# choices}} (counted per option; one person may choose several).",
  "pulse.results.number":
    "{n, plural, one {# answer} other {# answers}}: total {sum}{unit}, average {mean}, median {median}, range {min}–{max}.",
  "pulse.results.moreTexts": "… and {n} more in the CSV export.",
  "pulse.results.skillsIntro":
    "{n, plural, one {# answer} other {# answers}}. Skills ranked by expected demand (score −1 … +2, share expecting growth):",
  "pulse.results.horizonShort": "{years} y",
  "pulse.results.total": "Total",
  "pulse.results.since": "Change since *{previous}*:",
  "pulse.results.meanChange": "average {previous} → {current} ({change})",
  "pulse.results.pp": "pp",
  "pulse.results.noRankChange": "ranking unchanged",
  "pulse.results.notComparable.TYPE_CHANGED": "Not comparable: the question changed type.",
  "pulse.results.notComparable.HIDDEN": "Not comparable: too few answers in one of the cycles.",
  "pulse.results.notComparable.NO_ANSWERS": "Not comparable: no answers in one of the cycles.",
  "pulse.export.comment": "The answers and the summary of *{title}* as CSV files.",
  "pulse.export.answers": "Answers (CSV)",
  "pulse.export.summary": "Summary (CSV)",
  "pulse.submitNeedsAnswer": "Not submitted yet: “{question}” needs an answer first.",
  "pulse.new.questionList": "The questions in full:",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"pulses", typeof en> {}
}
