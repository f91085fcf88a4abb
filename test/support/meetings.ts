// Moves a journey's meeting along in the database where going through the bot would only take time.
import type { TestDatabase } from "./database.ts";

/**
 * The one planned meeting, scheduled on its first slot, which began ten minutes ago; its agenda closed
 * an hour ago and every item on it is accepted. Returns the meeting as it was read (with its slots).
 */
export async function startMeetingTenMinutesAgo(db: TestDatabase) {
  const meeting = await db.prisma.meeting.findFirstOrThrow({ include: { slots: true } });
  const slot = meeting.slots[0]!;
  await db.prisma.meetingSlot.update({
    where: { id: slot.id },
    data: { startsAt: new Date(Date.now() - 600_000) },
  });
  await db.prisma.meeting.update({
    where: { id: meeting.id },
    data: { status: "SCHEDULED", chosenSlotId: slot.id, agendaDeadline: new Date(Date.now() - 3_600_000) },
  });
  await db.prisma.agendaItem.updateMany({ data: { status: "ACCEPTED" } });
  return meeting;
}
