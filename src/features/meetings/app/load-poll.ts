// A meeting's date poll as everyone sees it: slots, tally, who has not answered.

import type { Cluster } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { forumMembers } from "../../../kernel/app/forum-membership.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { MeetingStatus } from "../domain/meeting-rules.ts";
import { type PollTally, tallyPoll } from "../domain/poll-tally.ts";

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
  const voters = await votersOf(ctx.db, meeting.cluster);
  const tally = tallyPoll({
    slots: meeting.slots.map((s) => ({ id: s.id, startsAt: s.startsAt })),
    votes: meeting.slots.flatMap((s) =>
      s.votes.map((v) => ({ slotId: v.slotId, personId: v.personId, answer: v.answer })),
    ),
    memberIds: voters.map((v) => v.id),
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
    names: Object.fromEntries(voters.map((v) => [v.id, v.displayName])),
    organiserId: meeting.organiserId,
  };
}

type ClusterWithMembers = Cluster & {
  memberships: { personId: string; role: string; person: { id: string; displayName: string } }[];
};

/**
 * Who is asked for dates: a cluster's members but its observers (they follow, they do not attend);
 * in the chairs' forum, its derived members (the clusters' chairs, vice-chairs and coordinators).
 */
async function votersOf(tx: Tx, cluster: ClusterWithMembers): Promise<{ id: string; displayName: string }[]> {
  if (cluster.kind === "CHAIRS_FORUM") {
    const bindings = await tx.channelBinding.findMany({ where: { clusterId: cluster.id } });
    const members = await forumMembers(
      tx,
      bindings.map((b) => b.workspaceId),
    );
    return members.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
  return cluster.memberships.filter((m) => m.role !== "OBSERVER").map((m) => m.person);
}
