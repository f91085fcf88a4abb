// Scheduler tick: every pulse whose closing time has come is closed (once, even with two instances:
// closeRecord is guarded) and its results returned for the job to post in the cluster's channels.

import { closeRecord, vacuumResponses } from "./close-pulse.ts";
import type { PulseResults } from "./pulse-results.ts";
import { computeResults } from "./pulse-results.ts";
import type { AppContext } from "./shared/context.ts";
import { pulseWithQuestions } from "./shared/pulses.ts";

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
      return { clusterId: pulse.clusterId, results: await computeResults(tx, pulse, now) };
    });
    if (!done) continue;
    if (done.results.anonymous) await vacuumResponses(ctx);
    closed.push(done);
  }
  return closed;
}
