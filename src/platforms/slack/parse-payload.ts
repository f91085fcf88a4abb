// Slack payloads → neutral envelopes. Only the fields we use are read, each checked with zod.
import { z } from "zod";
import type { Conversation, PlatformUser } from "../../domain/platform-user.ts";
import type { Envelope } from "../../surface/intent.ts";
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
  actions: z
    .array(
      z.object({
        action_id: z.string(),
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
  };
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
