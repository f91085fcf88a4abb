// The minutes feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.minutes": "The approved minutes as DOCX and Markdown, and the measures as CSV",
  "cmd.minutes draft": "Draft the minutes of a meeting and edit them in a form",
  "cmd.minutes approve": "Approve the minutes and post them to the channel",
  "error.NO_HELD_MEETING":
    "No meeting of this cluster has been held yet, so there are no minutes. Name one: `/cluster minutes <meeting>`.",
  "error.MINUTES_MEETING_NOT_FOUND":
    "I can't find a meeting “{meeting}” in this cluster. Use the meeting's title or the start of its id.",
  "error.MINUTES_NOT_APPROVED":
    "The minutes of *{meeting}* are not approved yet. The secretary or the chair approves them with `/cluster minutes approve`.",
  "error.MINUTES_ALREADY_APPROVED":
    "Version {version} of these minutes is already approved. Edit them with `/cluster minutes draft` to make a new version.",
  "minutes.formTitle": "Minutes",
  "minutes.formIntro":
    "Minutes of *{title}*, version {version}. Attendance, agenda outcomes, {decisions, plural, one {# decision} other {# decisions}}, {measures, plural, one {# new measure} other {# new measures}}, the follow-up and the latest pulse come from the record; write the rest here.",
  "minutes.newVersion": "Version {approved} is approved and stays as it is; saving makes version {version}.",
  "minutes.field.summary": "Opening remarks and summary",
  "minutes.field.discussion": "Discussion notes",
  "minutes.field.nextSteps": "Next steps",
  "minutes.save": "Save draft",
  "minutes.saved":
    "The draft minutes of *{title}* (version {version}) are saved. Approve them when they are ready.",
  "minutes.savedNew":
    "Saved as version {version} of the minutes of *{title}*, a new draft; the approved version is unchanged.",
  "minutes.approve": "Approve",
  "minutes.edit": "Edit",
  "minutes.approved": "Version {version} of the minutes of *{title}* is approved and posted to the channel.",
  "minutes.announce": "📝 Minutes of *{title}* (version {version}), approved by {name}",
  "minutes.files.comment":
    "The minutes of *{title}* (version {version}) as DOCX and Markdown, and the measures as CSV.",
  "minutes.files.draft":
    "A DRAFT of the minutes of *{title}* (version {version}, not approved yet) as DOCX and Markdown, and the measures as CSV.",
  "minutes.files.docx": "Minutes (Word)",
  "minutes.files.markdown": "Minutes (Markdown)",
  "minutes.files.csv": "Measures (CSV)",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"minutes", typeof en> {}
}
