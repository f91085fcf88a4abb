// The results of a Delphi on known data: quantiles (type 7), hiding below three answers, the
// distribution's categories (five-year buckets), the range's change and persistent disagreement.
import { describe, expect, it } from "vitest";
import { poolRatingsSchema } from "../../../src/features/delphi/domain/pool.ts";
import {
  categoriesOf,
  countsIn,
  MAX_DISTRIBUTION_CATEGORIES,
  summarizeDelphi,
  summarizeScale,
} from "../../../src/features/delphi/domain/results-summary.ts";
import type { Rating, Scales } from "../../../src/features/delphi/domain/scales.ts";
import { MAX_CHART_CATEGORIES } from "../../../src/features/pulses/index.ts";

const probability = { key: "probability", kind: "likert5" } as const;
const year = { key: "year", kind: "year" } as const;
const scales: Scales = [probability, year];

const ratings = (...values: [number, number][]): Rating[] =>
  values.map(([p, y]) => ({ probability: p, year: y }));

describe("one scale across rounds", () => {
  it("gives type-7 quantiles, counts per value and the range's change", () => {
    const pools = new Map([
      [1, ratings([1, 2030], [2, 2030], [4, 2035], [5, 2040], [5, 2050])],
      [2, ratings([3, 2030], [3, 2031], [4, 2032], [4, 2033], [5, 2034])],
    ]);
    const s = summarizeScale(probability, [1, 2], pools);
    expect(s.rounds[0]).toEqual({
      round: 1,
      answers: 5,
      figures: { n: 5, median: 4, q1: 2, q3: 5, iqr: 3, consensus: false },
      counts: [1, 1, 0, 1, 2],
      iqrChange: null,
    });
    expect(s.rounds[1]!.figures).toEqual({ n: 5, median: 4, q1: 3, q3: 4, iqr: 1, consensus: true });
    expect(s.rounds[1]!.iqrChange).toBe(-2);
    expect(s.persistentDisagreement).toBe(false);
  });

  it("hides the figures and the distribution of a round with fewer than three answers", () => {
    const pools = new Map([
      [1, ratings([1, 2030], [5, 2090])],
      [2, ratings([2, 2030], [2, 2031], [3, 2032])],
    ]);
    const s = summarizeScale(year, [1, 2], pools);
    expect(s.rounds[0]).toMatchObject({ answers: 2, figures: null, counts: null, iqrChange: null });
    // The hidden round's lone 2090 makes no bucket of its own.
    expect(s.categories).toEqual({ values: [2030], width: 5 });
    expect(s.rounds[1]!.counts).toEqual([3]);
    expect(s.rounds[1]!.iqrChange).toBeNull();
  });
});

describe("categories", () => {
  it("buckets years by five, widening when they would not fit in twenty bars", () => {
    expect(categoriesOf(year, [2027, 2031, 2044])).toEqual({ values: [2025, 2030, 2035, 2040], width: 5 });
    const wide = categoriesOf(year, [2000, 2100]);
    expect(wide.values.length).toBeLessThanOrEqual(20);
    expect(wide.width).toBe(10);
    expect(countsIn([2000, 2009, 2100], wide)).toEqual([2, ...Array(9).fill(0), 1]);
    expect(categoriesOf({ key: "impact", kind: "percent" }, []).values).toHaveLength(11);
    // The domain cannot import the charts' limit; the two must agree.
    expect(MAX_DISTRIBUTION_CATEGORIES).toBe(MAX_CHART_CATEGORIES);
  });
});

describe("a whole Delphi", () => {
  const statement = (position: number, pools: Map<number, Rating[]>) => ({
    statementId: `s${position}`,
    position,
    text: `Statement ${position}`,
    agendaItemId: null,
    ratings: pools,
  });
  const agreeing = ratings([4, 2030], [4, 2031], [4, 2032], [5, 2033]);
  const split = ratings([1, 2030], [1, 2031], [5, 2032], [5, 2033]);

  it("finds persistent disagreement only after two rounds, and counts consensus in the last round", () => {
    const one = summarizeDelphi(scales, [1], [statement(1, new Map([[1, split]]))]);
    expect(one.statements[0]!.persistentDisagreement).toBe(false);
    expect(one.disagreements).toEqual([]);

    const two = summarizeDelphi(
      scales,
      [2, 1],
      [
        statement(
          2,
          new Map([
            [1, split],
            [2, split],
          ]),
        ),
        statement(
          1,
          new Map([
            [1, split],
            [2, agreeing],
          ]),
        ),
        statement(
          3,
          new Map([
            [1, agreeing],
            [2, agreeing.slice(0, 2)],
          ]),
        ),
      ],
    );
    expect(two.rounds).toEqual([1, 2]);
    expect(two.statements.map((s) => s.position)).toEqual([1, 2, 3]);
    expect(two.statements.map((s) => s.consensus)).toEqual([true, false, null]);
    expect(two.consensusCount).toBe(1);
    expect(two.disagreements.map((s) => s.statementId)).toEqual(["s2"]);
    // Statement 3's last round has too few answers: no disagreement can be claimed on it.
    expect(two.statements[2]!.persistentDisagreement).toBe(false);
  });
});

describe("the pool as stored", () => {
  it("reads ratings that hold only the Delphi's own scales (pool.ts's documented shape)", () => {
    // zod 4's z.record over an enum demands every key: a two-scale Delphi's pool was refused.
    expect(poolRatingsSchema.parse([{ probability: 3, year: 2031 }])).toEqual([
      { probability: 3, year: 2031 },
    ]);
    expect(() => poolRatingsSchema.parse([{ probability: 3.5 }])).toThrow();
    expect(() => poolRatingsSchema.parse([{ colour: 3 }])).toThrow();
  });
});
