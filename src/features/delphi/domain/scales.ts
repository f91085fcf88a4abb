// The scales a Delphi statement is rated on. The organiser picks which (probability, desirability,
// impact, the year it happens) and, for the first three, the unit: 1–5 or 0–100 %. Every statement
// of a Delphi is rated on the same scales, so rounds and statements compare.
import { z } from "zod";

export const SCALE_KEYS = ["probability", "desirability", "impact", "year"] as const;
export type ScaleKey = (typeof SCALE_KEYS)[number];

/** likert5: 1..5; percent: 0..100 in steps of 10; year: a calendar year. */
export const SCALE_KINDS = ["likert5", "percent", "year"] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const PERCENT_STEP = 10;

export const scaleSchema = z
  .object({ key: z.enum(SCALE_KEYS), kind: z.enum(SCALE_KINDS) })
  .refine((s) => (s.key === "year") === (s.kind === "year"), "the year scale and only it counts years");
export type Scale = z.infer<typeof scaleSchema>;

export const scalesSchema = z
  .array(scaleSchema)
  .min(1)
  .max(SCALE_KEYS.length)
  .refine((list) => new Set(list.map((s) => s.key)).size === list.length, "each scale once");
export type Scales = z.infer<typeof scalesSchema>;

export const STATEMENTS_MIN = 3;
export const STATEMENTS_MAX = 20;
export const STATEMENT_MAX_LENGTH = 300;
export const REASON_MAX_LENGTH = 500;
/** No group figure is shown on fewer answers than this: with two, each sees the other's answer. */
export const MIN_GROUP = 3;

/** Reads stored scales; a row that fails the check is a bug, not input. */
export function scalesOf(stored: unknown): Scales {
  return scalesSchema.parse(stored);
}

/** The values a scale offers, in order (the answer buttons; the chart's categories). */
export function scaleValues(scale: Scale, yearFrom: number): number[] {
  switch (scale.kind) {
    case "likert5":
      return [1, 2, 3, 4, 5];
    case "percent":
      return Array.from({ length: 100 / PERCENT_STEP + 1 }, (_, i) => i * PERCENT_STEP);
    case "year": {
      // Years are offered from the Delphi's own year onwards; the chart buckets them (see stats.ts).
      const from = Math.max(YEAR_MIN, yearFrom);
      return Array.from({ length: Math.min(YEAR_MAX, from + 30) - from + 1 }, (_, i) => from + i);
    }
  }
}

/** Whether a value is one the scale accepts (answers arrive from buttons a caller can forge). */
export function isValidValue(scale: Scale, value: unknown): value is number {
  if (typeof value !== "number" || !Number.isInteger(value)) return false;
  switch (scale.kind) {
    case "likert5":
      return value >= 1 && value <= 5;
    case "percent":
      return value >= 0 && value <= 100 && value % PERCENT_STEP === 0;
    case "year":
      return value >= YEAR_MIN && value <= YEAR_MAX;
  }
}

/**
 * The interquartile range at or under which the group agrees: one step on 1–5 (the threshold most
 * Delphi studies use), 20 points on 0–100 %, five years.
 */
export function consensusIqr(scale: Scale): number {
  switch (scale.kind) {
    case "likert5":
      return 1;
    case "percent":
      return 20;
    case "year":
      return 5;
  }
}

/** One member's rating of one statement in one round: a value per scale key the Delphi uses. */
export type Rating = Partial<Record<ScaleKey, number>>;

// partialRecord: a Delphi rates on some of the scales; z.record over an enum would demand all four.
export const ratingSchema = z
  .partialRecord(z.enum(SCALE_KEYS), z.number().int())
  .transform((r) => r as Rating);

/** Checks a whole rating against the Delphi's scales: every scale answered, each value valid. */
export function validRating(scales: Scales, rating: Rating): boolean {
  const keys = Object.keys(rating);
  if (keys.length !== scales.length) return false;
  return scales.every((scale) => isValidValue(scale, rating[scale.key]));
}
