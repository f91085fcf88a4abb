// Group figures of a Delphi: median, quartiles, interquartile range, consensus, and which answers lie
// outside the middle range. Pure: the values come from a statement's rating pool.

import type { Rating } from "./scales.ts";
import { consensusIqr, MIN_GROUP, type Scale, type ScaleKey } from "./scales.ts";

export type GroupFigures = {
  n: number;
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  consensus: boolean;
};

/**
 * The p-quantile by linear interpolation between the order statistics (Hyndman & Fan type 7, the
 * default of R and spreadsheets), so the figures match what a coordinator gets from the CSV.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of nothing");
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return round2(a + (h - lo) * (b - a));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Null below MIN_GROUP answers: a figure on two answers tells each of them the other's. */
export function figures(values: readonly number[], scale: Scale): GroupFigures | null {
  if (values.length < MIN_GROUP) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = round2(q3 - q1);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    q1,
    q3,
    iqr,
    consensus: iqr <= consensusIqr(scale),
  };
}

/** The values of one scale across a pool's ratings (a rating may lack a scale added later: skipped). */
export function valuesOf(ratings: readonly Rating[], key: ScaleKey): number[] {
  const out: number[] = [];
  for (const r of ratings) {
    const v = r[key];
    if (typeof v === "number") out.push(v);
  }
  return out;
}

/** Where an answer lies against the middle range: outside it, the member is asked why. */
export function sideOf(value: number, group: GroupFigures): "below" | "inside" | "above" {
  if (value < group.q1) return "below";
  if (value > group.q3) return "above";
  return "inside";
}

/**
 * Persistent disagreement: after at least two rounds, the last round still has no consensus and its
 * range did not narrow to consensus. These become agenda proposals: the meeting is where it is argued.
 */
export function persistentDisagreement(rounds: readonly (GroupFigures | null)[]): boolean {
  const known = rounds.filter((r): r is GroupFigures => r !== null);
  if (rounds.length < 2 || known.length < 2) return false;
  return !(known[known.length - 1] as GroupFigures).consensus;
}

/** How the range moved from one round to the next: negative is narrowing (converging). */
export function iqrChange(before: GroupFigures | null, after: GroupFigures | null): number | null {
  if (!before || !after) return null;
  return round2(after.iqr - before.iqr);
}

/** Counts per value, in the scale's order; years are grouped in five-year buckets for charts. */
export function distribution(values: readonly number[], categories: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return categories.map((c) => counts.get(c) ?? 0);
}

/** Five-year buckets covering the values (the year scale's chart categories), e.g. 2025, 2030, … */
export function yearBuckets(values: readonly number[]): { start: number; count: number }[] {
  if (values.length === 0) return [];
  const starts = values.map((v) => v - (v % 5));
  const min = Math.min(...starts);
  const max = Math.max(...starts);
  const out: { start: number; count: number }[] = [];
  for (let s = min; s <= max; s += 5) out.push({ start: s, count: starts.filter((x) => x === s).length });
  return out;
}
