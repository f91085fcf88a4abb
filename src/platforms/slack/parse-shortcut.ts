// A message shortcut ("Record as decision", "Save as signal") → a neutral intent that opens the
// feature's form, prefilled with the message's text and remembering where the message is.
import { z } from "zod";
import type { Envelope } from "../../kernel/surface/intent.ts";
import {
  MESSAGE_SHORTCUT_ACTION,
  messageShortcutValue,
  SIGNAL_SHORTCUT_ACTION,
} from "../../kernel/surface/message-shortcut.ts";
import { RECORD_DECISION_SHORTCUT, SAVE_SIGNAL_SHORTCUT } from "./manifest-requirements.ts";
import { actorOf, conversationOf, keyed, type SlackProfile } from "./parse-payload.ts";

export const MessageShortcutSchema = z.object({
  type: z.literal("message_action"),
  callback_id: z.string(),
  trigger_id: z.string().min(1),
  response_url: z.string().optional(),
  team: z.object({ id: z.string(), domain: z.string().optional() }).nullable().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  channel: z.object({ id: z.string().min(1), name: z.string().optional() }),
  message_ts: z.string().optional(),
  message: z.object({
    ts: z.string().optional(),
    thread_ts: z.string().optional(),
    text: z.string().default(""),
    /** The author: a person (user) or an app (username). */
    user: z.string().optional(),
    username: z.string().optional(),
  }),
});
export type MessageShortcut = z.infer<typeof MessageShortcutSchema>;

/** The action each message shortcut's callback_id stands for. */
export const SHORTCUT_ACTIONS: Record<string, string> = {
  [RECORD_DECISION_SHORTCUT]: MESSAGE_SHORTCUT_ACTION,
  [SAVE_SIGNAL_SHORTCUT]: SIGNAL_SHORTCUT_ACTION,
};

/** `author`: the display name of whoever wrote the message, when it is known. */
export function shortcutEnvelope(
  body: MessageShortcut,
  profile: SlackProfile,
  author?: string,
): Envelope | null {
  const teamId = body.team?.id ?? body.user.team_id;
  const actionId = SHORTCUT_ACTIONS[body.callback_id];
  if (!teamId || !actionId) return null;
  const ts = body.message.ts ?? body.message_ts;
  const link = ts ? archiveLink(body.team?.domain, body.channel.id, ts, body.message.thread_ts) : undefined;
  return {
    actor: actorOf(teamId, body.user.id, profile, body.user.name),
    conversation: conversationOf(teamId, body.channel.id, body.channel.name),
    intent: {
      kind: "action",
      actionId,
      value: messageShortcutValue(plainText(body.message.text), {
        source: ts ? `slack:${body.channel.id}:${ts}` : undefined,
        link,
        author: author ?? body.message.username,
      }),
    },
    ...keyed(`slack:shortcut:${teamId}:${body.trigger_id}`),
  };
}

/**
 * Slack's message markup as a person reads it: "<@U1|maija>" → "@maija", "<#C1|energy>" → "#energy",
 * "<https://x|label>" → "label (https://x)", and the three escaped characters back.
 */
export function plainText(markup: string): string {
  return markup
    .replace(/<([@#!])([^>|]+)(?:\|([^>]*))?>/g, (_m, sigil: string, id: string, label?: string) =>
      sigil === "!"
        ? label?.startsWith("@")
          ? label
          : `@${label || id.split("^")[0]}`
        : `${sigil}${label || id}`,
    )
    .replace(/<([^>|]+)\|([^>]*)>/g, "$2 ($1)")
    .replace(/<([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * The message's permalink, as chat.getPermalink would answer it for a workspace on its own domain:
 * https://<domain>.slack.com/archives/<channel>/p<ts without the dot>, and for a reply in a thread
 * ?thread_ts=…&cid=…. Built here rather than asked for: one API call less on every shortcut. Without
 * a domain (not in the payload) there is no link.
 */
export function archiveLink(
  domain: string | undefined,
  channelId: string,
  ts: string,
  threadTs?: string,
): string | undefined {
  if (!domain || !/^[a-z0-9-]+$/i.test(domain) || !/^\d+\.\d+$/.test(ts)) return undefined;
  const base = `https://${domain}.slack.com/archives/${encodeURIComponent(channelId)}/p${ts.replace(".", "")}`;
  return threadTs && threadTs !== ts && /^\d+\.\d+$/.test(threadTs)
    ? `${base}?thread_ts=${threadTs}&cid=${encodeURIComponent(channelId)}`
    : base;
}
