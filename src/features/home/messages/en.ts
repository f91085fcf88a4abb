// The home feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.home": "Your home: what waits for you in all your clusters",
  "home.title": "Hello {name}: this is what waits for you",
  "home.noClusters": "You are not in any cluster yet. Join one with `/cluster join` in its channel.",
  "home.empty":
    "Nothing waits for you right now: no open polls or pulses, no open measures and no meetings ahead.",
  "home.polls": "Date polls waiting for your answer",
  "home.poll.item": "*{title}* — {cluster}: answer on the poll in the cluster's channel",
  "home.pulses": "Pulses waiting for your answers",
  "home.pulse.item": "*{title}* — {cluster}, closes {closes}",
  "home.pulse.open": "Open the pulse",
  "home.measures": "Your measures",
  "home.meetings": "Next meetings",
  "home.meeting.item": "*{title}* — {cluster}, {when}",
  "home.organiser": "Needs your action",
  "home.org.pollReady": "{cluster}: everyone has answered the date poll *{title}*; choose the time",
  "home.org.minutes": "{cluster}: the minutes of *{title}* are not approved yet",
  "home.org.overdue": "{cluster}: overdue measures: {count}",
  "home.org.blocked": "{cluster}: blocked measures: {count}",
  "home.org.failed": "{cluster}: notifications not delivered: {count}",
  "home.refresh": "Refresh",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"home", typeof en> {}
}
