// The .ics behind a meeting's "Add to calendar" link. The link carries the meeting's random
// iCalendar UID, shared only with the cluster: the file always shows the meeting as it is now
// (same UID, a higher SEQUENCE after each change; a cancellation once cancelled).
import { z } from "zod";
import { buildInvitation, filenameFor } from "../exports/icalendar.ts";
import type { AppContext } from "./shared/context.ts";

export type CalendarFile = { filename: string; body: string };

export async function meetingCalendarFile(ctx: AppContext, uid: string): Promise<CalendarFile | null> {
  if (!z.uuid().safeParse(uid).success) return null;
  const meeting = await ctx.db.meeting.findUnique({
    where: { icsUid: uid },
    include: { chosenSlot: true, cluster: true },
  });
  if (
    !meeting?.chosenSlot ||
    (meeting.status !== "SCHEDULED" && meeting.status !== "HELD" && meeting.status !== "CANCELLED")
  )
    return null;
  const organiser = meeting.organiserId
    ? await ctx.db.person.findUnique({ where: { id: meeting.organiserId } })
    : null;
  const body = buildInvitation({
    uid: `${meeting.icsUid}@ennakko`,
    sequence: meeting.icsSequence,
    method: meeting.status === "CANCELLED" ? "CANCEL" : "REQUEST",
    startsAt: meeting.chosenSlot.startsAt,
    durationMinutes: meeting.chosenSlot.durationMinutes,
    timeZone: meeting.cluster.timeZone,
    summary: `${meeting.title} — ${meeting.cluster.name}`,
    location: meeting.chosenSlot.location ?? undefined,
    organizer: { name: organiser?.displayName ?? meeting.cluster.name, email: organiser?.email ?? undefined },
    now: ctx.clock.now(),
  });
  return { filename: filenameFor(meeting.title), body };
}
