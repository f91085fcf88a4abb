// The results of a Delphi, per statement, per scale, per round: the group figures (stats.ts), the
// distribution a chart draws, how the range moved since the round before, and which statements keep
// a real disagreement. Pure: the ratings come from the statements' pools (pool.ts), closed rounds only.
import type { Rating, Scale, Scales } from "./scales.ts";
import { PERCENT_STEP } from "./scales.ts";
import { figures, type GroupFigures, iqrChange, persistentDisagreement, valuesOf } from "./stats.ts";

/** The most bar groups a chart holds (Slack draws at most 20 points a series). */
export const MAX_DISTRIBUTION_CATEGORIES = 20;
export const YEAR_BUCKET = 5;

/** Bar groups of one scale: a value each (1–5, 0–100 %), or the first year of a bucket `width` years wide. */
export type Categories = { values: number[]; width: number };

export type RoundFigures = {
  round: number;
  /** Answers given on this scale (also when too few to show). */
  answers: number;
  /** Null below MIN_GROUP answers: no figure, no distribution. */
  figures: GroupFigures | null;
  /** Counts per category; null when the figures are hidden (two answers would show each other's). */
  counts: number[] | null;
  /** The range's change since the round before (negative: narrowing); null in round 1 or unknown. */
  iqrChange: number | null;
};

export type ScaleSummary = {
  scale: Scale;
  categories: Categories;
  rounds: RoundFigures[];
  persistentDisagreement: boolean;
};

export type StatementSummary = {
  statementId: string;
  position: number;
  text: string;
  agendaItemId: string | null;
  scales: ScaleSummary[];
  /** Every scale's last round shows consensus; null when a scale has too few answers to tell. */
  consensus: boolean | null;
  /** A scale still without consensus after two rounds or more: the meeting is where it is argued. */
  persistentDisagreement: boolean;
};

export type StatementInput = {
  statementId: string;
  position: number;
  text: string;
  agendaItemId: string | null;
  /** The pools of the rounds summarised, by round number (a round without a pool had no answers). */
  ratings: ReadonlyMap<number, readonly Rating[]>;
};

export type DelphiSummary = {
  /** The rounds summarised (closed ones), ascending. */
  rounds: number[];
  statements: StatementSummary[];
  /** Statements whose last round reached consensus on every scale. */
  consensusCount: number;
  disagreements: StatementSummary[];
};

/** The chart's categories for one scale, covering every value any round gave. */
export function categoriesOf(scale: Scale, values: readonly number[]): Categories {
  switch (scale.kind) {
    case "likert5":
      return { values: [1, 2, 3, 4, 5], width: 1 };
    case "percent":
      return {
        values: Array.from({ length: 100 / PERCENT_STEP + 1 }, (_, i) => i * PERCENT_STEP),
        width: PERCENT_STEP,
      };
    case "year": {
      if (values.length === 0) return { values: [], width: YEAR_BUCKET };
      const min = Math.min(...values);
      const max = Math.max(...values);
      // Five-year buckets; wider ones (10, 15, …) when the answers spread over more than the chart holds.
      let width = YEAR_BUCKET;
      const bucketsAt = (w: number) => Math.floor(max / w) - Math.floor(min / w) + 1;
      while (bucketsAt(width) > MAX_DISTRIBUTION_CATEGORIES) width += YEAR_BUCKET;
      const first = min - (((min % width) + width) % width);
      const out: number[] = [];
      for (let start = first; start <= max; start += width) out.push(start);
      return { values: out, width };
    }
  }
}

/** Counts per category: a value falls in the category it equals (or the year bucket it starts). */
export function countsIn(values: readonly number[], categories: Categories): number[] {
  const counts = categories.values.map(() => 0);
  for (const v of values) {
    const i = categories.values.findIndex((start) => v >= start && v < start + categories.width);
    if (i >= 0) counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

export function summarizeScale(
  scale: Scale,
  rounds: readonly number[],
  ratings: ReadonlyMap<number, readonly Rating[]>,
): ScaleSummary {
  const valuesByRound = rounds.map((round) => valuesOf(ratings.get(round) ?? [], scale.key));
  // The categories cover only rounds whose figures are shown: a hidden round's lone answer would
  // otherwise show up as a bucket of its own.
  const shown = valuesByRound.filter((v) => figures(v, scale) !== null).flat();
  const categories = categoriesOf(scale, shown);
  const out: RoundFigures[] = [];
  rounds.forEach((round, i) => {
    const values = valuesByRound[i] as number[];
    const group = figures(values, scale);
    const before = i > 0 ? (out[i - 1] as RoundFigures).figures : null;
    out.push({
      round,
      answers: values.length,
      figures: group,
      counts: group ? countsIn(values, categories) : null,
      iqrChange: i > 0 ? iqrChange(before, group) : null,
    });
  });
  return {
    scale,
    categories,
    rounds: out,
    persistentDisagreement: persistentDisagreement(out.map((r) => r.figures)),
  };
}

export function summarizeStatement(
  scales: Scales,
  rounds: readonly number[],
  statement: StatementInput,
): StatementSummary {
  const summaries = scales.map((scale) => summarizeScale(scale, rounds, statement.ratings));
  const last = summaries.map((s) => s.rounds.at(-1)?.figures ?? null);
  return {
    statementId: statement.statementId,
    position: statement.position,
    text: statement.text,
    agendaItemId: statement.agendaItemId,
    scales: summaries,
    consensus: last.some((f) => f === null) ? null : last.every((f) => (f as GroupFigures).consensus),
    persistentDisagreement: summaries.some((s) => s.persistentDisagreement),
  };
}

export function summarizeDelphi(
  scales: Scales,
  rounds: readonly number[],
  statements: readonly StatementInput[],
): DelphiSummary {
  const ordered = [...rounds].sort((a, b) => a - b);
  const summaries = [...statements]
    .sort((a, b) => a.position - b.position)
    .map((s) => summarizeStatement(scales, ordered, s));
  return {
    rounds: ordered,
    statements: summaries,
    consensusCount: summaries.filter((s) => s.consensus === true).length,
    disagreements: summaries.filter((s) => s.persistentDisagreement),
  };
}
