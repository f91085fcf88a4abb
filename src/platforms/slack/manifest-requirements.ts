// What the Slack code needs from the app's configuration. Slack only grants what the manifest
// (manifests/slack/manifest.json) asks for, so test/manifests checks the manifest against these lists:
// a handler that needs a new scope or event adds it here and the test points at the manifest. The
// manifest asks for nothing more (least privilege): the bot reads no channel history, no mentions and
// no DMs — members talk to it through /cluster, buttons, forms, the shortcut and the Home tab.
import type { webApi } from "@slack/bolt";

// Slack's own manifest typings, so a misspelt scope or event fails type checking.
type SlackManifest = webApi.AppsManifestCreateArguments["manifest"];
type BotScope = NonNullable<NonNullable<NonNullable<SlackManifest["oauth_config"]>["scopes"]>["bot"]>[number];
type BotEvent = NonNullable<
  NonNullable<NonNullable<SlackManifest["settings"]>["event_subscriptions"]>["bot_events"]
>[number];

export const SLACK_BOT_SCOPES = [
  "commands", // the /cluster slash command and the message shortcut
  "chat:write", // posting in channels the bot is a member of, and in its DMs
  "chat:write.public", // posting in a public channel the bot has not been invited to
  "im:write", // opening a DM with a member
  "users:read", // members' names and time zones
  "users:read.email", // members' email addresses, to tell the same person apart across workspaces and platforms
  "files:write", // uploading exports
] as const satisfies readonly BotScope[];

export const SLACK_BOT_EVENTS = [
  "app_home_opened", // render the Home tab
  "app_uninstalled", // OAuth mode: forget the workspace's installation and token
  "tokens_revoked", // OAuth mode: likewise when the bot token is revoked
] as const satisfies readonly BotEvent[];

/** callback_id of the message shortcut that records a message as a cluster decision. */
export const RECORD_DECISION_SHORTCUT = "record_decision";

/** callback_id of the message shortcut that saves a message as a weak signal of the cluster. */
export const SAVE_SIGNAL_SHORTCUT = "save_signal";

/** callback_ids of message shortcuts the app handles (`app.shortcut(callbackId, …)`). */
export const SLACK_MESSAGE_SHORTCUTS = [RECORD_DECISION_SHORTCUT, SAVE_SIGNAL_SHORTCUT] as const;
