// Where a cluster is in its cycle, for `/cluster status`: the current or next term, the next meeting
// and its agenda deadline, the latest pulse's response rate, and measures open / overdue / done
// since the last held meeting. Read-only; the caller has authorized the viewer.

import type { Cluster } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { type CycleTerm, currentOrNextTerm } from "../../../kernel/domain/cycle-terms.ts";
import { utcToZoned } from "../../../kernel/domain/zoned-time.ts";

export type CycleStatus = {
  term: { term: CycleTerm; current: boolean; opens: string; closes: string } | null;
  /** Scheduled and not started yet, else null; a meeting still being polled has no date. */
  nextMeeting: { title: string; startsAt: Date; agendaDeadline: Date | null } | null;
  latestPulse: { title: string; invited: number; completed: number } | null;
  measures: { open: number; overdue: number; doneSinceLastMeeting: number };
};

const OPEN = ["PLANNED", "STARTED", "BLOCKED"] as const;

export async function cycleStatus(ctx: AppContext, cluster: Cluster): Promise<CycleStatus> {
  const now = ctx.clock.now();
  const today = utcToZoned(now, cluster.timeZone).date;
  const found = currentOrNextTerm(clusterSettings(cluster.settings).cycle.terms, today);
  const [meeting, lastHeld, pulse] = await Promise.all([
    ctx.db.meeting.findFirst({
      where: { clusterId: cluster.id, status: "SCHEDULED", chosenSlot: { startsAt: { gt: now } } },
      include: { chosenSlot: true },
      orderBy: { chosenSlot: { startsAt: "asc" } },
    }),
    ctx.db.meeting.findFirst({
      where: { clusterId: cluster.id, status: "HELD" },
      include: { chosenSlot: true },
      orderBy: { chosenSlot: { startsAt: "desc" } },
    }),
    ctx.db.pulse.findFirst({
      where: { clusterId: cluster.id, status: { not: "DRAFT" }, opensAt: { lte: now } },
      orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    }),
  ]);
  const since = lastHeld?.chosenSlot?.startsAt ?? null;
  const [open, overdue, done, invited, completed] = await Promise.all([
    ctx.db.measure.count({ where: { clusterId: cluster.id, status: { in: [...OPEN] } } }),
    ctx.db.measure.count({
      where: {
        clusterId: cluster.id,
        status: { in: [...OPEN] },
        dueDate: { lt: new Date(`${today}T00:00:00Z`) },
      },
    }),
    ctx.db.measure.count({
      where: { clusterId: cluster.id, status: "DONE", ...(since ? { completedAt: { gte: since } } : {}) },
    }),
    pulse ? ctx.db.pulseParticipation.count({ where: { pulseId: pulse.id } }) : 0,
    pulse ? ctx.db.pulseParticipation.count({ where: { pulseId: pulse.id, status: "COMPLETED" } }) : 0,
  ]);
  return {
    term: found
      ? { term: found.term, current: found.current, opens: found.opens, closes: found.closes }
      : null,
    nextMeeting: meeting?.chosenSlot
      ? {
          title: meeting.title,
          startsAt: meeting.chosenSlot.startsAt,
          agendaDeadline: meeting.agendaDeadline,
        }
      : null,
    latestPulse: pulse ? { title: pulse.title, invited, completed } : null,
    measures: { open, overdue, doneSinceLastMeeting: done },
  };
}
