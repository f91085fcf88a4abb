// Slack payloads → neutral envelopes. Only the fields we use are read, each checked with zod.
import { z } from "zod";
import type { Conversation, PlatformUser } from "../../kernel/domain/platform-user.ts";
import type { Envelope } from "../../kernel/surface/intent.ts";
import { neutralActionId } from "./render-block-kit.ts";

export const SlashCommandSchema = z.object({
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  text: z.string().default(""),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

export const BlockActionsSchema = z.object({
  type: z.literal("block_actions"),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  channel: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  container: z
    .object({ message_ts: z.string().optional(), view_id: z.string().optional() })
    .passthrough()
    .optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        action_ts: z.string().optional(),
        value: z.string().optional(),
        selected_option: z.object({ value: z.string() }).nullable().optional(),
      }),
    )
    .min(1),
});

const InputValueSchema = z.object({
  value: z.string().nullable().optional(),
  selected_option: z.object({ value: z.string() }).nullable().optional(),
  selected_options: z.array(z.object({ value: z.string() })).optional(),
  selected_date: z.string().nullable().optional(),
  selected_time: z.string().nullable().optional(),
  selected_user: z.string().nullable().optional(),
});

export const ViewSubmissionSchema = z.object({
  type: z.literal("view_submission"),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  view: z.object({
    id: z.string().optional(),
    hash: z.string().optional(),
    callback_id: z.string(),
    private_metadata: z.string().default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), InputValueSchema)) }),
  }),
});

export type SlackProfile = { displayName?: string; email?: string; locale?: string; timeZone?: string };

export function conversationOf(teamId: string, channelId: string, channelName?: string): Conversation {
  // D… = a DM with the bot; mpdm-… = a group DM; everything else is a channel.
  const scope = channelId.startsWith("D")
    ? "PERSONAL"
    : channelName?.startsWith("mpdm-")
      ? "GROUP"
      : "CHANNEL";
  return { platform: "SLACK", tenant: teamId, channelId, scope };
}

export function actorOf(
  teamId: string,
  userId: string,
  profile: SlackProfile,
  fallbackName?: string,
): PlatformUser {
  return {
    platform: "SLACK",
    tenant: teamId,
    userId,
    ...profile,
    displayName: profile.displayName ?? fallbackName,
  };
}

export function commandEnvelope(body: z.infer<typeof SlashCommandSchema>, profile: SlackProfile): Envelope {
  return {
    actor: actorOf(body.team_id, body.user_id, profile, body.user_name),
    conversation: conversationOf(body.team_id, body.channel_id, body.channel_name),
    intent: { kind: "command", text: body.text },
    // Slack gives every invocation its own trigger_id; a redelivered one carries the same.
    ...keyed(body.trigger_id && `slack:command:${body.team_id}:${body.trigger_id}`),
  };
}

export function actionEnvelope(
  body: z.infer<typeof BlockActionsSchema>,
  profile: SlackProfile,
): Envelope | null {
  const teamId = body.team?.id ?? body.user.team_id;
  const action = body.actions[0]!;
  if (!teamId || !body.channel) return null;
  return {
    actor: actorOf(teamId, body.user.id, profile, body.user.name),
    conversation: conversationOf(teamId, body.channel.id, body.channel.name),
    intent: {
      kind: "action",
      actionId: neutralActionId(action.action_id),
      value: action.value ?? action.selected_option?.value ?? "",
    },
    ...keyed(actionKey(teamId, body.user.id, body.container, action)),
  };
}

/**
 * One click: its action_ts is new for every click (so changing a vote or clicking "Started" then
 * "Done" are separate interactions) and repeated by a retry or replay of that click.
 */
export function actionKey(
  teamId: string,
  userId: string,
  container: { message_ts?: string; view_id?: string } | undefined,
  action: { action_id: string; action_ts?: string },
): string | undefined {
  if (!action.action_ts) return undefined;
  const where = container?.message_ts ?? container?.view_id ?? "";
  return `slack:action:${teamId}:${userId}:${where}:${action.action_id}:${action.action_ts}`;
}

/** The envelope's idempotency key, when the payload gave one. */
export function keyed(key: string | undefined | false | ""): { idempotencyKey?: string } {
  return key ? { idempotencyKey: key } : {};
}

/** Modals have no channel of their own: the form carries the channel it was opened in. */
export function submissionEnvelope(
  body: z.infer<typeof ViewSubmissionSchema>,
  profile: SlackProfile,
): Envelope | null {
  const teamId = body.team?.id ?? body.user.team_id;
  const channelId = channelFromMetadata(body.view.private_metadata);
  if (!teamId || !channelId) return null;
  const values: Record<string, string | string[] | undefined> = {};
  for (const block of Object.values(body.view.state.values)) {
    for (const [actionId, input] of Object.entries(block)) values[actionId] = inputValue(input);
  }
  return {
    actor: actorOf(teamId, body.user.id, profile, body.user.name),
    conversation: conversationOf(teamId, channelId),
    intent: { kind: "submit", formId: body.view.callback_id, values, metadata: body.view.private_metadata },
    // A modal's id and hash name one state of one opened form: a resubmission of that state is the
    // same submission (a refused one is released by the dispatcher, so a corrected form goes through).
    ...keyed(body.view.id && body.view.hash && `slack:view:${teamId}:${body.view.id}:${body.view.hash}`),
  };
}

function inputValue(input: z.infer<typeof InputValueSchema>): string | string[] | undefined {
  if (input.selected_options) return input.selected_options.map((o) => o.value);
  return (
    input.value ??
    input.selected_option?.value ??
    input.selected_date ??
    input.selected_time ??
    input.selected_user ??
    undefined
  );
}

function channelFromMetadata(metadata: string): string | undefined {
  try {
    const parsed = z.object({ channelId: z.string().min(1) }).safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data.channelId : undefined;
  } catch {
    return undefined;
  }
}
