// A meeting's lifecycle states and the agenda deadline: shared by the meetings, agenda and record
// features, whose rules all turn on them.
export const MEETING_STATUSES = ["POLLING", "SCHEDULED", "HELD", "CANCELLED"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Items can be added until the deadline; no deadline means until the meeting is recorded. */
export function isAgendaOpen(deadline: Date | null, now: Date): boolean {
  return deadline === null || now.getTime() < deadline.getTime();
}
