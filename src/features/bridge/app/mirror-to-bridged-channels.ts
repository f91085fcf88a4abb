// A bridged cluster is bound to a Slack channel and a Teams channel. An interaction answers on its own
// platform (the platform posts and redraws there); these use cases carry its channel posts and redraws
// to the cluster's other channels, through the outbox: a row now, sent by the worker on its next tick.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterOfConversation } from "../../../kernel/app/identity.ts";
import { enqueueNotification, outboxPayload } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { type ViewPayload, ViewPayloadSchema } from "../../../kernel/app/ports/chat-gateway.ts";
import type { PostedMessageRef, Subject } from "../../../kernel/app/posted-messages.ts";
import {
  type Conversation,
  ConversationSchema,
  PlatformSchema,
} from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";

const SubjectSchema = z.object({ type: z.string().min(1).max(100), id: z.string().min(1).max(200) });

const MirrorPostInput = z.object({
  conversation: ConversationSchema,
  view: ViewPayloadSchema,
  track: SubjectSchema.optional(),
});
export type MirrorPostInput = z.input<typeof MirrorPostInput>;

const MirrorRefreshInput = z.object({
  subject: SubjectSchema,
  view: ViewPayloadSchema,
  fromPlatform: PlatformSchema,
  /** Where the interaction happened: the cluster its outbox rows belong to (status, cascade). */
  conversation: ConversationSchema.optional(),
});
export type MirrorRefreshInput = z.input<typeof MirrorRefreshInput>;

type Mirrored = Result<{ enqueued: number }, "INVALID_INPUT">;

/** Posts `view` into every other channel of the conversation's cluster; nothing when it is not bound. */
export async function mirrorChannelPost(ctx: AppContext, raw: MirrorPostInput): Promise<Mirrored> {
  const input = parseInput(MirrorPostInput, raw);
  if (!input.ok) return input;
  const { conversation, view, track } = input.value;
  const cluster = await clusterOfConversation(ctx.db, conversation);
  if (!cluster) return ok({ enqueued: 0 });
  const others = await ctx.db.channelBinding.findMany({
    where: { clusterId: cluster.id, platform: { not: conversation.platform } },
    orderBy: { platform: "asc" },
  });
  for (const binding of others)
    await enqueueNotification(ctx.db, {
      key: `${postKeyPrefix(track)}${binding.platform}:${randomUUID()}`,
      clusterId: cluster.id,
      recipient: { platform: binding.platform, kind: "channel", id: binding.channelId },
      view,
      notBefore: ctx.clock.now(),
      track,
      ...(track ? { subject: postSubject(track) } : {}),
      stage: MIRROR_POST_STAGE,
    });
  return ok({ enqueued: others.length });
}

/**
 * Redraws the subject's copies on the other platforms (the local platform redraws its own). Every
 * pending row that will draw the subject gets the new view too, so no row delivered later can put
 * an older tally back: a mirror post not sent yet, or a queued redraw of any copy.
 */
export async function mirrorRefresh(ctx: AppContext, raw: MirrorRefreshInput): Promise<Mirrored> {
  const input = parseInput(MirrorRefreshInput, raw);
  if (!input.ok) return input;
  const { subject, view, fromPlatform, conversation } = input.value;
  await freshenPendingPosts(ctx, subject, view);
  const copies = await ctx.db.postedMessage.findMany({
    where: { subjectType: subject.type, subjectId: subject.id },
    select: { platform: true, conversationId: true, messageId: true },
    orderBy: { createdAt: "asc" },
  });
  const clusterId = await clusterIdOf(
    ctx,
    copies.some((c) => c.platform !== fromPlatform) ? conversation : undefined,
  );
  let enqueued = 0;
  for (const copy of copies) {
    const { unclaimed, claimed } = await freshenPendingUpdates(ctx, copy, view);
    // A queued redraw nobody has claimed yet now carries this view: one more row would only repeat it.
    if (unclaimed > 0) continue;
    // This platform redraws its own copy now, unless a worker is at this moment sending an older
    // redraw to it (queued by a vote on the other platform), which could land after ours: a row that
    // follows it puts this view back.
    if (copy.platform === fromPlatform && claimed === 0) continue;
    await enqueueNotification(ctx.db, {
      key: `mirror:update:${copy.platform}:${copy.messageId}:${randomUUID()}`,
      clusterId,
      recipient: { platform: copy.platform, kind: "channel", id: copy.conversationId },
      view,
      notBefore: ctx.clock.now(),
      update: { messageId: copy.messageId },
      subject: copySubject(copy),
      stage: REDRAW_STAGE,
    });
    enqueued += 1;
  }
  return ok({ enqueued });
}

const postKeyPrefix = (track?: Subject) => `mirror:post:${track ? `${track.type}:${track.id}` : "-:-"}:`;

// The rows' structured keys (subject, stage): the lookups below are equality on the outbox's
// [subject, stage] index, never a prefix of `key` (a sequential scan under a non-C collation).
const MIRROR_POST_STAGE = "mirror-post";
const REDRAW_STAGE = "redraw";
const postSubject = (track: Subject) => `${track.type}:${track.id}`;
const copySubject = (copy: PostedMessageRef) => `copy:${copy.platform}:${copy.messageId}`;

async function clusterIdOf(ctx: AppContext, conversation: Conversation | undefined) {
  return conversation ? ((await clusterOfConversation(ctx.db, conversation))?.id ?? null) : null;
}

/**
 * A vote that arrives before the mirror post went out must still show on it. A row a worker is
 * delivering at this very instant has already read its payload and may go out with the older view;
 * the next redraw of the subject corrects it (accepted: this needs no lock against the worker).
 */
async function freshenPendingPosts(ctx: AppContext, subject: Subject, view: ViewPayload) {
  await ctx.db.outboxMessage.updateMany({
    // The subject column is only the index's way in: the payload confirms the match, since a type
    // or id holding ":" could make two subjects' strings alike.
    where: {
      subject: postSubject(subject),
      stage: MIRROR_POST_STAGE,
      status: "PENDING",
      AND: [
        { payload: { path: ["track", "type"], equals: subject.type } },
        { payload: { path: ["track", "id"], equals: subject.id } },
      ],
    },
    data: { payload: outboxPayload("channel", view, { track: subject }) },
  });
}

/**
 * Puts `view` into the copy's queued redraws; counts those no worker holds (they will certainly be
 * sent with it) and those a worker is sending now (they may go out with an older view). Claimed ones are freshened as well, for when their delivery is retried.
 * (A claim and this update lock the same row, so a row counts as unclaimed only if the claim, when it
 * comes, reads the new view.)
 */
async function freshenPendingUpdates(ctx: AppContext, copy: PostedMessageRef, view: ViewPayload) {
  const now = ctx.clock.now();
  const where = {
    subject: copySubject(copy),
    stage: REDRAW_STAGE,
    status: "PENDING" as const,
    platform: copy.platform,
    target: copy.conversationId,
    payload: { path: ["update", "messageId"], equals: copy.messageId },
  };
  const data = { payload: outboxPayload("channel", view, { update: { messageId: copy.messageId } }) };
  const unclaimed = await ctx.db.outboxMessage.updateMany({
    where: { ...where, OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
    data,
  });
  const claimed = await ctx.db.outboxMessage.updateMany({
    where: { ...where, leaseUntil: { gt: now } },
    data,
  });
  return { unclaimed: unclaimed.count, claimed: claimed.count };
}
