// The meetings feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "error.INVALID_PLAN": "Some details of the meeting plan need fixing.",
  "error.MEETING_NOT_FOUND": "I can't find that meeting in this cluster.",
  "error.POLL_CLOSED": "The date poll for *{title}* is closed.",
  "cmd.meeting plan": "Plan the next meeting: a date poll",
  "cmd.meeting": "The current date poll or the next meeting",
  "meeting.formTitle": "Plan a meeting",
  "meeting.submit": "Post the poll",
  "meeting.intro": "Propose 2–10 times ({zone}). Members answer in the channel.",
  "meeting.title": "Title",
  "meeting.titlePlaceholder": "e.g. Spring 2027",
  "meeting.slotDate": "Option {n}: date",
  "meeting.slotTime": "Option {n}: start time",
  "meeting.duration": "Duration",
  "meeting.minutes": "{n} min",
  "meeting.place": "Place",
  "meeting.placePlaceholder": "e.g. Lapland UAS, Rovaniemi",
  "meeting.onlineUrl": "Online link (https://…)",
  "meeting.deadlineDate": "Agenda deadline: date",
  "meeting.deadlineTime": "Agenda deadline: time",
  "meeting.invalid.TITLE": "Give a title of 2–120 characters.",
  "meeting.invalid.SLOT_COUNT": "Give at least 2 and at most 10 times.",
  "meeting.invalid.SLOT_IN_PAST": "This time is in the past.",
  "meeting.invalid.DUPLICATE_SLOT": "This time is already an option.",
  "meeting.invalid.DEADLINE_IN_PAST": "The deadline is in the past.",
  "meeting.invalid.DEADLINE_AFTER_SLOT": "The deadline must be before the first option.",
  "meeting.invalid.BAD_DATE": "Give both a date and a time.",
  "meeting.invalid.BAD_SLOT": "Check the duration, place and link (https://…).",
  "meeting.posted": "The date poll for *{title}* is posted.",
  "meeting.none": "No meeting is being planned. An organiser starts with `/cluster meeting plan`.",
  "poll.heading": "Date poll: {title}",
  "poll.intro": "When can you come? Times are shown in your own time zone.",
  "poll.yes": "Yes",
  "poll.ifNeedBe": "If need be",
  "poll.no": "No",
  "poll.pending": "Not answered yet: {names}",
  "poll.everyone": "Everyone has answered.",
  "poll.deadline": "Agenda items until {when}.",
  "poll.finalise": "Schedule {when}",
  "poll.scheduled": "Scheduled: *{when}*{where}",
  "meeting.announce": "*{title}* will be held {when}{where}.",
  "poll.nudge":
    "You have not answered the date poll for *{title}* ({cluster}) yet. It takes a minute; the poll is in the cluster's channel.",
  "poll.allAnswered":
    "Everyone has answered the date poll for *{title}* ({cluster}). You can schedule the meeting from the poll.",
  "meeting.reminderDays":
    "Reminder: *{title}* is in {days, plural, one {# day} other {# days}}, {when}{where}.",
  "meeting.reminderTomorrow": "Reminder: *{title}* is tomorrow, {when}{where}.",
  "meeting.invitation.scheduled": "You are invited: *{title}* ({cluster}), {when}{where}.",
  "meeting.invitation.rescheduled":
    "*{title}* ({cluster}) has moved to {when}{where}. Please update your calendar.",
  "meeting.invitation.cancelled": "*{title}* ({cluster}) on {when} is cancelled.",
  "meeting.addToCalendar": "Add to calendar",
  "cmd.meeting reschedule": "Move the scheduled meeting",
  "cmd.meeting cancel": "Cancel the scheduled meeting",
  "meeting.rescheduleTitle": "Move the meeting",
  "meeting.cancelConfirm": "Cancel *{title}*, {when}? Every member is told.",
  "meeting.cancelButton": "Cancel the meeting",
  "meeting.notScheduled": "There is no scheduled meeting to change.",
  "poll.cancelled": "Cancelled: ~{when}~",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"meetings", typeof en> {}
}
