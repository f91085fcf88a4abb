// The cycle feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.cycle": "The cluster's terms; chair or coordinator: change one",
  "error.CYCLE_WINDOW_EMPTY":
    "The {term} window {start}–{end} is empty: the start must be on or before the end, within one calendar year. Nothing was changed.",
  "error.CYCLE_WINDOWS_OVERLAP":
    "The {term} window would overlap the {other} term ({start}–{end}). Nothing was changed.",
  "cycle.title": "Terms of *{cluster}*",
  "cycle.termLine": "• {term}: {start} – {end}",
  "cycle.kickoffWeeks":
    "The chair, secretary and coordinator get a kickoff message {weeks, plural, one {# week} other {# weeks}} before a term opens ({zone}).",
  "cycle.editHint":
    "Chair or coordinator: `/cluster cycle <term> <MM-DD> <MM-DD>` changes a term's window, e.g. `/cluster cycle spring 02-01 05-31`.",
  "cycle.saved": "Saved: the {term} term now runs {start} – {end}.",
  "cycle.term.spring": "spring",
  "cycle.term.autumn": "autumn",
  "cycle.kickoff.text":
    "🗓️ The {term} term of *{cluster}* opens on {opens} and runs until {closes}. Time to get the cycle going:",
  "cycle.kickoff.forum":
    "🗓️ The {term} term of the chairs' forum *{cluster}* opens on {opens}. Time to plan the forum's meeting.",
  "cycle.kickoff.plan": "Plan the meeting",
  "cycle.kickoff.copyPulse": "Copy last term's pulse",
  "cycle.kickoff.measures": "Review open measures",
  "status.cycle": "Cycle",
  "status.cycle.current": "{term} term, until {closes}",
  "status.cycle.next": "next: {term} term, opens {opens}",
  "status.nextMeeting": "Next meeting",
  "status.nextMeeting.none": "none scheduled",
  "status.agendaDeadline": "Agenda deadline",
  "status.latestPulse": "Latest pulse",
  "status.latestPulse.line": "{title}: {rate} answered ({answered}/{invited})",
  "status.latestPulse.none": "none yet",
  "status.measures": "Measures",
  "status.measures.line": "{open} open, {overdue} overdue, {done} done since the last meeting",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"cycle", typeof en> {}
}
