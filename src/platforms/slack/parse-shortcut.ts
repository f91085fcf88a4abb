// The "Record as decision" message shortcut → a neutral intent that opens the decision form,
// prefilled with the message's text and remembering where the message is.
import { z } from "zod";
import type { Envelope } from "../../kernel/surface/intent.ts";
import { MESSAGE_SHORTCUT_ACTION, messageShortcutValue } from "../../kernel/surface/message-shortcut.ts";
import { actorOf, conversationOf, keyed, type SlackProfile } from "./parse-payload.ts";

export const MessageShortcutSchema = z.object({
  type: z.literal("message_action"),
  callback_id: z.string(),
  trigger_id: z.string().min(1),
  response_url: z.string().optional(),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  channel: z.object({ id: z.string().min(1), name: z.string().optional() }),
  message_ts: z.string().optional(),
  message: z.object({ ts: z.string().optional(), text: z.string().default("") }),
});
export type MessageShortcut = z.infer<typeof MessageShortcutSchema>;

export function shortcutEnvelope(body: MessageShortcut, profile: SlackProfile): Envelope | null {
  const teamId = body.team?.id ?? body.user.team_id;
  if (!teamId) return null;
  const ts = body.message.ts ?? body.message_ts;
  return {
    actor: actorOf(teamId, body.user.id, profile, body.user.name),
    conversation: conversationOf(teamId, body.channel.id, body.channel.name),
    intent: {
      kind: "action",
      actionId: MESSAGE_SHORTCUT_ACTION,
      value: messageShortcutValue(
        plainText(body.message.text),
        ts ? `slack:${body.channel.id}:${ts}` : undefined,
      ),
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
