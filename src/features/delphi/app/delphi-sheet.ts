// A member's Delphi sheet: the statements of the current round, what they answered (opened from
// their seal), the group so far on what they answered, and in later rounds the previous round's
// distribution, figures and reasons. The invitation carries the same shape with nothing personal
// in it (it waits in the outbox, a row addressed to the member).
import type { Cluster, Delphi, DelphiStatement } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { PoolReason } from "../domain/pool.ts";
import { type Rating, type ScaleKey, type Scales, scalesOf, scaleValues } from "../domain/scales.ts";
import { distribution, figures, type GroupFigures, sideOf, valuesOf, yearBuckets } from "../domain/stats.ts";
import { type Pool, poolsOf } from "./delphi-pool.ts";
import { type OwnAnswers, ownRating, readOwn, sealKeyOf } from "./delphi-seal.ts";

export type ScaleFigures = Partial<Record<ScaleKey, GroupFigures | null>>;
/** Counts per value (years per five-year bucket), in the scale's order; `label` is language-free. */
export type ScaleCounts = Partial<Record<ScaleKey, { label: string; count: number }[]>>;

/** At most this many reasons per statement on a sheet, each clipped: a statement and its round must fit one Slack section (3000 characters). */
export const SHEET_REASONS = 5;
export const SHEET_REASON_LENGTH = 160;

export type PreviousRound = {
  round: number;
  answers: number;
  figures: ScaleFigures;
  counts: ScaleCounts;
  reasons: PoolReason[];
};

export type SheetStatement = {
  id: string;
  position: number;
  text: string;
  answered: boolean;
  own: Rating | null;
  ownPrevious: Rating | null;
  /** The group so far in this round: only once the member answered (they rate on their own first). */
  group: ScaleFigures | null;
  /** Outside the middle range on some scale and not explained yet: where. */
  explainSide: "below" | "above" | null;
  previous: PreviousRound | null;
};

export type DelphiSheet = {
  delphiId: string;
  title: string;
  clusterName: string;
  timeZone: string;
  round: number;
  open: boolean;
  closesAt: Date | null;
  scales: Scales;
  yearFrom: number;
  statements: SheetStatement[];
};

export type DelphiWithStatements = Delphi & { statements: DelphiStatement[] };

export const withStatements = { statements: { orderBy: { position: "asc" } } } as const;

export function figuresOf(scales: Scales, ratings: readonly Rating[]): ScaleFigures {
  return Object.fromEntries(scales.map((s) => [s.key, figures(valuesOf(ratings, s.key), s)]));
}

export function countsOf(scales: Scales, ratings: readonly Rating[], yearFrom: number): ScaleCounts {
  return Object.fromEntries(
    scales.map((s) => {
      const values = valuesOf(ratings, s.key);
      if (s.kind === "year")
        return [
          s.key,
          yearBuckets(values).map((b) => ({ label: `${b.start}–${b.start + 4}`, count: b.count })),
        ];
      const categories = scaleValues(s, yearFrom);
      const counts = distribution(values, categories).map((count, i) => ({
        label: String(categories[i]),
        count,
      }));
      // 0–100 % has eleven steps: only the ones somebody chose.
      return [s.key, s.kind === "percent" ? counts.filter((c) => c.count > 0) : counts];
    }),
  );
}

/** Outside the middle range on any scale: the first such side (null below MIN_GROUP or inside). */
export function outlierSide(scales: Scales, group: ScaleFigures, rating: Rating): "below" | "above" | null {
  for (const s of scales) {
    const g = group[s.key];
    const v = rating[s.key];
    if (!g || v === undefined) continue;
    const side = sideOf(v, g);
    if (side !== "inside") return side;
  }
  return null;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function previousOf(
  scales: Scales,
  round: number,
  pool: Pool | undefined,
  yearFrom: number,
): PreviousRound | null {
  if (!pool) return null;
  return {
    round,
    answers: pool.ratings.length,
    figures: figuresOf(scales, pool.ratings),
    counts: countsOf(scales, pool.ratings, yearFrom),
    // Already in random order in the pool.
    reasons: pool.reasons
      .slice(0, SHEET_REASONS)
      .map((r) => ({ ...r, text: clip(r.text, SHEET_REASON_LENGTH) })),
  };
}

/**
 * The sheet of `member` (null: the invitation, nothing personal). `own`: the member's opened seal, if
 * the caller has it already.
 */
export async function buildSheet(
  ctx: AppContext,
  tx: Tx,
  delphi: DelphiWithStatements,
  cluster: Pick<Cluster, "name" | "timeZone">,
  member: { personId: string; own?: OwnAnswers } | null,
): Promise<DelphiSheet> {
  const scales = scalesOf(delphi.scales);
  const yearFrom = delphi.createdAt.getUTCFullYear();
  const ids = delphi.statements.map((s) => s.id);
  const round = delphi.round;
  const current = await poolsOf(tx, ids, round);
  const previous = round > 1 ? await poolsOf(tx, ids, round - 1) : null;
  const answeredIds = member
    ? new Set(
        (
          await tx.delphiAnswered.findMany({
            where: { delphiId: delphi.id, round, personId: member.personId },
            select: { statementId: true },
          })
        ).map((a) => a.statementId),
      )
    : new Set<string>();
  const own = member ? (member.own ?? (await readOwn(tx, sealKeyOf(ctx, member.personId, delphi.id)))) : null;
  const statements = delphi.statements.map((s): SheetStatement => {
    const answered = answeredIds.has(s.id);
    const mine = own ? ownRating(own, round, s.id) : null;
    const group = answered ? figuresOf(scales, current.get(s.id)?.ratings ?? []) : null;
    const explained = own?.explained.includes(`${round}:${s.id}`) ?? false;
    return {
      id: s.id,
      position: s.position,
      text: s.text,
      answered,
      own: mine,
      ownPrevious: own && round > 1 ? ownRating(own, round - 1, s.id) : null,
      group,
      explainSide: group && mine && !explained ? outlierSide(scales, group, mine) : null,
      previous: previous ? previousOf(scales, round - 1, previous.get(s.id), yearFrom) : null,
    };
  });
  return {
    delphiId: delphi.id,
    title: delphi.title,
    clusterName: cluster.name,
    timeZone: cluster.timeZone,
    round,
    open: delphi.status === "OPEN" && (!delphi.roundClosesAt || delphi.roundClosesAt > ctx.clock.now()),
    closesAt: delphi.roundClosesAt,
    scales,
    yearFrom,
    statements,
  };
}
