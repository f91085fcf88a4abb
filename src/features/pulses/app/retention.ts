// Retention of raw pulse answers (daily job): for each cluster, the raw PulseResponse/PulseAnswer rows
// of closed pulses older than the cluster's `retention.keepPulseCycles` latest closed pulses are
// deleted, after their aggregates (the summary per question and the response rate, exactly what
// results show) are stored on the pulse (Pulse.summary). Results, the change since the previous
// cycle and the summary CSV then read the stored aggregates (pulse-results.ts summarize); the
// answers CSV of such a pulse is empty. Participation rows (who was invited, for the response rate)
// are kept. Oldest first, so a pulse's comparison with its predecessor is computed before the
// predecessor's raw answers go (the predecessor's stored summary serves it anyway).

import type { Prisma } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import type { PulseResults } from "./pulse-results.ts";
import { computeResults, type StoredPulseSummary } from "./pulse-results.ts";
import { pulseWithQuestions } from "./pulses.ts";

export type RetentionRun = { pulses: number; responses: number };

export async function applyRetention(ctx: AppContext): Promise<RetentionRun> {
  const now = ctx.clock.now();
  const run: RetentionRun = { pulses: 0, responses: 0 };
  // Two statements however long the history: the closed pulses that still hold raw answers (the
  // latest few per cluster; retention summarises the older ones, oldest first, so no summarised pulse
  // is newer than a raw one and ranking among the raw ones ranks among all), and their clusters.
  const ranked = await ctx.db.$queryRaw<{ id: string; clusterId: string; raw: boolean; rank: number }[]>`
    SELECT "id", "clusterId", true AS "raw",
           (row_number() OVER (PARTITION BY "clusterId" ORDER BY "closesAt" DESC, "createdAt" DESC))::int AS "rank"
      FROM "Pulse"
     WHERE "status" = 'CLOSED' AND "summary" IS NULL`;
  const candidates = ranked.filter((p) => p.raw);
  if (candidates.length === 0) return run;
  const clusters = await ctx.db.cluster.findMany({
    where: { archivedAt: null, id: { in: [...new Set(candidates.map((p) => p.clusterId))] } },
  });
  for (const cluster of clusters) {
    const keep = clusterSettings(cluster.settings).retention.keepPulseCycles;
    // Oldest first: a pulse's comparison with its predecessor is computed before the predecessor goes.
    const expired = candidates
      .filter((p) => p.clusterId === cluster.id && p.rank > keep)
      .sort((a, b) => b.rank - a.rank);
    for (const { id } of expired) {
      const deleted = await ctx.db.$transaction(async (tx) => {
        const pulse = await tx.pulse.findUniqueOrThrow({ where: { id }, include: pulseWithQuestions });
        if (pulse.summary !== null) return 0;
        const results: PulseResults = await computeResults(tx, pulse, now);
        const stored: StoredPulseSummary = { version: 1, summary: results.summary, rate: results.rate };
        await tx.pulse.update({
          where: { id },
          data: { summary: stored as unknown as Prisma.InputJsonValue },
        });
        // Answers go with their responses (ON DELETE CASCADE).
        const { count } = await tx.pulseResponse.deleteMany({ where: { pulseId: id } });
        await audit(tx, {
          clusterId: cluster.id,
          actorId: null,
          action: "pulse.retention",
          subjectType: "pulse",
          subjectId: id,
          details: { responses: count, keepPulseCycles: keep },
        });
        return count;
      });
      run.pulses += 1;
      run.responses += deleted;
    }
  }
  return run;
}
