// `/cluster signals [category]`: the cluster's radar: its signals counted per PESTEL category and age
// (all of them, counted in SQL) and the strongest of the newest RADAR_CANDIDATES listed.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { PESTEL_CATEGORIES, type PestelCategory as Pestel } from "../domain/signal-rules.ts";
import { ageBoundaries, ageBucket } from "../domain/strength.ts";
import { type RadarCounts, type RadarSignal, radarCounts, ratedSignals, strongest } from "./signal-reads.ts";

/** Signals listed, strongest first. */
export const RADAR_LISTED = 15;
/**
 * The newest signals the list picks the strongest from: the list reads a bounded number of rows
 * however many a cluster saved over the years (the chart still counts every one).
 */
export const RADAR_CANDIDATES = 300;

export const SignalRadarInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  category: z.enum(PESTEL_CATEGORIES).nullish(),
});

export type SignalRadar = {
  cluster: { name: string; timeZone: string };
  category: Pestel | null;
  counts: RadarCounts;
  total: number;
  /** The newest signals the list was picked from (all of them when total ≤ RADAR_CANDIDATES). */
  considered: number;
  signals: RadarSignal[];
};

export const signalRadar = clusterUseCase(
  { name: "signalRadar", input: SignalRadarInput, capability: "cluster.view", readOnly: true },
  async ({ ctx, tx, input, cluster }): Promise<Result<SignalRadar>> => {
    const category = input.category ?? null;
    const boundaries = ageBoundaries(ctx.clock.now(), cluster.timeZone);
    const counts = await radarCounts(tx, cluster.id, boundaries, category);
    const total = Object.values(counts).reduce(
      (sum, byAge) => sum + Object.values(byAge).reduce((a, b) => a + b, 0),
      0,
    );
    const candidates =
      total === 0 ? [] : await ratedSignals(tx, { clusterIds: [cluster.id], category }, RADAR_CANDIDATES);
    return ok({
      cluster: { name: cluster.name, timeZone: cluster.timeZone },
      category,
      counts,
      total,
      considered: candidates.length,
      signals: strongest(candidates, RADAR_LISTED).map((s) => ({
        ...s,
        age: ageBucket(s.createdAt, boundaries),
      })),
    });
  },
);
