// Scheduler tick: nudge members who have not answered an open date poll — only them, at most twice,
// on the days the cluster set, within their working hours.
//
// Due-driven: a meeting carries when the tick must next look at it (Meeting.nextNudgeAt, indexed)
// and the rounds it has queued (nudgeRound). A tick selects only the meetings due now, earliest first,
// in bounded batches, so its cost does not grow with closed meetings or polls whose next round is
// days away. Per meeting, one transaction moves the due time on (guarded on what it read, so two
// instances never queue a round twice), finds who has not answered with one query, and queues them.
// Finalising or cancelling a meeting clears nextNudgeAt; so does a tick that finds it no longer polling.

import type { ChannelBinding, Cluster, Meeting, Person } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { eachDueBatch } from "../../../kernel/app/each-due-batch.ts";
import { eachJobItem } from "../../../kernel/app/each-job-item.ts";
import { forumMembers } from "../../../kernel/app/forum-membership.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipient } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { dueRound, roundsFrom } from "../../../kernel/domain/due-rounds.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import { meetingSubject, nudgeKey, nudgeStage } from "./outbox-keys.ts";

export const POLL_NUDGES_JOB = "poll-nudges";

type DueMeeting = Meeting & { cluster: Cluster & { bindings: ChannelBinding[] } };

export async function schedulePollNudges(
  ctx: AppContext,
  signal?: AbortSignal,
): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  await eachDueBatch(ctx, {
    job: POLL_NUDGES_JOB,
    signal,
    select: (take, skip) =>
      ctx.db.meeting.findMany({
        where: { nextNudgeAt: { lte: now }, ...(skip.length > 0 ? { id: { notIn: skip } } : {}) },
        orderBy: [{ nextNudgeAt: "asc" }, { id: "asc" }],
        take,
        select: { id: true },
      }),
    describe: (meeting) => ({ meetingId: meeting.id }),
    work: async ({ id }) => {
      enqueued += await ctx.db.$transaction((tx) => nudgeMeeting(ctx, tx, id, now));
    },
  });
  return { enqueued };
}

/** Queues the round that has come (if any) and moves the meeting's due time on; returns rows queued. */
async function nudgeMeeting(ctx: AppContext, tx: Tx, meetingId: string, now: Date): Promise<number> {
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    include: { cluster: { include: { bindings: true } } },
  });
  // Another instance (or an organiser) moved it on since the select: nothing due any more.
  if (!meeting?.nextNudgeAt || meeting.nextNudgeAt > now) return 0;
  const { cluster } = meeting;
  const settings = clusterSettings(cluster.settings);
  const { due, nextAt } =
    meeting.status === "POLLING"
      ? dueRound(
          roundsFrom(meeting.createdAt, settings.poll.nudgeAfterDays, cluster.timeZone),
          now,
          meeting.nudgeRound,
        )
      : { due: null, nextAt: null };
  const { count } = await tx.meeting.updateMany({
    where: { id: meeting.id, nextNudgeAt: meeting.nextNudgeAt, nudgeRound: meeting.nudgeRound },
    data: { nextNudgeAt: nextAt, nudgeRound: due?.round ?? meeting.nudgeRound },
  });
  if (count === 0 || !due) return 0;

  const prefer = cluster.bindings[0]?.platform ?? "SLACK";
  let queued = 0;
  // One member who fails (a time zone no engine knows) is reported alone; the others are nudged.
  const people = await notAnswered(tx, meeting);
  await eachJobItem(
    ctx,
    POLL_NUDGES_JOB,
    people,
    (p) => ({ meetingId: meeting.id, personId: p.id }),
    async (person) => {
      const recipient = await personalRecipient(tx, person.id, prefer);
      if (!recipient) return;
      const view = ctx.compose.compose(
        { type: "poll.nudge", meetingId: meeting.id, title: meeting.title, clusterName: cluster.name },
        localeOf(person, cluster),
      );
      const notBefore = nextWorkingTime(
        now,
        person.timeZone ?? cluster.timeZone,
        settings.followUp.workingHours,
      );
      const { created } = await enqueueNotification(tx, {
        key: nudgeKey(meeting.id, due.round, person.id),
        subject: meetingSubject(meeting.id),
        stage: nudgeStage(due.round),
        personId: person.id,
        clusterId: cluster.id,
        recipient,
        view,
        notBefore,
      });
      if (created) queued += 1;
    },
  );
  return queued;
}

/**
 * Who is asked for dates (load-poll.ts: the members but observers; in the chairs' forum, its derived
 * members) and has answered no slot of this meeting: one query, not the whole poll.
 */
async function notAnswered(tx: Tx, meeting: DueMeeting): Promise<Person[]> {
  if (meeting.cluster.kind === "CHAIRS_FORUM") {
    const members = await forumMembers(
      tx,
      meeting.cluster.bindings.map((b) => b.workspaceId),
    );
    if (members.length === 0) return [];
    const voted = await tx.slotVote.findMany({
      where: { slot: { meetingId: meeting.id }, personId: { in: members.map((m) => m.id) } },
      select: { personId: true },
      distinct: ["personId"],
    });
    const answered = new Set(voted.map((v) => v.personId));
    return members.filter((m) => !answered.has(m.id));
  }
  return tx.person.findMany({
    where: {
      memberships: { some: { clusterId: meeting.clusterId, role: { not: "OBSERVER" } } },
      slotVotes: { none: { slot: { meetingId: meeting.id } } },
    },
    orderBy: { id: "asc" },
  });
}
