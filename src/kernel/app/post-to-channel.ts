// A channel post made from somewhere else: a form opened from a personal message (the kickoff's "Plan
// the meeting") is submitted in the personal chat, but its poll belongs in the cluster's channel. On
// Teams a turn can only answer in its own conversation, so the post goes through the outbox, tracked
// like any other so later votes redraw it.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ConversationSchema } from "../domain/platform-user.ts";
import { fail, ok, type Result } from "../domain/result.ts";
import type { AppContext } from "./context.ts";
import { clusterOfConversation } from "./identity.ts";
import { enqueueNotification } from "./outbox/enqueue-notification.ts";
import { parseInput } from "./parse-input.ts";
import { ViewPayloadSchema } from "./ports/chat-gateway.ts";

export const PostToChannelInput = z.object({
  conversation: ConversationSchema,
  view: ViewPayloadSchema,
  track: z.object({ type: z.string().min(1).max(100), id: z.string().min(1).max(200) }).optional(),
});
export type PostToChannelInput = z.input<typeof PostToChannelInput>;

/** Only into a channel bound to a cluster: the use case behind the form has already authorised it. */
export async function postToChannel(ctx: AppContext, raw: PostToChannelInput): Promise<Result<null>> {
  const input = parseInput(PostToChannelInput, raw);
  if (!input.ok) return input;
  const { conversation, view, track } = input.value;
  const cluster = await clusterOfConversation(ctx.db, conversation);
  if (!cluster) return fail("CHANNEL_NOT_BOUND");
  await enqueueNotification(ctx.db, {
    key: `post:${conversation.platform}:${conversation.channelId}:${randomUUID()}`,
    clusterId: cluster.id,
    recipient: { platform: conversation.platform, kind: "channel", id: conversation.channelId },
    view,
    notBefore: ctx.clock.now(),
    track,
  });
  return ok(null);
}
