// A member answers one candidate slot: yes / if need be / no. Changing an answer overwrites it;
// a double click or a retry leaves exactly one vote.
import { z } from "zod";
import { ConversationSchema, PlatformUserSchema } from "../domain/platform-user.ts";
import { SLOT_ANSWERS } from "../domain/poll-tally.ts";
import { fail, ok, type Result } from "../domain/result.ts";
import { loadPoll, type PollSnapshot } from "./load-poll.ts";
import { authorize } from "./shared/authorize.ts";
import type { AppContext } from "./shared/context.ts";
import { ensurePerson } from "./shared/identity.ts";
import { parseInput } from "./shared/parse-input.ts";

export const VoteOnSlotInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid(),
  slotId: z.uuid(),
  answer: z.enum(SLOT_ANSWERS),
});

export async function voteOnSlot(
  ctx: AppContext,
  raw: z.input<typeof VoteOnSlotInput>,
): Promise<Result<PollSnapshot>> {
  const input = parseInput(VoteOnSlotInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId, slotId, answer } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "meeting.vote");
    if (!auth.ok) return auth;
    const slot = await tx.meetingSlot.findUnique({ where: { id: slotId }, include: { meeting: true } });
    // A slot of another cluster's meeting is as good as unknown here.
    if (!slot || slot.meetingId !== meetingId || slot.meeting.clusterId !== auth.value.cluster.id)
      return fail("MEETING_NOT_FOUND");
    if (slot.meeting.status !== "POLLING") return fail("POLL_CLOSED", { title: slot.meeting.title });
    await tx.slotVote.upsert({
      where: { slotId_personId: { slotId, personId: person.id } },
      create: { slotId, personId: person.id, answer },
      update: { answer },
    });
    const poll = await loadPoll({ db: tx }, meetingId);
    return poll ? ok(poll) : fail("MEETING_NOT_FOUND");
  });
}
