// A meeting's date poll as everyone sees it: slots, tally, who has not answered.

import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { forumMembers } from "../../../kernel/app/forum-membership.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { MEETING_STATUSES, type MeetingStatus } from "../domain/meeting-rules.ts";
import { type PollTally, SLOT_ANSWERS, tallyPoll } from "../domain/poll-tally.ts";

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
  /** Meeting.pollVersion when read: orders the poll card's queued redraws. */
  version: number;
};

/** The row one statement returns: the meeting and its cluster, with slots, votes and voters as JSON. */
const PollRow = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
  agendaDeadline: z.string().nullable(),
  chosenSlotId: z.string().nullable(),
  organiserId: z.string().nullable(),
  pollVersion: z.number().int(),
  cluster: z.object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    timeZone: z.string(),
    locale: z.string(),
  }),
  slots: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      durationMinutes: z.number().int(),
      location: z.string().nullable(),
    }),
  ),
  votes: z.array(z.object({ slotId: z.string(), personId: z.string(), answer: z.enum(SLOT_ANSWERS) })),
  /** Null in the chairs' forum: its voters are derived (votersOf). */
  voters: z.array(z.object({ id: z.string(), displayName: z.string() })).nullable(),
});

/** `timestamp(3)` columns hold UTC without a zone; in JSON they read "2027-03-26T08:00:00". */
const utc = (value: string) => new Date(`${value}Z`);

/**
 * One statement for the whole poll (a vote redraws it, so it is on the busiest path): where Prisma's
 * nested `include` would send six.
 */
export async function loadPoll(
  ctx: AppContext | { db: Tx },
  meetingId: string,
): Promise<PollSnapshot | null> {
  const rows = await ctx.db.$queryRaw<{ poll: unknown }[]>`
    SELECT json_build_object(
      'id', m."id", 'title', m."title", 'status', m."status", 'agendaDeadline', m."agendaDeadline",
      'chosenSlotId', m."chosenSlotId", 'organiserId', m."organiserId", 'pollVersion', m."pollVersion",
      'cluster', json_build_object('id', c."id", 'kind', c."kind", 'name', c."name",
                                   'timeZone', c."timeZone", 'locale', c."locale"),
      'slots', COALESCE((
        SELECT json_agg(json_build_object('id', s."id", 'startsAt', s."startsAt",
                          'durationMinutes', s."durationMinutes", 'location', s."location")
                        ORDER BY s."startsAt", s."id")
          FROM "MeetingSlot" s WHERE s."meetingId" = m."id"), '[]'::json),
      'votes', COALESCE((
        SELECT json_agg(json_build_object('slotId', v."slotId", 'personId', v."personId", 'answer', v."answer"))
          FROM "SlotVote" v JOIN "MeetingSlot" s ON s."id" = v."slotId"
         WHERE s."meetingId" = m."id"), '[]'::json),
      'voters', CASE WHEN c."kind" = 'CHAIRS_FORUM' THEN NULL ELSE COALESCE((
        SELECT json_agg(json_build_object('id', p."id", 'displayName', p."displayName")
                        ORDER BY ms."joinedAt", ms."id")
          FROM "Membership" ms JOIN "Person" p ON p."id" = ms."personId"
         WHERE ms."clusterId" = c."id" AND ms."role" <> 'OBSERVER'), '[]'::json) END
    ) AS "poll"
      FROM "Meeting" m JOIN "Cluster" c ON c."id" = m."clusterId"
     WHERE m."id" = ${meetingId}`;
  const raw = rows[0]?.poll;
  if (raw === undefined) return null;
  const row = PollRow.parse(typeof raw === "string" ? JSON.parse(raw) : raw);
  const voters = row.voters ?? (await forumVoters(ctx.db, row.cluster.id));
  const tally = tallyPoll({
    slots: row.slots.map((s) => ({ id: s.id, startsAt: utc(s.startsAt) })),
    votes: row.votes,
    memberIds: voters.map((v) => v.id),
  });
  return {
    meeting: {
      id: row.id,
      title: row.title,
      status: row.status,
      agendaDeadline: row.agendaDeadline === null ? null : utc(row.agendaDeadline),
      chosenSlotId: row.chosenSlotId,
    },
    cluster: {
      id: row.cluster.id,
      name: row.cluster.name,
      timeZone: row.cluster.timeZone,
      locale: row.cluster.locale,
    },
    slots: row.slots.map((s) => ({
      id: s.id,
      startsAt: utc(s.startsAt),
      durationMinutes: s.durationMinutes,
      location: s.location,
    })),
    tally,
    names: Object.fromEntries(voters.map((v) => [v.id, v.displayName])),
    organiserId: row.organiserId,
    version: row.pollVersion,
  };
}

/**
 * Who is asked for dates in the chairs' forum: its derived members (the clusters' chairs, vice-chairs
 * and coordinators). In a cluster, its members but its observers (they follow, they do not attend):
 * the statement above selects those.
 */
async function forumVoters(tx: Tx, clusterId: string): Promise<{ id: string; displayName: string }[]> {
  const bindings = await tx.channelBinding.findMany({ where: { clusterId } });
  const members = await forumMembers(
    tx,
    bindings.map((b) => b.workspaceId),
  );
  return members.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
