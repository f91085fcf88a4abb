// Scheduler tick: every pulse whose closing time has come is closed (once, even with two instances:
// closeRecord is guarded); its results go to the cluster's channels through the outbox.

import type { AppContext } from "../../../kernel/app/context.ts";
import { closeRecord, vacuumResponses } from "./close-pulse.ts";
import { enqueueResults } from "./pulse-announcements.ts";
import type { PulseResults } from "./pulse-results.ts";
import { computeResults } from "./pulse-results.ts";
import { pulseWithQuestions } from "./pulses.ts";

export type ClosedPulse = { clusterId: string; results: PulseResults };

export async function closeDuePulses(ctx: AppContext): Promise<ClosedPulse[]> {
  const now = ctx.clock.now();
  const due = await ctx.db.pulse.findMany({
    where: { status: { not: "CLOSED" }, closesAt: { lte: now } },
    select: { id: true },
    orderBy: { closesAt: "asc" },
  });
  const closed: ClosedPulse[] = [];
  for (const { id } of due) {
    const done = await ctx.db.$transaction(async (tx) => {
      const pulse = await tx.pulse.findUniqueOrThrow({ where: { id }, include: pulseWithQuestions });
      if (!(await closeRecord(tx, pulse, null))) return null;
      const results = await computeResults(tx, pulse, now);
      await enqueueResults(ctx, tx, pulse.clusterId, results);
      return { clusterId: pulse.clusterId, results };
    });
    if (!done) continue;
    if (done.results.anonymous) await vacuumResponses(ctx);
    closed.push(done);
  }
  return closed;
}
