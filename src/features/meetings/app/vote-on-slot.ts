// A member answers one candidate slot: yes / if need be / no. Changing an answer overwrites it;
// a double click or a retry leaves exactly one vote.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipient } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { type Fail, fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { SLOT_ANSWERS } from "../domain/poll-tally.ts";
import { loadPoll, type PollSnapshot } from "./load-poll.ts";

export const VoteOnSlotInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid(),
  slotId: z.uuid(),
  answer: z.enum(SLOT_ANSWERS),
});

/** Once per poll (the key is unique), the organiser hears that everyone has answered. */
async function tellOrganiser(ctx: AppContext, tx: Tx, poll: PollSnapshot): Promise<void> {
  const organiser = await tx.person.findUnique({ where: { id: poll.organiserId! } });
  const cluster = await tx.cluster.findUniqueOrThrow({
    where: { id: poll.cluster.id },
    include: { bindings: true },
  });
  const recipient = await personalRecipient(tx, poll.organiserId!, cluster.bindings[0]?.platform ?? "SLACK");
  if (!organiser || !recipient) return;
  const view = ctx.compose.compose(
    {
      type: "poll.all-answered",
      meetingId: poll.meeting.id,
      title: poll.meeting.title,
      clusterName: cluster.name,
    },
    localeOf(organiser, cluster),
  );
  await enqueueNotification(tx, {
    key: `meeting:${poll.meeting.id}:all-answered`,
    subject: `meeting:${poll.meeting.id}`,
    stage: "all-answered",
    personId: poll.organiserId!,
    clusterId: cluster.id,
    recipient,
    view,
    notBefore: ctx.clock.now(),
  });
}

export const voteOnSlot = clusterUseCase(
  { name: "voteOnSlot", input: VoteOnSlotInput, capability: "meeting.vote" },
  async ({ ctx, tx, input, person, cluster }): Promise<Result<PollSnapshot>> => {
    const { meetingId, slotId, answer } = input;
    // One statement, the busiest of the bot (a channel answering within minutes): raise the poll's
    // version (which locks the meeting row: the votes of one poll queue up here, so the tally read
    // next includes every vote committed before this one), store the vote, and withdraw this person's
    // pending nudges (an answer makes them pointless) by their structured keys. Nothing is written
    // unless the slot belongs to this cluster's meeting and the poll is open.
    const now = ctx.clock.now().toISOString();
    const voted = await tx.$queryRaw<{ voted: number }[]>`
      WITH "poll" AS (
        UPDATE "Meeting" SET "pollVersion" = "pollVersion" + 1
         WHERE "id" = ${meetingId} AND "clusterId" = ${cluster.id} AND "status" = 'POLLING'
           AND EXISTS (SELECT 1 FROM "MeetingSlot" WHERE "id" = ${slotId} AND "meetingId" = ${meetingId})
        RETURNING "id"),
      "vote" AS (
        INSERT INTO "SlotVote" ("id", "slotId", "personId", "answer", "updatedAt")
        SELECT ${randomUUID()}, ${slotId}, ${person.id}, ${answer}::"SlotAnswer", ${now}::timestamp(3) FROM "poll"
        ON CONFLICT ("slotId", "personId")
          DO UPDATE SET "answer" = EXCLUDED."answer", "updatedAt" = EXCLUDED."updatedAt"
        RETURNING "id"),
      "withdrawn" AS (
        DELETE FROM "OutboxMessage"
         WHERE "subject" = ${`meeting:${meetingId}`} AND "personId" = ${person.id}
           AND "status" = 'PENDING' AND "stage" LIKE 'nudge-%' AND EXISTS (SELECT 1 FROM "poll")
        RETURNING "id")
      SELECT (SELECT count(*) FROM "vote")::int AS "voted"`;
    if (voted[0]?.voted !== 1) return refusal(tx, meetingId, slotId, cluster.id);
    const poll = await loadPoll({ db: tx }, meetingId);
    if (!poll) return fail("MEETING_NOT_FOUND");
    if (poll.tally.pendingIds.length === 0 && poll.organiserId) await tellOrganiser(ctx, tx, poll);
    return ok(poll);
  },
);

/** Why nothing was written (the uncommon path: it may cost a statement more). */
async function refusal(tx: Tx, meetingId: string, slotId: string, clusterId: string): Promise<Fail> {
  const slot = await tx.meetingSlot.findUnique({ where: { id: slotId }, include: { meeting: true } });
  // A slot of another cluster's meeting is as good as unknown here.
  if (!slot || slot.meetingId !== meetingId || slot.meeting.clusterId !== clusterId)
    return fail("MEETING_NOT_FOUND");
  return fail("POLL_CLOSED", { title: slot.meeting.title });
}
