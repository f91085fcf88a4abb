// The pure rules of Delphi rounds: type-7 quantiles on known data, no figure below three answers,
// consensus, which side of the middle range an answer lies, the scales' values (forged ones refused),
// the stored rating shape, the sheet's counts and outlier side, and the member's sealed own answers.
import { describe, expect, it } from "vitest";
import { ratingFrom } from "../../../src/features/delphi/app/answer-delphi.ts";
import { emptyOwn, seal, sealKeyOf, unseal } from "../../../src/features/delphi/app/delphi-seal.ts";
import { countsOf, figuresOf, outlierSide } from "../../../src/features/delphi/app/delphi-sheet.ts";
import { poolRatingsSchema } from "../../../src/features/delphi/domain/pool.ts";
import {
  isValidValue,
  ratingSchema,
  type Scale,
  type Scales,
  scaleValues,
  validRating,
} from "../../../src/features/delphi/domain/scales.ts";
import {
  distribution,
  figures,
  iqrChange,
  persistentDisagreement,
  quantile,
  sideOf,
  yearBuckets,
} from "../../../src/features/delphi/domain/stats.ts";

const likert: Scale = { key: "probability", kind: "likert5" };
const percent: Scale = { key: "impact", kind: "percent" };
const year: Scale = { key: "year", kind: "year" };

describe("quantiles and group figures", () => {
  it("interpolates between order statistics as R's type 7 does", () => {
    const sorted = [1, 2, 4, 4];
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.5)).toBe(3);
    expect(quantile(sorted, 0.75)).toBe(4);
    // R: quantile(c(2, 3, 3, 5, 8, 13), type = 7) → 3.00 4.00 7.25
    expect([0.25, 0.5, 0.75].map((p) => quantile([2, 3, 3, 5, 8, 13], p))).toEqual([3, 4, 7.25]);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });

  it("shows no figure below three answers, whatever they are", () => {
    expect(figures([], likert)).toBeNull();
    expect(figures([3], likert)).toBeNull();
    expect(figures([1, 5], likert)).toBeNull();
    expect(figures([2, 4, 4], likert)).toEqual({ n: 3, median: 4, q1: 3, q3: 4, iqr: 1, consensus: true });
  });

  it("calls consensus by the scale's own threshold", () => {
    expect(figures([1, 2, 4, 4], likert)?.consensus).toBe(false); // IQR 2.25 > 1
    expect(figures([40, 50, 50, 60], percent)?.consensus).toBe(true); // IQR 10 ≤ 20
    expect(figures([2030, 2032, 2045, 2050], year)?.consensus).toBe(false); // IQR 14.25 > 5
  });

  it("places an answer below, inside or above the middle range", () => {
    const group = figures([1, 2, 4, 4], likert)!;
    expect(sideOf(1, group)).toBe("below");
    expect(sideOf(2, group)).toBe("inside");
    expect(sideOf(4, group)).toBe("inside");
    expect(sideOf(5, figures([1, 2, 3, 3], likert)!)).toBe("above");
  });

  it("measures convergence and persistent disagreement between rounds", () => {
    const r1 = figures([1, 2, 4, 4], likert);
    const r2 = figures([3, 4, 4], likert);
    expect(iqrChange(r1, r2)).toBe(-1.75);
    expect(iqrChange(null, r2)).toBeNull();
    expect(persistentDisagreement([r1, r2])).toBe(false);
    expect(persistentDisagreement([r1, figures([1, 1, 5, 5], likert)])).toBe(true);
    expect(persistentDisagreement([r1])).toBe(false);
  });

  it("counts values per category and years per five-year bucket", () => {
    expect(distribution([1, 2, 4, 4], [1, 2, 3, 4, 5])).toEqual([1, 1, 0, 2, 0]);
    expect(yearBuckets([2031, 2034, 2041])).toEqual([
      { start: 2030, count: 2 },
      { start: 2035, count: 0 },
      { start: 2040, count: 1 },
    ]);
  });
});

