// The record feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.record": "Record the meeting: attendance, decisions, agenda outcomes",
  "cmd.decide": "Record a decision of the meeting",
  "error.NO_MEETING_TO_RECORD":
    "There is no meeting to record yet: a meeting can be recorded once it is scheduled, from two hours before it starts.",
  "error.MEETING_NOT_RECORDABLE":
    "*{title}* cannot be recorded: it has not started yet, or it was cancelled.",
  "record.heading": "Record: {title}",
  "record.when": "*{when}*{where}",
  "record.held": "Recorded as held.",
  "record.notHeld": "Not recorded yet: recording anything marks the meeting as held.",
  "record.attendance": "*Attendance*",
  "record.noAttendance": "Attendance is not recorded yet.",
  "record.present": "Present ({count}): {names}",
  "record.absent": "Absent ({count}): {names}",
  "record.button.attendance": "Record attendance",
  "record.decisions": "*Decisions*",
  "record.noDecisions": "No decisions recorded yet.",
  "record.button.decide": "Record a decision",
  "record.agenda": "*Agenda items*",
  "record.noItems": "The agenda had no items.",
  "record.button.discussed": "Discussed",
  "record.button.deferred": "Deferred",
  "record.attendanceForm": "Attendance",
  "record.attendanceIntro": "Tick who came to *{title}*; everyone else is marked absent.",
  "record.presentLabel": "Present",
  "record.attendanceSaved": "Attendance saved: {present} present, {absent} absent.",
  "decision.formTitle": "Record a decision",
  "decision.submit": "Record",
  "decision.forMeeting": "A decision of *{title}*.",
  "decision.noMeeting": "No meeting is being recorded now: the decision is recorded for the cluster.",
  "decision.text": "Decision",
  "decision.item": "Agenda item",
  "decision.invalid.text": "Write the decision in 3–2000 characters.",
  "decision.invalid.item": "Pick an agenda item of this meeting from the list.",
  "decision.saved": "The decision is recorded and posted in the channel.",
  "decision.duplicate": "This decision is already recorded.",
  "decision.announce": "📌 *Decision of {meeting}*: {text}",
  "decision.announceItem": "📌 *Decision of {meeting}* on “{item}”: {text}",
  "decision.announceCluster": "📌 *Decision of {cluster}*: {text}",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"record", typeof en> {}
}
