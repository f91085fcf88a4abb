// The reads the radar, the agenda's section and the chairs' themes share. Each is a bounded number of
// statements whatever the signals ever saved: signals are read newest first through the
// (clusterId, createdAt) index with a limit, their ratings summed in SQL per signal (one statement for
// all of them), and the radar's chart counted in SQL (no signal row leaves the database for it).
import { z } from "zod";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { PestelCategory as Pestel } from "../domain/signal-rules.ts";
import {
  type AgeBoundaries,
  type AgeBucket,
  byStrength,
  type RatingSummary,
  strength,
} from "../domain/strength.ts";

export type RatedSignal = {
  id: string;
  clusterId: string;
  title: string;
  description: string;
  category: Pestel;
  createdAt: Date;
  /** The chat message it was saved from, if any; else the source it names. */
  messageLink: string | null;
  sourceUrl: string | null;
  /** Members' ratings. */
  ratings: number;
  strength: number;
};

/** A signal as the radar and the agenda list it: with its age bucket in the cluster's zone. */
export type RadarSignal = RatedSignal & { age: AgeBucket };

/** The newest signals of these clusters (since `since`, of `category`), at most `limit`, with strength. */
export async function ratedSignals(
  tx: Tx,
  where: { clusterIds: string[]; since?: Date; category?: Pestel | null },
  limit: number,
): Promise<RatedSignal[]> {
  if (where.clusterIds.length === 0) return [];
  const signals = await tx.signal.findMany({
    where: {
      clusterId: where.clusterIds.length === 1 ? where.clusterIds[0]! : { in: where.clusterIds },
      ...(where.since ? { createdAt: { gte: where.since } } : {}),
      ...(where.category ? { category: where.category } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  if (signals.length === 0) return [];
  const summaries = await ratingSummaries(
    tx,
    signals.map((s) => s.id),
  );
  return signals.map((s) => {
    const summary = summaries.get(s.id) ?? { n: 0, mean: null };
    return {
      id: s.id,
      clusterId: s.clusterId,
      title: s.title,
      description: s.description,
      category: s.category,
      createdAt: s.createdAt,
      messageLink: s.messageLink,
      sourceUrl: s.sourceUrl,
      ratings: summary.n,
      strength: strength(s, summary),
    };
  });
}

/** Strongest first, at most `n`. */
export const strongest = (signals: RatedSignal[], n: number) => [...signals].sort(byStrength).slice(0, n);

/** Every listed signal's ratings in one statement, summed in SQL. */
async function ratingSummaries(tx: Tx, signalIds: string[]): Promise<Map<string, RatingSummary>> {
  const rows = await tx.signalRating.groupBy({
    by: ["signalId"],
    where: { signalId: { in: signalIds } },
    _count: { _all: true, plausibility: true, significance: true },
    _sum: { plausibility: true, significance: true },
  });
  return new Map(
    rows.map((r) => {
      const values = r._count.plausibility + r._count.significance;
      const sum = (r._sum.plausibility ?? 0) + (r._sum.significance ?? 0);
      return [r.signalId, { n: r._count._all, mean: values === 0 ? null : sum / values }];
    }),
  );
}

export type RadarCounts = Record<Pestel, Record<AgeBucket, number>>;

const CountRow = z.object({
  category: z.enum(["POLITICAL", "ECONOMIC", "SOCIAL", "TECHNOLOGICAL", "ENVIRONMENTAL", "LEGAL"]),
  thisMonth: z.number().int(),
  months1to3: z.number().int(),
  months3to12: z.number().int(),
  older: z.number().int(),
});

/**
 * A cluster's signals per category and age bucket, counted in SQL in one statement. The bucket
 * boundaries come from the domain (ageBoundaries, in the cluster's zone) as UTC instants.
 */
export async function radarCounts(
  tx: Tx,
  clusterId: string,
  b: AgeBoundaries,
  category: Pestel | null,
): Promise<RadarCounts> {
  const at = (d: Date) => d.toISOString();
  // Timestamps travel as ISO strings cast to timestamp(3) (UTC without a zone, as the columns hold).
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT s."category"::text AS "category",
           count(*) FILTER (WHERE s."createdAt" >= ${at(b.thisMonth)}::timestamp(3))::int AS "thisMonth",
           count(*) FILTER (WHERE s."createdAt" < ${at(b.thisMonth)}::timestamp(3)
                              AND s."createdAt" >= ${at(b.threeMonths)}::timestamp(3))::int AS "months1to3",
           count(*) FILTER (WHERE s."createdAt" < ${at(b.threeMonths)}::timestamp(3)
                              AND s."createdAt" >= ${at(b.twelveMonths)}::timestamp(3))::int AS "months3to12",
           count(*) FILTER (WHERE s."createdAt" < ${at(b.twelveMonths)}::timestamp(3))::int AS "older"
      FROM "Signal" s
     WHERE s."clusterId" = ${clusterId}
       AND (${category}::text IS NULL OR s."category"::text = ${category}::text)
     GROUP BY s."category"`;
  const counts = {} as RadarCounts;
  for (const c of CountRow.shape.category.options)
    counts[c] = { THIS_MONTH: 0, MONTHS_1_3: 0, MONTHS_3_12: 0, OLDER: 0 };
  for (const raw of rows) {
    const r = CountRow.parse(raw);
    counts[r.category] = {
      THIS_MONTH: r.thisMonth,
      MONTHS_1_3: r.months1to3,
      MONTHS_3_12: r.months3to12,
      OLDER: r.older,
    };
  }
  return counts;
}
