// What a signal is made of and how its card adds up the members' ratings: pure rules, no I/O.

export const PESTEL_CATEGORIES = [
  "POLITICAL",
  "ECONOMIC",
  "SOCIAL",
  "TECHNOLOGICAL",
  "ENVIRONMENTAL",
  "LEGAL",
] as const;
export type PestelCategory = (typeof PESTEL_CATEGORIES)[number];

export const SIGNAL_TITLE_MAX = 100;
export const SIGNAL_SEEN_MAX = 1000;
export const SIGNAL_URL_MAX = 500;
/** Every rating on a signal (the saver's own and the members') is on this 1–5 scale. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

/** The two things members rate on a signal's card. */
export const RATING_CRITERIA = ["plausibility", "significance"] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

/** A link a member may leave: http(s) only, so nothing else (javascript:, file:) becomes clickable. */
export function isWebLink(value: string): boolean {
  if (value.length > SIGNAL_URL_MAX || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export type RatingRow = { plausibility: number | null; significance: number | null };
export type CriterionTally = { n: number; mean: number | null };
export type SignalTally = Record<RatingCriterion, CriterionTally>;

/** n and mean per criterion, over the ratings that gave that criterion a value. */
export function tallyRatings(rows: readonly RatingRow[]): SignalTally {
  const of = (criterion: RatingCriterion): CriterionTally => {
    const values = rows.map((r) => r[criterion]).filter((v): v is number => v !== null);
    return {
      n: values.length,
      mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    };
  };
  return { plausibility: of("plausibility"), significance: of("significance") };
}
