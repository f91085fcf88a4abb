// The organiser picks a slot (the bot suggests the best); the meeting is scheduled.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { inviteMembers } from "../../clusters/index.ts";
import { canTransition } from "../domain/meeting-rules.ts";
import { loadPoll, type PollSnapshot } from "./load-poll.ts";
import { queueMeetingReminders } from "./meeting-reminders.ts";

export const FinaliseMeetingInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid(),
  slotId: z.uuid(),
});

export async function finaliseMeeting(
  ctx: AppContext,
  raw: z.input<typeof FinaliseMeetingInput>,
): Promise<Result<PollSnapshot>> {
  const input = parseInput(FinaliseMeetingInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId, slotId } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "meeting.plan");
    if (!auth.ok) return auth;
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, include: { slots: true } });
    if (!meeting || meeting.clusterId !== auth.value.cluster.id) return fail("MEETING_NOT_FOUND");
    const slot = meeting.slots.find((s) => s.id === slotId);
    if (!slot) return fail("MEETING_NOT_FOUND");
    if (!canTransition(meeting.status, "SCHEDULED") || meeting.status !== "POLLING")
      return fail("POLL_CLOSED", { title: meeting.title });
    // Guarded on status so that two organisers clicking at once schedule it once.
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, status: "POLLING" },
      data: { status: "SCHEDULED", chosenSlotId: slot.id },
    });
    if (count === 0) return fail("POLL_CLOSED", { title: meeting.title });
    await audit(tx, {
      clusterId: meeting.clusterId,
      actorId: person.id,
      action: "meeting.finalise",
      subjectType: "meeting",
      subjectId: meeting.id,
      details: { slotId: slot.id, startsAt: slot.startsAt.toISOString() },
    });
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: meeting.clusterId } });
    await queueMeetingReminders(ctx, tx, { meeting, slot, cluster });
    await inviteMembers(ctx, tx, {
      meeting: { ...meeting, status: "SCHEDULED" },
      slot,
      cluster,
      change: "scheduled",
    });
    // Nudges for a poll that has closed are moot.
    await tx.outboxMessage.deleteMany({
      where: { status: "PENDING", key: { startsWith: `meeting:${meeting.id}:nudge-` } },
    });
    const poll = await loadPoll({ db: tx }, meeting.id);
    return poll ? ok(poll) : fail("MEETING_NOT_FOUND");
  });
}
