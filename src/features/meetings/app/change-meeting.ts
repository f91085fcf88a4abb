// Reschedule or cancel a scheduled meeting (organisers). Members get an updated invitation (same
// UID, SEQUENCE + 1) or a cancellation; old reminders are withdrawn, new ones queued.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { zonedToUtc } from "../../../kernel/domain/zoned-time.ts";
import { inviteMembers } from "../../clusters/index.ts";
import { canTransition, PlannedSlotSchema } from "../domain/meeting-rules.ts";
import { queueMeetingReminders, withdrawMeetingNotifications } from "./meeting-reminders.ts";

export const ChangeMeetingInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid(),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("reschedule"), slot: PlannedSlotSchema }),
    z.object({ kind: z.literal("cancel") }),
  ]),
});

export type MeetingChanged = {
  title: string;
  status: "SCHEDULED" | "CANCELLED";
  startsAt: Date | null;
  timeZone: string;
  location: string | null;
};

export const changeMeeting = clusterUseCase(
  { name: "changeMeeting", input: ChangeMeetingInput, capability: "meeting.plan" },
  async ({ ctx, tx, input, cluster, audit }): Promise<Result<MeetingChanged>> => {
    const { meetingId, change } = input;
    // Two "Cancel" clicks at once must cancel once (one notice each): the row is held until commit,
    // so the second change reads the status the first one wrote.
    await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${meetingId} FOR UPDATE`;
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, include: { chosenSlot: true } });
    if (!meeting || meeting.clusterId !== cluster.id) return fail("MEETING_NOT_FOUND");
    const target = change.kind === "cancel" ? "CANCELLED" : "SCHEDULED";
    if (
      !canTransition(meeting.status, target) ||
      (change.kind === "reschedule" && meeting.status !== "SCHEDULED")
    )
      return fail("POLL_CLOSED", { title: meeting.title });
    if (change.kind === "cancel") {
      await withdrawMeetingNotifications(tx, meeting.id);
      const cancelled = await tx.meeting.update({
        where: { id: meeting.id },
        // No more nudges; and the card's redraw must win over any queued before it (queue-redraw.ts).
        data: {
          status: "CANCELLED",
          icsSequence: { increment: 1 },
          nextNudgeAt: null,
          pollVersion: { increment: 1 },
        },
      });
      if (meeting.chosenSlot)
        await inviteMembers(ctx, tx, {
          meeting: cancelled,
          slot: meeting.chosenSlot,
          cluster,
          change: "cancelled",
        });
      await audit({
        action: "meeting.cancel",
        subjectType: "meeting",
        subjectId: meeting.id,
      });
      return ok({
        title: meeting.title,
        status: "CANCELLED" as const,
        startsAt: meeting.chosenSlot?.startsAt ?? null,
        timeZone: cluster.timeZone,
        location: meeting.chosenSlot?.location ?? null,
      });
    }
    const startsAt = zonedToUtc(change.slot.date, change.slot.time, cluster.timeZone);
    if (startsAt <= ctx.clock.now()) return fail("INVALID_INPUT", { field: "slot", problem: "SLOT_IN_PAST" });
    // Only a valid change withdraws the old reminders (a refusal still commits the transaction).
    await withdrawMeetingNotifications(tx, meeting.id);
    const location = [change.slot.place, change.slot.onlineUrl].filter(Boolean).join(" · ") || null;
    const slot = await tx.meetingSlot.create({
      data: { meetingId: meeting.id, startsAt, durationMinutes: change.slot.durationMinutes, location },
    });
    const moved = await tx.meeting.update({
      where: { id: meeting.id },
      data: { chosenSlotId: slot.id, icsSequence: { increment: 1 }, pollVersion: { increment: 1 } },
    });
    await queueMeetingReminders(ctx, tx, { meeting: moved, slot, cluster });
    await inviteMembers(ctx, tx, { meeting: moved, slot, cluster, change: "rescheduled" });
    await audit({
      action: "meeting.reschedule",
      subjectType: "meeting",
      subjectId: meeting.id,
      details: { startsAt: startsAt.toISOString(), sequence: moved.icsSequence },
    });
    return ok({
      title: meeting.title,
      status: "SCHEDULED" as const,
      startsAt,
      timeZone: cluster.timeZone,
      location,
    });
  },
);
