// How strong a weak signal is, and how old: the radar's and the agenda's order and the chart's series.
//
// Strength (1–5, higher first):
//   saver  = (significance + timeliness) / 2             the saver's own rating, 1–5 each
//   member = the mean of every plausibility and significance value the members gave (1–5 each)
//   strength = (PRIOR_WEIGHT · saver + n · member) / (PRIOR_WEIGHT + n)
// where n is the number of members' ratings with at least one value. With no ratings the strength is
// the saver's own view; each rating pulls it toward the members' mean, and once several have rated the
// group outweighs the saver (PRIOR_WEIGHT = 2: the saver counts as two raters). This is the usual
// Bayesian-average shrinkage, so one enthusiastic 5 does not put a signal at the top alone.
//
// Age (by createdAt, in calendar months of the cluster's zone):
//   THIS_MONTH    saved since the 1st of this month
//   MONTHS_1_3    in the three calendar months before it
//   MONTHS_3_12   in the nine calendar months before those (up to a year back)
//   OLDER         before that
import { utcToZoned, zonedToUtc } from "../../../kernel/domain/zoned-time.ts";

export const PRIOR_WEIGHT = 2;

export type RatingSummary = {
  /** Members' ratings that hold at least one value. */
  n: number;
  /** The mean of all plausibility and significance values given; null when none. */
  mean: number | null;
};

export function strength(
  saver: { significance: number; timeliness: number },
  ratings: RatingSummary,
): number {
  const own = (saver.significance + saver.timeliness) / 2;
  if (ratings.n <= 0 || ratings.mean === null) return own;
  return (PRIOR_WEIGHT * own + ratings.n * ratings.mean) / (PRIOR_WEIGHT + ratings.n);
}

export const AGE_BUCKETS = ["THIS_MONTH", "MONTHS_1_3", "MONTHS_3_12", "OLDER"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The instants the buckets start at: the 1st of this month, 3 and 12 months before, 00:00 local. */
export type AgeBoundaries = { thisMonth: Date; threeMonths: Date; twelveMonths: Date };

/** "2027-05-17" and 3 → "2027-02-01": the first day of the month `months` before. */
export function monthStart(localDate: string, monthsBack: number): string {
  const year = Number(localDate.slice(0, 4));
  const month = Number(localDate.slice(5, 7)) - 1 - monthsBack;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-01`;
}

export function ageBoundaries(now: Date, timeZone: string): AgeBoundaries {
  const today = utcToZoned(now, timeZone).date;
  const at = (back: number) => zonedToUtc(monthStart(today, back), "00:00", timeZone);
  return { thisMonth: at(0), threeMonths: at(3), twelveMonths: at(12) };
}

export function ageBucket(createdAt: Date, b: AgeBoundaries): AgeBucket {
  const t = createdAt.getTime();
  if (t >= b.thisMonth.getTime()) return "THIS_MONTH";
  if (t >= b.threeMonths.getTime()) return "MONTHS_1_3";
  if (t >= b.twelveMonths.getTime()) return "MONTHS_3_12";
  return "OLDER";
}

/**
 * The same local day `months` calendar months earlier, at 00:00 in the zone (31 August − 6 months →
 * 28/29 February): where "the last 6 months" start for the agenda and the chairs' themes.
 */
export function monthsBefore(now: Date, months: number, timeZone: string): Date {
  const today = utcToZoned(now, timeZone).date;
  const first = monthStart(today, months);
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = Math.min(Number(today.slice(8, 10)), lastDay);
  return zonedToUtc(`${first.slice(0, 8)}${String(day).padStart(2, "0")}`, "00:00", timeZone);
}

/** Strongest first; equal strength: more ratings, then newer, then id (a stable order). */
export function byStrength<S extends { strength: number; ratings: number; createdAt: Date; id: string }>(
  a: S,
  b: S,
): number {
  return (
    b.strength - a.strength ||
    b.ratings - a.ratings ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
