// Scheduler tick: `cycle.kickoffWeeksBefore` weeks before each of a cluster's terms opens (a date in
// the cluster's zone), its chair, secretary and coordinator get a kickoff message in a personal chat,
// within working hours, with one-click actions. The chairs' forum keeps the same rhythm for its
// derived members (chairs, vice-chairs and coordinators of the workspace's clusters). Each cluster's
// `nextKickoffAt` says when its next kickoff is due; the outbox key names cluster, term, year and
// person, so a kickoff queued twice (the cluster marked due again in the window) is still one row.

import type { ChannelBinding, Cluster } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { eachDueBatch } from "../../../kernel/app/each-due-batch.ts";
import { forumMembers } from "../../../kernel/app/forum-membership.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipients } from "../../../kernel/app/personal-recipients.ts";
import { withBindings } from "../../../kernel/app/with-bindings.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { kickoffDate, occurrences } from "../../../kernel/domain/cycle-terms.ts";
import type { Role } from "../../../kernel/domain/roles.ts";
import { zoneOr } from "../../../kernel/domain/time-zone.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import { utcToZoned, zonedToUtc } from "../../../kernel/domain/zoned-time.ts";

export const KICKOFF_ROLES: readonly Role[] = ["CHAIR", "SECRETARY", "COORDINATOR"];

export const cycleKickoffKey = (clusterId: string, term: string, year: number, personId: string) =>
  `cycle:${clusterId}:${term}:${year}:kickoff:${personId}`;

/** The instant a term occurrence's kickoff is due: the start of working hours on the kickoff date, or the next working day. */
export function kickoffInstant(
  opens: string,
  weeks: number,
  timeZone: string,
  hours: ReturnType<typeof clusterSettings>["followUp"]["workingHours"],
): Date {
  return nextWorkingTime(zonedToUtc(kickoffDate(opens, weeks), hours.start, timeZone), timeZone, hours);
}

/**
 * The kickoffs of a cluster due at `now` (kickoff instant passed, term not yet open) and the next
 * kickoff instant after `now`: the tick stores it as the cluster's `nextKickoffAt`.
 */
export function kickoffsAt(cluster: Pick<Cluster, "settings" | "timeZone">, now: Date) {
  const settings = clusterSettings(cluster.settings);
  const { terms, kickoffWeeksBefore } = settings.cycle;
  const hours = settings.followUp.workingHours;
  const year = Number(utcToZoned(now, cluster.timeZone).date.slice(0, 4));
  const all = occurrences(terms, [year, year + 1, year + 2]).map((o) => ({
    ...o,
    kickoffAt: kickoffInstant(o.opens, kickoffWeeksBefore, cluster.timeZone, hours),
    opensAt: zonedToUtc(o.opens, "00:00", cluster.timeZone),
  }));
  const due = all.filter((o) => o.kickoffAt <= now && now < o.opensAt);
  const later = all.map((o) => o.kickoffAt.getTime()).filter((t) => t > now.getTime());
  // No terms at all: nothing will come until someone edits them (which marks the cluster due).
  const next = later.length === 0 ? null : new Date(Math.min(...later));
  return { due, next, hours };
}

/**
 * Due-driven: only clusters whose `nextKickoffAt` has come are read (by its index, in batches); each
 * queues its due kickoffs and advances to its next kickoff instant in one transaction. A quiet tick is
 * one statement however many clusters there are.
 */
export async function scheduleCycleKickoffs(
  ctx: AppContext,
  { batchSize = 100 } = {},
): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  await eachDueBatch(ctx, {
    job: "cycle-kickoffs",
    batchSize,
    // Nothing due: the first select is the whole tick (one statement).
    select: async (take, skip) => {
      const due = await ctx.db.cluster.findMany({
        where: {
          archivedAt: null,
          nextKickoffAt: { lte: now },
          ...(skip.length > 0 ? { id: { notIn: skip } } : {}),
        },
        orderBy: [{ nextKickoffAt: "asc" }, { id: "asc" }],
        take,
      });
      return due.length > 0 ? withBindings(ctx, due) : [];
    },
    describe: (c) => ({ clusterId: c.id }),
    work: async (cluster) => {
      try {
        enqueued += await kickOff(ctx, cluster, now);
      } catch (error) {
        // Tried again in an hour, not at every tick.
        await ctx.db.cluster
          .updateMany({
            where: { id: cluster.id, nextKickoffAt: cluster.nextKickoffAt },
            data: { nextKickoffAt: new Date(now.getTime() + 3_600_000) },
          })
          .catch(() => undefined);
        throw error;
      }
    },
  });
  return { enqueued };
}

async function kickOff(ctx: AppContext, cluster: Cluster & { bindings: ChannelBinding[] }, now: Date) {
  const { due, next, hours } = kickoffsAt(cluster, now);
  // Advanced only if nobody marked the cluster due again since we read it (then the next tick recomputes).
  const unchanged = { id: cluster.id, nextKickoffAt: cluster.nextKickoffAt };
  // A cluster with no channel left is not served (as before), only advanced.
  if (due.length === 0 || cluster.bindings.length === 0) {
    await ctx.db.cluster.updateMany({ where: unchanged, data: { nextKickoffAt: next } });
    return 0;
  }
  const people = await recipientsOf(ctx, cluster);
  const recipientOf = await personalRecipients(
    ctx.db,
    people.map((p) => p.id),
  );
  const prefer = cluster.bindings[0]?.platform ?? "SLACK";
  return ctx.db.$transaction(async (tx) => {
    let enqueued = 0;
    for (const occurrence of due) {
      for (const person of people) {
        const recipient = recipientOf(person.id, prefer);
        if (!recipient) continue;
        const view = ctx.compose.compose(
          {
            type: "cycle.kickoff",
            clusterId: cluster.id,
            clusterName: cluster.name,
            forum: cluster.kind === "CHAIRS_FORUM",
            term: occurrence.term,
            opens: occurrence.opens,
            closes: occurrence.closes,
          },
          localeOf(person, cluster),
        );
        const notBefore = nextWorkingTime(now, zoneOr(person.timeZone, cluster.timeZone), hours);
        // The key names cluster, term, year and person: a kickoff queued twice is one row.
        const { created } = await enqueueNotification(tx, {
          key: cycleKickoffKey(cluster.id, occurrence.term.name, occurrence.year, person.id),
          clusterId: cluster.id,
          recipient,
          view,
          notBefore,
          subject: `cluster:${cluster.id}`,
          stage: `kickoff-${occurrence.term.name}-${occurrence.year}`,
          personId: person.id,
        });
        if (created) enqueued += 1;
      }
    }
    await tx.cluster.updateMany({ where: unchanged, data: { nextKickoffAt: next } });
    return enqueued;
  });
}

/** A cluster's chair, secretary and coordinator; a forum's derived members. Each person once. */
async function recipientsOf(ctx: AppContext, cluster: Cluster) {
  if (cluster.kind === "CHAIRS_FORUM") {
    const bindings = await ctx.db.channelBinding.findMany({ where: { clusterId: cluster.id } });
    return forumMembers(
      ctx.db,
      bindings.map((b) => b.workspaceId),
    );
  }
  const memberships = await ctx.db.membership.findMany({
    where: { clusterId: cluster.id, role: { in: [...KICKOFF_ROLES] }, person: { erasedAt: null } },
    include: { person: true },
    orderBy: { personId: "asc" },
  });
  return memberships.map((m) => m.person);
}
