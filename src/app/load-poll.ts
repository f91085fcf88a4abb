// A meeting's date poll as everyone sees it: slots, tally, who has not answered.

import type { MeetingStatus } from "../domain/meeting-rules.ts";
import { type PollTally, tallyPoll } from "../domain/poll-tally.ts";
import type { AppContext } from "./shared/context.ts";
import type { Tx } from "./shared/tx.ts";

export type PollSlotView = { id: string; startsAt: Date; durationMinutes: number; location: string | null };

export type PollSnapshot = {
  meeting: {
    id: string;
    title: string;
    status: MeetingStatus;
    agendaDeadline: Date | null;
    chosenSlotId: string | null;
  };
  cluster: { id: string; name: string; timeZone: string; locale: string };
  slots: PollSlotView[];
  tally: PollTally;
  names: Record<string, string>;
  organiserId: string | null;
};

export async function loadPoll(
  ctx: AppContext | { db: Tx },
  meetingId: string,
): Promise<PollSnapshot | null> {
  const meeting = await ctx.db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      cluster: {
        include: { memberships: { include: { person: { select: { id: true, displayName: true } } } } },
      },
      slots: { orderBy: { startsAt: "asc" }, include: { votes: true } },
    },
  });
  if (!meeting) return null;
  // Observers follow the cluster but are not asked for dates.
  const voters = meeting.cluster.memberships.filter((m) => m.role !== "OBSERVER");
  const tally = tallyPoll({
    slots: meeting.slots.map((s) => ({ id: s.id, startsAt: s.startsAt })),
    votes: meeting.slots.flatMap((s) =>
      s.votes.map((v) => ({ slotId: v.slotId, personId: v.personId, answer: v.answer })),
    ),
    memberIds: voters.map((m) => m.personId),
  });
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      status: meeting.status,
      agendaDeadline: meeting.agendaDeadline,
      chosenSlotId: meeting.chosenSlotId,
    },
    cluster: {
      id: meeting.cluster.id,
      name: meeting.cluster.name,
      timeZone: meeting.cluster.timeZone,
      locale: meeting.cluster.locale,
    },
    slots: meeting.slots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      durationMinutes: s.durationMinutes,
      location: s.location,
    })),
    tally,
    names: Object.fromEntries(meeting.cluster.memberships.map((m) => [m.personId, m.person.displayName])),
    organiserId: meeting.organiserId,
  };
}
