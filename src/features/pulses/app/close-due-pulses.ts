// Scheduler tick: every pulse whose closing time has come is closed (once, even with two instances:
// closeRecord is guarded); its results go to the cluster's channels through the outbox.
//
// Selected through the (status, closesAt) index by the statuses still open, so closed pulses (all of
// history) are never scanned; in bounded batches, each pulse alone (eachJobItem): one that fails is
// reported and the others still close.

import type { AppContext } from "../../../kernel/app/context.ts";
import { eachDueBatch } from "../../../kernel/app/each-due-batch.ts";
import { closeRecord, vacuumResponses } from "./close-pulse.ts";
import { enqueueResults } from "./pulse-announcements.ts";
import type { PulseResults } from "./pulse-results.ts";
import { computeResults } from "./pulse-results.ts";
import { pulseWithQuestions } from "./pulses.ts";

export const CLOSE_DUE_PULSES_JOB = "close-due-pulses";

export type ClosedPulse = { clusterId: string; results: PulseResults };

export async function closeDuePulses(ctx: AppContext, signal?: AbortSignal): Promise<ClosedPulse[]> {
  const now = ctx.clock.now();
  const closed: ClosedPulse[] = [];
  await eachDueBatch(ctx, {
    job: CLOSE_DUE_PULSES_JOB,
    signal,
    select: (take, skip) =>
      ctx.db.pulse.findMany({
        where: {
          status: { in: ["DRAFT", "OPEN"] },
          closesAt: { lte: now },
          ...(skip.length > 0 ? { id: { notIn: skip } } : {}),
        },
        select: { id: true },
        orderBy: [{ closesAt: "asc" }, { id: "asc" }],
        take,
      }),
    describe: (pulse) => ({ pulseId: pulse.id }),
    work: async ({ id }) => {
      const done = await ctx.db.$transaction(async (tx) => {
        const pulse = await tx.pulse.findUniqueOrThrow({ where: { id }, include: pulseWithQuestions });
        if (!(await closeRecord(tx, pulse, null))) return null;
        const results = await computeResults(tx, pulse, now);
        await enqueueResults(ctx, tx, pulse.clusterId, results);
        return { clusterId: pulse.clusterId, results };
      });
      if (!done) return;
      if (done.results.anonymous) await vacuumResponses(ctx);
      closed.push(done);
    },
  });
  return closed;
}
