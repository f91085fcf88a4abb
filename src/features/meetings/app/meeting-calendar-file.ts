// The .ics behind a meeting's "Add to calendar" link. The link carries the meeting's random
// iCalendar UID, shared only with the cluster: the file always shows the meeting as it is now
// (same UID, a higher SEQUENCE after each change; STATUS:CANCELLED once cancelled), published
// rather than sent as an invitation (see src/features/meetings/app/icalendar.ts). The online link goes into URL,
// LOCATION (when there is no place) and the description, with the agenda, in the cluster's language.
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { DEFAULT_LOCALE, toLocale } from "../../../kernel/domain/locale.ts";
import { CALENDAR_LABELS } from "./calendar-labels.ts";
import { buildCalendarFile, filenameFor } from "./icalendar.ts";

export type CalendarFile = { filename: string; body: string };

export async function meetingCalendarFile(ctx: AppContext, uid: string): Promise<CalendarFile | null> {
  if (!z.uuid().safeParse(uid).success) return null;
  const meeting = await ctx.db.meeting.findUnique({
    where: { icsUid: uid },
    include: {
      chosenSlot: true,
      cluster: true,
      agendaItems: {
        where: { status: "ACCEPTED" },
        orderBy: [{ position: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
        select: { title: true },
      },
    },
  });
  if (
    !meeting?.chosenSlot ||
    (meeting.status !== "SCHEDULED" && meeting.status !== "HELD" && meeting.status !== "CANCELLED")
  )
    return null;
  const organiser = meeting.organiserId
    ? await ctx.db.person.findUnique({ where: { id: meeting.organiserId } })
    : null;
  const labels = CALENDAR_LABELS[toLocale(meeting.cluster.locale) ?? DEFAULT_LOCALE];
  const { place, onlineUrl } = splitLocation(meeting.chosenSlot.location);
  const cancelled = meeting.status === "CANCELLED";
  const description = [
    ...(cancelled ? [labels.cancelled, ""] : []),
    ...(onlineUrl ? [`${labels.online}: ${onlineUrl}`] : []),
    ...(place ? [`${labels.place}: ${place}`] : []),
    ...(meeting.agendaItems.length
      ? ["", `${labels.agenda}:`, ...meeting.agendaItems.map((item, i) => `${i + 1}. ${item.title}`)]
      : []),
  ]
    .join("\n")
    .trim();
  const body = buildCalendarFile({
    uid: `${meeting.icsUid}@ennakko`,
    sequence: meeting.icsSequence,
    cancelled,
    startsAt: meeting.chosenSlot.startsAt,
    durationMinutes: meeting.chosenSlot.durationMinutes,
    timeZone: meeting.cluster.timeZone,
    summary: `${meeting.title} — ${meeting.cluster.name}`,
    ...(description ? { description } : {}),
    ...((place ?? onlineUrl) ? { location: (place ?? onlineUrl)! } : {}),
    ...(onlineUrl ? { url: onlineUrl } : {}),
    organizer: { name: organiser?.displayName ?? meeting.cluster.name, email: organiser?.email ?? undefined },
    now: ctx.clock.now(),
  });
  return { filename: filenameFor(meeting.title), body };
}

/**
 * MeetingSlot.location holds "place · https://link" (or either alone, see validateMeetingPlan): the
 * link is the trailing part when it is an https URL.
 */
export function splitLocation(location: string | null): { place: string | null; onlineUrl: string | null } {
  if (!location) return { place: null, onlineUrl: null };
  const parts = location.split(" · ");
  const last = parts.at(-1)!.trim();
  let onlineUrl: string | null = null;
  try {
    if (new URL(last).protocol === "https:") onlineUrl = last;
  } catch {
    // not a link: all of it is the place
  }
  const place = (onlineUrl ? parts.slice(0, -1).join(" · ") : location).trim() || null;
  return { place, onlineUrl };
}
