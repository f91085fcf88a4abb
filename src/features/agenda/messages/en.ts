// The agenda feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.agenda": "The next meeting's agenda, with open measures to follow up",
  "cmd.agenda add": "Propose an item for the next meeting's agenda",
  "error.NO_UPCOMING_MEETING":
    "No meeting is being planned, so there is no agenda yet. An organiser starts with `/cluster meeting plan`.",
  "error.AGENDA_CLOSED":
    "The agenda of *{title}* is closed: new items and votes are no longer taken. If something urgent is missing, ask the chair.",
  "error.AGENDA_ITEM_NOT_FOUND": "I can't find that agenda item in this cluster.",
  "agenda.heading": "Agenda: {title}",
  "agenda.when": "Meeting: {when}",
  "agenda.whenPolling": "The date is still being polled.",
  "agenda.openUntil": "New items until {when}.",
  "agenda.openNoDeadline": "New items are welcome until the meeting.",
  "agenda.closed": "The agenda is closed for new items.",
  "agenda.add": "Add agenda item",
  "agenda.empty": "Nothing on the agenda yet.",
  "agenda.accepted": "*On the agenda*",
  "agenda.proposed": "*Proposed*",
  "agenda.deferred": "*Deferred*",
  "agenda.rejected": "Not taken up: {titles}",
  "agenda.followUp": "*Follow-up: open measures*",
  "agenda.noFollowUp": "No open measures.",
  "agenda.totalTime": "Time boxed: {minutes} min in all",
  "agenda.item.meta": "{kind} · proposed by {name} · 👍 {votes}",
  "agenda.kind.TOPIC": "Topic",
  "agenda.kind.PROBLEM": "Problem spot",
  "agenda.kind.PROPOSED_MEASURE": "Proposed measure",
  "agenda.kind.INFORMATION": "Information",
  "agenda.status.PROPOSED": "proposed",
  "agenda.status.ACCEPTED": "on the agenda",
  "agenda.status.DEFERRED": "deferred",
  "agenda.status.REJECTED": "not taken up",
  "agenda.status.DISCUSSED": "discussed",
  "agenda.button.upvote": "👍 Upvote",
  "agenda.button.unvote": "Take my vote back",
  "agenda.button.accept": "Accept",
  "agenda.button.defer": "Defer",
  "agenda.button.reject": "Reject",
  "agenda.button.up": "Move up",
  "agenda.button.down": "Move down",
  "agenda.button.timebox": "Time box",
  "agenda.formTitle": "Agenda item",
  "agenda.submit": "Propose",
  "agenda.formIntro": "For *{title}*. The chair puts the agenda together; members can upvote items.",
  "agenda.title": "Title",
  "agenda.details": "Details",
  "agenda.kind": "Kind",
  "agenda.invalid.title": "Give a title of 3–200 characters.",
  "agenda.invalid.details": "Keep the details under 2000 characters.",
  "agenda.invalid.kind": "Pick a kind from the list.",
  "agenda.added": "*{title}* is proposed for *{meeting}*.",
  "agenda.duplicate": "*{title}* was already proposed from this form.",
  "agenda.timeboxForm": "Time box",
  "agenda.timeboxLabel": "Minutes for this item",
  "agenda.noTimebox": "No time box",
  "home.more": "…and {count} more",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"agenda", typeof en> {}
}
