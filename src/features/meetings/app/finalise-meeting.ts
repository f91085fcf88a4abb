// The organiser picks a slot (the bot suggests the best); the meeting is scheduled.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { inviteMembers } from "../../clusters/index.ts";
import { canTransition } from "../domain/meeting-rules.ts";
import { loadPoll, type PollSnapshot } from "./load-poll.ts";
import { queueMeetingReminders } from "./meeting-reminders.ts";
import { meetingSubject, NUDGE_STAGES } from "./outbox-keys.ts";

export const FinaliseMeetingInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid(),
  slotId: z.uuid(),
});

export const finaliseMeeting = clusterUseCase(
  { name: "finaliseMeeting", input: FinaliseMeetingInput, capability: "meeting.plan" },
  async ({ ctx, tx, input, cluster, audit }): Promise<Result<PollSnapshot>> => {
    const { meetingId, slotId } = input;
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, include: { slots: true } });
    if (!meeting || meeting.clusterId !== cluster.id) return fail("MEETING_NOT_FOUND");
    const slot = meeting.slots.find((s) => s.id === slotId);
    if (!slot) return fail("MEETING_NOT_FOUND");
    if (!canTransition(meeting.status, "SCHEDULED") || meeting.status !== "POLLING")
      return fail("POLL_CLOSED", { title: meeting.title });
    // Guarded on status so that two organisers clicking at once schedule it once.
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, status: "POLLING" },
      // No more nudges: the poll has closed. The card changes: its redraw must win over any vote's
      // queued before it (queue-redraw.ts).
      data: { status: "SCHEDULED", chosenSlotId: slot.id, nextNudgeAt: null, pollVersion: { increment: 1 } },
    });
    if (count === 0) return fail("POLL_CLOSED", { title: meeting.title });
    await audit({
      clusterId: meeting.clusterId,
      action: "meeting.finalise",
      subjectType: "meeting",
      subjectId: meeting.id,
      details: { slotId: slot.id, startsAt: slot.startsAt.toISOString() },
    });
    await queueMeetingReminders(ctx, tx, { meeting, slot, cluster });
    await inviteMembers(ctx, tx, {
      meeting: { ...meeting, status: "SCHEDULED" },
      slot,
      cluster,
      change: "scheduled",
    });
    // Nudges for a poll that has closed are moot.
    await tx.outboxMessage.deleteMany({
      where: { status: "PENDING", subject: meetingSubject(meeting.id), stage: { in: NUDGE_STAGES } },
    });
    const poll = await loadPoll({ db: tx }, meeting.id);
    return poll ? ok(poll) : fail("MEETING_NOT_FOUND");
  },
);
