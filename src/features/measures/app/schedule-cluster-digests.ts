// Scheduler tick: every `digestEveryDays` each cluster channel gets a short digest of measures that
// changed and measures that slip (overdue or blocked) — only when there is something to say.

import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels } from "../../../kernel/app/recipients.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import { daysBetweenDates, utcToZoned } from "../../../kernel/domain/zoned-time.ts";

const EPOCH = "2024-01-01"; // a Monday: with the default 7 days, digests go out on Mondays

export async function scheduleClusterDigests(ctx: AppContext): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  const clusters = await ctx.db.cluster.findMany({ where: { archivedAt: null, bindings: { some: {} } } });
  for (const cluster of clusters) {
    const { followUp } = clusterSettings(cluster.settings);
    const today = utcToZoned(now, cluster.timeZone).date;
    const period = Math.floor(daysBetweenDates(EPOCH, today) / followUp.digestEveryDays);
    const key = `cluster:${cluster.id}:digest:${period}`;
    if (await ctx.db.outboxMessage.findFirst({ where: { key: { startsWith: key } }, select: { id: true } }))
      continue;
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
    if (changed.length === 0 && slipping.length === 0) continue;
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
    for (const recipient of await clusterChannels(ctx.db, cluster.id)) {
      const { created } = await enqueueNotification(ctx.db, {
        key: `${key}:${recipient.platform}`,
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
