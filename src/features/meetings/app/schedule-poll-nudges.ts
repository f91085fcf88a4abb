// Scheduler tick: nudge members who have not answered an open date poll — only them, at most twice,
// on the days the cluster set, within their working hours.

import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipient } from "../../../kernel/app/recipients.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import { addLocalDays } from "../../../kernel/domain/zoned-time.ts";
import { loadPoll } from "./load-poll.ts";

export const nudgeKey = (meetingId: string, round: number, personId: string) =>
  `meeting:${meetingId}:nudge-${round}:${personId}`;

export async function schedulePollNudges(ctx: AppContext): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  const meetings = await ctx.db.meeting.findMany({
    where: { status: "POLLING" },
    include: { cluster: { include: { bindings: true } } },
  });
  for (const meeting of meetings) {
    const { cluster } = meeting;
    const settings = clusterSettings(cluster.settings);
    const rounds = settings.poll.nudgeAfterDays
      .map((days, index) => ({
        round: index + 1,
        at: addLocalDays(meeting.createdAt, days, cluster.timeZone),
      }))
      .filter((r) => r.at <= now);
    if (rounds.length === 0) continue;
    const poll = await loadPoll(ctx, meeting.id);
    if (!poll) continue;
    // Only the latest round that has come: after downtime a member gets one nudge, not two at once.
    const round = rounds.at(-1)!;
    const prefer = cluster.bindings[0]?.platform ?? "SLACK";
    const people = await ctx.db.person.findMany({ where: { id: { in: poll.tally.pendingIds } } });
    for (const person of people) {
      const recipient = await personalRecipient(ctx.db, person.id, prefer);
      if (!recipient) continue;
      const view = ctx.compose.compose(
        { type: "poll.nudge", meetingId: meeting.id, title: meeting.title, clusterName: cluster.name },
        localeOf(person, cluster),
      );
      const notBefore = nextWorkingTime(
        round.at > now ? round.at : now,
        person.timeZone ?? cluster.timeZone,
        settings.followUp.workingHours,
      );
      const { created } = await enqueueNotification(ctx.db, {
        key: nudgeKey(meeting.id, round.round, person.id),
        // What a vote withdraws the nudge by (vote-on-slot.ts), never by a prefix of the key.
        subject: `meeting:${meeting.id}`,
        stage: `nudge-${round.round}`,
        personId: person.id,
        clusterId: cluster.id,
        recipient,
        view,
        notBefore,
      });
      if (created) enqueued += 1;
    }
  }
  return { enqueued };
}
