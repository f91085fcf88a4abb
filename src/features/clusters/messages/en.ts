// The clusters feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "help.title": "Ennakko keeps your cluster's foresight cycle going between meetings.",
  "help.yourRole": "You are *{role}* in *{cluster}*. You can use:",
  "help.notMember": "This channel belongs to *{cluster}*. Join it with `/cluster join`; then you can use:",
  "help.notBound": "This channel is not bound to a cluster yet. A chair starts with `/cluster setup <name>`.",
  "help.personal":
    "I work in your cluster's channel: run `/cluster help` there. Here you can use `home`, `language <fi|sv|en|nl>` and `my-data`.",
  "cmd.help": "What you can do here",
  "cmd.setup": "Bind this channel to a new cluster",
  "cmd.members": "List the members and their roles",
  "cmd.join": "Join this channel's cluster",
  "cmd.leave": "Leave this channel's cluster",
  "cmd.role": "Give a member a role",
  "cmd.status": "The cluster at a glance",
  "error.CHANNEL_ALREADY_BOUND": "This channel already belongs to *{cluster}*.",
  "error.ALREADY_MEMBER": "You are already a member of *{cluster}*.",
  "error.LAST_CHAIR": "A cluster always needs a chair: give the chair role to someone else first.",
  "setup.formTitle": "New cluster",
  "setup.submit": "Create",
  "setup.cancel": "Cancel",
  "setup.intro": "This binds the channel to a new cluster and makes you its chair.",
  "setup.name": "Cluster name",
  "setup.sector": "Sector",
  "setup.sectorPlaceholder": "e.g. energy, mining, tourism",
  "setup.timeZone": "Time zone",
  "setup.language": "Default language",
  "setup.invalid.name": "Give a name of 2–80 characters.",
  "setup.invalid.sector": "Keep the sector under 80 characters.",
  "setup.invalid.time_zone": "Pick a time zone from the list.",
  "setup.invalid.locale": "Pick a language from the list.",
  "setup.done": "Done: this channel is now the home of *{cluster}*, and you are its chair.",
  "setup.announce":
    "*{cluster}* is set up in this channel. Members join with `/cluster join`; the chair gives roles with `/cluster role`.",
  "join.button": "Join",
  "join.done": "Welcome to *{cluster}*! You joined as a member.",
  "leave.done": "You left *{cluster}*.",
  "role.done": "{user} is now *{role}* in *{cluster}*.",
  "role.unchanged": "{user} is already *{role}*.",
  "members.title": "Members of *{cluster}* ({count})",
  "status.title": "*{cluster}* at a glance",
  "status.sector": "Sector",
  "status.timeZone": "Time zone",
  "status.language": "Language",
  "status.members": "Members",
  "status.platforms": "Channels",
  "status.yourRole": "Your role",
  "status.since": "Since",
  "status.none": "not set",
  "status.failedDeliveries":
    "⚠️ {count, plural, one {# notification} other {# notifications}} could not be delivered (person gone or bot removed). Latest:",
  "cmd.timezone": "The cluster's time zone; chair or coordinator: change it",
  "timezone.current":
    "*{cluster}* reads its dates in *{zone}* (it is {time} there now). A chair or coordinator changes it with `/cluster timezone <Area/City>`, e.g. `Europe/Helsinki`.",
  "timezone.changed":
    "{who} changed the time zone of *{cluster}* from {from} to *{zone}* (it is {time} there now). Meetings keep their moment; dates and reminders now read in the new zone.",
  "timezone.unchanged": "*{cluster}* already uses *{zone}*: nothing changed.",
  "timezone.unknown":
    "“{value}” is not a time zone I know. Use an IANA name such as `Europe/Helsinki`, `Europe/Stockholm` or `Europe/Amsterdam`.",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"clusters", typeof en> {}
}
