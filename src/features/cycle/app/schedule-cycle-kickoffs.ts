// Scheduler tick: `cycle.kickoffWeeksBefore` weeks before each of a cluster's terms opens (a date in
// the cluster's zone), its chair, secretary and coordinator get a kickoff message in a personal chat,
// within working hours, with one-click actions. The chairs' forum keeps the same rhythm for its
// derived members (chairs, vice-chairs and coordinators of the workspace's clusters). The outbox key
// names cluster, term, year and person, so each kickoff goes once however often the tick runs.

import type { Cluster } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { forumMembers } from "../../../kernel/app/forum-membership.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels, personalRecipient } from "../../../kernel/app/recipients.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { kickoffDate, occurrences } from "../../../kernel/domain/cycle-terms.ts";
import type { Role } from "../../../kernel/domain/roles.ts";
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

export async function scheduleCycleKickoffs(ctx: AppContext): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  const clusters = await ctx.db.cluster.findMany({ where: { archivedAt: null, bindings: { some: {} } } });
  for (const cluster of clusters) {
    const settings = clusterSettings(cluster.settings);
    const { terms, kickoffWeeksBefore } = settings.cycle;
    const hours = settings.followUp.workingHours;
    const year = Number(utcToZoned(now, cluster.timeZone).date.slice(0, 4));
    const due = occurrences(terms, [year, year + 1]).filter((o) => {
      const opensAt = zonedToUtc(o.opens, "00:00", cluster.timeZone);
      return kickoffInstant(o.opens, kickoffWeeksBefore, cluster.timeZone, hours) <= now && now < opensAt;
    });
    if (due.length === 0) continue;
    const people = await recipientsOf(ctx, cluster);
    const prefer = (await clusterChannels(ctx.db, cluster.id))[0]?.platform ?? "SLACK";
    for (const occurrence of due) {
      for (const person of people) {
        const key = cycleKickoffKey(cluster.id, occurrence.term.name, occurrence.year, person.id);
        if (await ctx.db.outboxMessage.findFirst({ where: { key }, select: { id: true } })) continue;
        const recipient = await personalRecipient(ctx.db, person.id, prefer);
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
        const notBefore = nextWorkingTime(now, person.timeZone ?? cluster.timeZone, hours);
        const { created } = await enqueueNotification(ctx.db, {
          key,
          clusterId: cluster.id,
          recipient,
          view,
          notBefore,
        });
        if (created) enqueued += 1;
      }
    }
  }
  return { enqueued };
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
