// The bridge feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.link":
    "Bridge this cluster to a channel on the other platform (chair or coordinator); `link me` links your own Slack and Teams accounts; `link <code>` accepts a code",
  "error.NEEDS_PERSONAL_CHAT":
    "Ask for your account code in your personal chat with Ennakko, so that nobody else sees it.",
  "error.LINK_CODE_INVALID":
    "That is not a link code from Ennakko. Codes look like `K7QM-4XPD`. Nothing was changed.",
  "error.LINK_CODE_EXPIRED":
    "That link code has expired. Ask for a new one: `/cluster link` in the cluster's channel (chair or coordinator), or `/cluster link me` in your personal chat. Nothing was changed.",
  "error.LINK_CODE_USED":
    "That link code has already been used: each code works once. Ask for a new one if you still need it. Nothing was changed.",
  "error.CLUSTER_ALREADY_BRIDGED":
    "*{cluster}* already has a {platform} channel: a cluster has one channel on Slack and one on Teams.",
  "error.CLUSTER_PLATFORM_TAKEN":
    "*{cluster}* already has a {platform} channel, and a cluster has one channel per platform. Type the code in a channel on the other platform. Nothing was changed.",
  "error.LINK_SAME_PLATFORM":
    "This code links your account on the other platform, but you typed it with a {platform} account that is already linked to it. Type it in the other app. Nothing was changed.",
  "error.ALREADY_LINKED":
    "Your Slack and Teams accounts are already one member in Ennakko. Nothing was changed.",
  "link.channelCode": "🔗 Link code for *{cluster}*: `{code}`",
  "link.channelHow":
    "In the {platform} channel that should join the cluster, {how}. The code works once, until {expires}. Everything Ennakko posts to the cluster will then appear in both channels.",
  "link.personCode": "🔗 Your account code: `{code}`",
  "link.personHow":
    "In {platform}, {how} in your personal chat with Ennakko. The code works once, until {expires}. Your votes and answers then count once, whichever app you use.",
  "link.how.SLACK": "type */cluster link {code}*",
  "link.how.TEAMS": "write `link {code}` to Ennakko",
  "link.bridged":
    "🔗 This channel is now linked to the cluster *{cluster}*, which meets on {platforms}. Everything Ennakko posts to the cluster appears in both channels, and polls and pulses count each person once.",
  "link.joined": "You are now a member of *{cluster}*. Colleagues in this channel join with `/cluster join`.",
  "link.accounts":
    "Done: your accounts on {platforms} are now one member. Votes and answers count once, whichever app you use.",
  "cmd.unlink": "End the bridge: the cluster keeps only this channel (chair or coordinator)",
  "error.NOT_BRIDGED": "*{cluster}* has no channel on the other platform: there is nothing to unlink.",
  "link.unlinked":
    "🔗 *{cluster}* no longer posts to its {platform} channel; this channel is its only home again. The cluster's records, members and measures stay as they are.",
  "link.unlinkedNotice":
    "🔗 This channel is no longer linked to *{cluster}*: a chair or coordinator unlinked it in {platform}. Ennakko posts nothing more here for the cluster.",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"bridge", typeof en> {}
}
