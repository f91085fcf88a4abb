// A member answers one candidate slot: yes / if need be / no. Changing an answer overwrites it;
// a double click or a retry leaves exactly one vote.
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipient } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
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
    const slot = await tx.meetingSlot.findUnique({ where: { id: slotId }, include: { meeting: true } });
    // A slot of another cluster's meeting is as good as unknown here.
    if (!slot || slot.meetingId !== meetingId || slot.meeting.clusterId !== cluster.id)
      return fail("MEETING_NOT_FOUND");
    if (slot.meeting.status !== "POLLING") return fail("POLL_CLOSED", { title: slot.meeting.title });
    await tx.slotVote.upsert({
      where: { slotId_personId: { slotId, personId: person.id } },
      create: { slotId, personId: person.id, answer },
      update: { answer },
    });
    // An answer makes any nudge still waiting for this person pointless.
    await tx.outboxMessage.deleteMany({
      where: {
        status: "PENDING",
        key: { startsWith: `meeting:${meetingId}:nudge-`, endsWith: `:${person.id}` },
      },
    });
    const poll = await loadPoll({ db: tx }, meetingId);
    if (!poll) return fail("MEETING_NOT_FOUND");
    if (poll.tally.pendingIds.length === 0 && poll.organiserId) await tellOrganiser(ctx, tx, poll);
    return ok(poll);
  },
);
