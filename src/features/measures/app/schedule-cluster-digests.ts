// Scheduler tick: every `digestEveryDays` each cluster channel gets a short digest of measures that
// changed and measures that slip (overdue or blocked) — only when there is something to say, looked
// at once per period (its first tick).

import type { ChannelBinding, Cluster } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { eachDueBatch } from "../../../kernel/app/each-due-batch.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { withBindings } from "../../../kernel/app/with-bindings.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import {
  addDaysToDate,
  daysBetweenDates,
  utcToZoned,
  zonedToUtc,
} from "../../../kernel/domain/zoned-time.ts";

const EPOCH = "2024-01-01"; // a Monday: with the default 7 days, digests go out on Mondays

/** The digest period `now` falls in for a cluster, and the instant the next period starts (local midnight). */
export function digestPeriod(
  now: Date,
  timeZone: string,
  everyDays: number,
): { period: number; nextAt: Date } {
  const today = utcToZoned(now, timeZone).date;
  const period = Math.floor(daysBetweenDates(EPOCH, today) / everyDays);
  const nextAt = zonedToUtc(addDaysToDate(EPOCH, (period + 1) * everyDays), "00:00", timeZone);
  return { period, nextAt };
}

/**
 * Due-driven: only clusters whose `nextDigestAt` has come are read (by its index, in batches). Each
 * is looked at once per period, at its first tick: it gets a digest if there is something to say,
 * and is advanced to the next period's start in its zone, in the same transaction as the queueing.
 */
export async function scheduleClusterDigests(
  ctx: AppContext,
  { batchSize = 100 } = {},
): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  await eachDueBatch(ctx, {
    job: "cluster-digests",
    batchSize,
    // Nothing due: the first select is the whole tick (one statement).
    select: async (take, skip) => {
      const due = await ctx.db.cluster.findMany({
        where: {
          archivedAt: null,
          nextDigestAt: { lte: now },
          ...(skip.length > 0 ? { id: { notIn: skip } } : {}),
        },
        orderBy: [{ nextDigestAt: "asc" }, { id: "asc" }],
        take,
      });
      return due.length > 0 ? withBindings(ctx, due) : [];
    },
    describe: (c) => ({ clusterId: c.id }),
    work: async (cluster) => {
      try {
        enqueued += await digest(ctx, cluster, now);
      } catch (error) {
        // Tried again in an hour, not at every tick.
        await ctx.db.cluster
          .updateMany({
            where: { id: cluster.id, nextDigestAt: cluster.nextDigestAt },
            data: { nextDigestAt: new Date(now.getTime() + 3_600_000) },
          })
          .catch(() => undefined);
        throw error;
      }
    },
  });
  return { enqueued };
}

async function digest(ctx: AppContext, cluster: Cluster & { bindings: ChannelBinding[] }, now: Date) {
  const { followUp } = clusterSettings(cluster.settings);
  const { period, nextAt } = digestPeriod(now, cluster.timeZone, followUp.digestEveryDays);
  // Advanced only if nobody marked the cluster due again since we read it (then the next tick recomputes).
  const advance = (tx: Tx) =>
    tx.cluster.updateMany({
      where: { id: cluster.id, nextDigestAt: cluster.nextDigestAt },
      data: { nextDigestAt: nextAt },
    });
  if (cluster.bindings.length === 0) {
    await advance(ctx.db);
    return 0;
  }
  const today = utcToZoned(now, cluster.timeZone).date;
  const since = new Date(now.getTime() - followUp.digestEveryDays * 86_400_000);
  const [changed, slipping] = await Promise.all([
    ctx.db.measure.findMany({
      where: {
        clusterId: cluster.id,
        updates: { some: { createdAt: { gte: since }, status: { not: "PLANNED" } } },
      },
      orderBy: { title: "asc" },
      take: 20,
    }),
    ctx.db.measure.findMany({
      where: {
        clusterId: cluster.id,
        OR: [
          { status: "BLOCKED" },
          { status: { in: ["PLANNED", "STARTED"] }, dueDate: { lt: new Date(`${today}T00:00:00Z`) } },
        ],
      },
      include: { owner: true },
      orderBy: { dueDate: "asc" },
      take: 20,
    }),
  ]);
  if (changed.length === 0 && slipping.length === 0) {
    await advance(ctx.db);
    return 0;
  }
  const view = ctx.compose.compose(
    {
      type: "cluster.digest",
      clusterName: cluster.name,
      changed: changed.map((m) => ({ title: m.title, status: m.status, progress: m.progress })),
      slipping: slipping.map((m) => ({
        title: m.title,
        ownerName: m.owner?.displayName ?? "",
        dueDate: m.dueDate.toISOString().slice(0, 10),
        status: m.status,
      })),
    },
    localeOf(null, cluster),
  );
  const notBefore = nextWorkingTime(now, cluster.timeZone, followUp.workingHours);
  return ctx.db.$transaction(async (tx) => {
    let enqueued = 0;
    for (const b of cluster.bindings) {
      const { created } = await enqueueNotification(tx, {
        key: `cluster:${cluster.id}:digest:${period}:${b.platform}`,
        clusterId: cluster.id,
        recipient: { platform: b.platform, kind: "channel", id: b.channelId },
        view,
        notBefore,
        subject: `cluster:${cluster.id}`,
        stage: `digest-${period}`,
      });
      if (created) enqueued += 1;
    }
    await advance(tx);
    return enqueued;
  });
}
