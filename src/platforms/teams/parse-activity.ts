// Bot Framework activities → neutral envelopes, each field checked with zod.
import { z } from "zod";
import type { Conversation, PlatformUser } from "../../kernel/domain/platform-user.ts";
import type { Envelope } from "../../kernel/surface/intent.ts";
import { TEAMS_BOT_NAME } from "./render-adaptive-card.ts";

const MentionEntity = z.object({
  type: z.literal("mention"),
  text: z.string().optional(),
  mentioned: z.object({ id: z.string(), name: z.string().optional() }),
});

export const TeamsActivitySchema = z.object({
  type: z.string(),
  id: z.string().max(500).optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  locale: z.string().optional(),
  localTimezone: z.string().optional(),
  value: z.unknown().optional(),
  from: z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }),
  recipient: z.object({ id: z.string() }).optional(),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string() }).optional(),
      channel: z.object({ id: z.string() }).optional(),
    })
    .passthrough()
    .optional(),
  entities: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type TeamsActivity = z.infer<typeof TeamsActivitySchema>;

const ExecuteValue = z.object({
  action: z.object({
    type: z.literal("Action.Execute"),
    verb: z.string().min(1),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

export function actorOf(a: TeamsActivity): PlatformUser {
  return {
    platform: "TEAMS",
    tenant: tenantOf(a),
    userId: a.from.id,
    displayName: a.from.name,
    locale: a.locale,
    timeZone: a.localTimezone,
  };
}

export function conversationOf(a: TeamsActivity): Conversation {
  const type = a.conversation.conversationType;
  const scope = type === "personal" ? "PERSONAL" : type === "groupChat" ? "GROUP" : "CHANNEL";
  // A channel post's conversation id carries ";messageid=…" per thread; the channel is the part before.
  const channelId = a.channelData?.channel?.id ?? a.conversation.id.split(";")[0]!;
  return { platform: "TEAMS", tenant: tenantOf(a), channelId, scope };
}

function tenantOf(a: TeamsActivity): string {
  return a.conversation.tenantId ?? a.channelData?.tenant?.id ?? "default";
}

/** "<at>Ennakko</at> role <at>Maija</at> secretary" → "role <@29:maija|Maija> secretary". */
export function commandText(a: TeamsActivity): string {
  let text = a.text ?? "";
  for (const raw of a.entities ?? []) {
    const mention = MentionEntity.safeParse(raw);
    if (!mention.success || !mention.data.text) continue;
    const isBot = mention.data.mentioned.id === a.recipient?.id;
    const name = mention.data.mentioned.name ?? "";
    text = text.replace(
      mention.data.text,
      isBot ? "" : `<@${mention.data.mentioned.id}|${name.replace(/[|>]/g, "")}>`,
    );
  }
  // Teams' command menu inserts the bare word; people used to Slack may still type "/cluster".
  return (
    text
      .replace(/<\/?at>/g, "")
      .replace(/&nbsp;/g, " ")
      .trim()
      .replace(/^\/?cluster\b/i, "")
      // Help writes "@Ennakko …"; typed as plain text in the personal chat it carries no mention entity.
      .replace(new RegExp(`^@${TEAMS_BOT_NAME}\\b`, "i"), "")
      .trim()
  );
}

export function messageEnvelope(a: TeamsActivity): Envelope {
  return {
    actor: actorOf(a),
    conversation: conversationOf(a),
    intent: { kind: "command", text: commandText(a) },
    ...deliveryKey(a),
  };
}

/**
 * Teams retries a message or invoke it thinks went unanswered with the same activity id, and every
 * new click or message has a new one. Ids are unique within a conversation (a channel message's is
 * a timestamp), so the conversation is part of the key.
 */
export function deliveryKey(a: TeamsActivity): { idempotencyKey?: string } {
  return a.id ? { idempotencyKey: `teams:${tenantOf(a)}:${a.conversation.id}:${a.id}` } : {};
}

/** An Action.Execute from one of our cards: a form submission when it carries a formId. */
export function executeEnvelope(a: TeamsActivity): Envelope | null {
  const parsed = ExecuteValue.safeParse(a.value);
  if (!parsed.success) return null;
  const { verb, data } = parsed.data.action;
  const base = { actor: actorOf(a), conversation: conversationOf(a), ...deliveryKey(a) };
  if (typeof data.formId === "string") {
    const values: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(data)) {
      if (key !== "formId" && key !== "metadata" && typeof value === "string") values[key] = value;
    }
    const metadata = typeof data.metadata === "string" ? data.metadata : "";
    return {
      ...base,
      conversation: formConversation(base.conversation, metadata),
      intent: { kind: "submit", formId: data.formId, values, metadata },
    };
  }
  return {
    ...base,
    intent: { kind: "action", actionId: verb, value: typeof data.value === "string" ? data.value : "" },
  };
}

/**
 * A form opened from a personal message for a cluster (the kickoff's "Plan the meeting") is submitted
 * in the personal chat but belongs to the channel its metadata names, as Slack's modals carry their
 * channel in private_metadata. The use case behind the form checks membership there as always.
 */
function formConversation(here: Conversation, metadata: string): Conversation {
  if (here.scope !== "PERSONAL") return here;
  const named = FormChannel.safeParse(safeJson(metadata));
  if (!named.success || named.data.channelId === here.channelId) return here;
  return { ...here, channelId: named.data.channelId, scope: "CHANNEL" };
}

const FormChannel = z.object({ channelId: z.string().regex(/^19:[^;]+$/) });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