describe("scales and ratings", () => {
  const scales: Scales = [likert, year];

  it("offers each scale's values and refuses anything else (values arrive from buttons a caller can forge)", () => {
    expect(scaleValues(likert, 2026)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues(percent, 2026)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(scaleValues(year, 2026)[0]).toBe(2026);
    expect(scaleValues(year, 2026).at(-1)).toBe(2056);
    for (const forged of [0, 6, 2.5, "3", null]) expect(isValidValue(likert, forged)).toBe(false);
    expect(isValidValue(percent, 35)).toBe(false);
    expect(isValidValue(year, 1999)).toBe(false);
    expect(validRating(scales, { probability: 3, year: 2031 })).toBe(true);
    expect(validRating(scales, { probability: 3 })).toBe(false);
    expect(validRating(scales, { probability: 3, year: 2031, impact: 2 })).toBe(false);
  });

  it("reads form values into a rating, refusing forged and missing ones by scale", () => {
    expect(ratingFrom(scales, { probability: "4", year: " 2031 " })).toEqual({
      ok: true,
      value: { probability: 4, year: 2031 },
    });
    expect(ratingFrom(scales, { probability: "7", year: "2031" })).toMatchObject({
      ok: false,
      reason: "DELPHI_BAD_RATING",
      details: { scale: "probability" },
    });
    expect(ratingFrom(scales, { probability: "3", year: "20x1" })).toMatchObject({
      details: { scale: "year" },
    });
    expect(ratingFrom(scales, { probability: "3" })).toMatchObject({ details: { scale: "year" } });
    expect(ratingFrom(scales, { probability: "1e1", year: "2031" })).toMatchObject({ ok: false });
  });

  it("stores ratings of a Delphi that uses some of the scales only", () => {
    // A z.record over the scale keys demands all four: a pool of two-scale ratings would not parse.
    expect(ratingSchema.parse({ probability: 3, year: 2031 })).toEqual({ probability: 3, year: 2031 });
    expect(poolRatingsSchema.parse([{ probability: 3 }, { year: 2040 }])).toHaveLength(2);
    expect(() => ratingSchema.parse({ colour: 3 })).toThrow();
  });

  it("draws the sheet's counts and figures, and finds the outlier's side", () => {
    const ratings = [
      { probability: 2, year: 2030 },
      { probability: 4, year: 2035 },
      { probability: 4, year: 2035 },
      { probability: 1, year: 2031 },
    ];
    expect(countsOf(scales, ratings, 2026)).toEqual({
      probability: [1, 2, 3, 4, 5].map((v) => ({ label: String(v), count: [1, 1, 0, 2, 0][v - 1] })),
      year: [
        { label: "2030–2034", count: 2 },
        { label: "2035–2039", count: 2 },
      ],
    });
    expect(countsOf([percent], [{ impact: 40 }, { impact: 40 }, { impact: 90 }], 2026)).toEqual({
      impact: [
        { label: "40", count: 2 },
        { label: "90", count: 1 },
      ],
    });
    const group = figuresOf(scales, ratings);
    expect(outlierSide(scales, group, { probability: 1, year: 2031 })).toBe("below");
    expect(outlierSide(scales, group, { probability: 3, year: 2040 })).toBe("above");
    expect(outlierSide(scales, group, { probability: 3, year: 2033 })).toBeNull();
    expect(
      outlierSide(scales, figuresOf(scales, ratings.slice(0, 2)), { probability: 1, year: 2031 }),
    ).toBeNull();
  });
});

describe("sealed own answers", () => {
  const key = Buffer.alloc(32, 7);

  it("opens only with the member's own key, for the same Delphi", () => {
    const mine = sealKeyOf({ anonymityKey: key }, "person-1", "delphi-1");
    const own = { rounds: { "1": { s1: { probability: 2 } } }, explained: ["1:s1"] };
    const sealed = seal(mine, own);
    expect(unseal(mine, sealed)).toEqual(own);
    // The same person and Delphi under another server key, another person, another Delphi: nothing.
    expect(
      unseal(sealKeyOf({ anonymityKey: Buffer.alloc(32, 8) }, "person-1", "delphi-1"), sealed),
    ).toBeNull();
    expect(unseal(sealKeyOf({ anonymityKey: key }, "person-2", "delphi-1"), sealed)).toBeNull();
    expect(unseal({ ...mine, delphiId: "delphi-2" }, sealed)).toBeNull();
    // The row id is stable for the member and says nothing readable.
    expect(sealKeyOf({ anonymityKey: key }, "person-1", "delphi-1").tokenHash).toBe(mine.tokenHash);
    expect(mine.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(mine.tokenHash).not.toContain("person-1");
  });

  it("pads the sealed text, so its length does not tell how much was answered", () => {
    const mine = sealKeyOf({ anonymityKey: key }, "person-1", "delphi-1");
    const one = seal(mine, { rounds: { "1": { s1: { probability: 2 } } }, explained: [] });
    const none = seal(mine, emptyOwn());
    expect(one.length).toBe(none.length);
  });
});
