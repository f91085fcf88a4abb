// Delphis seeded straight into the database for the results tests: the Delphi, its statements, its
// rounds (closed or open) and each statement's pools in the shape domain/pool.ts reads (checked with
// its zod schemas on the way in, so a fixture cannot hold what the answering code could not write).
// The answering journeys are another part's; the results only read what those rows hold.
import { poolRatingsSchema, poolReasonsSchema } from "../../src/features/delphi/domain/pool.ts";
import type { Rating, Scales } from "../../src/features/delphi/domain/scales.ts";
import type { TestDatabase } from "./database.ts";

export type SeedPool = { ratings: Rating[]; reasons?: { text: string; side: "below" | "above" | null }[] };
export type SeedStatement = { text: string; pools: Record<number, SeedPool> };

export type SeedDelphi = {
  clusterId: string;
  title?: string;
  scales?: Scales;
  statements: SeedStatement[];
  /** Rounds closed, in order; `openRound` (if any) is the round still taking answers. */
  closedRounds: number[];
  openRound?: number;
  /** When the rounds closed (each a day after the one before, the last at this instant). */
  closedAt?: Date;
  createdAt?: Date;
};

const DAY = 86_400_000;

export const PROBABILITY_AND_YEAR: Scales = [
  { key: "probability", kind: "likert5" },
  { key: "year", kind: "year" },
];
export const ALL_SCALES: Scales = [
  { key: "probability", kind: "likert5" },
  { key: "desirability", kind: "likert5" },
  { key: "impact", kind: "percent" },
  { key: "year", kind: "year" },
];

export async function seedDelphi(db: TestDatabase, seed: SeedDelphi) {
  const scales = seed.scales ?? PROBABILITY_AND_YEAR;
  const closedAt = seed.closedAt ?? new Date(Date.now() - 60_000);
  const rounds = [...seed.closedRounds, ...(seed.openRound ? [seed.openRound] : [])];
  const last = Math.max(...rounds);
  const delphi = await db.prisma.delphi.create({
    data: {
      clusterId: seed.clusterId,
      title: seed.title ?? "Lapland 2035",
      scales,
      status: seed.openRound ? "OPEN" : "BETWEEN",
      round: last,
      ...(seed.createdAt ? { createdAt: seed.createdAt } : {}),
    },
  });
  for (const [i, number] of seed.closedRounds.entries()) {
    const closed = new Date(closedAt.getTime() - (seed.closedRounds.length - 1 - i) * DAY);
    await db.prisma.delphiRound.create({
      data: {
        delphiId: delphi.id,
        number,
        opensAt: new Date(closed.getTime() - 7 * DAY),
        closesAt: closed,
        closedAt: closed,
      },
    });
  }
  if (seed.openRound)
    await db.prisma.delphiRound.create({
      data: {
        delphiId: delphi.id,
        number: seed.openRound,
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 7 * DAY),
      },
    });
  const statementIds: string[] = [];
  for (const [i, statement] of seed.statements.entries()) {
    const row = await db.prisma.delphiStatement.create({
      data: { delphiId: delphi.id, position: i + 1, text: statement.text },
    });
    statementIds.push(row.id);
    for (const [round, pool] of Object.entries(statement.pools))
      await db.prisma.delphiPool.create({
        data: {
          statementId: row.id,
          round: Number(round),
          ratings: poolRatingsSchema.parse(pool.ratings),
          reasons: poolReasonsSchema.parse(pool.reasons ?? []),
        },
      });
  }
  return { delphiId: delphi.id, statementIds };
}

/** Ratings on probability and year, a pair each. */
export const pairs = (...values: [number, number][]): Rating[] =>
  values.map(([probability, year]) => ({ probability, year }));

/** Four members who keep disagreeing on probability (1, 1, 5, 5) and agree on the year. */
export const SPLIT = pairs([1, 2030], [5, 2031], [1, 2032], [5, 2030]);
/** Four members who agree. */
export const AGREED = pairs([4, 2030], [4, 2031], [5, 2030], [4, 2032]);

/**
 * The worst case the channel must take: 20 statements (the most a Delphi has) on all four scales, three
 * closed rounds, years spread over the whole range the scale allows, long statements, all but the second
 * disputed (the longest overview and the most buttons).
 */
export function worstCaseStatements(): SeedStatement[] {
  return Array.from({ length: 20 }, (_, s) => {
    const pools: Record<number, SeedPool> = {};
    for (const round of [1, 2, 3]) {
      const disputed = s !== 1 || round === 1;
      pools[round] = {
        ratings: Array.from({ length: 12 }, (_, m) =>
          disputed
            ? {
                probability: m % 2 === 0 ? 1 : 5,
                desirability: 1 + ((m + s) % 5),
                impact: ((m * 30 + s * 10) % 110) - (((m * 30 + s * 10) % 110) % 10),
                year: 2000 + ((m * 37 + s * 11 + round) % 101),
              }
            : { probability: 3 + (m % 2), desirability: 4, impact: 50 + (m % 2) * 10, year: 2030 + (m % 3) },
        ),
        reasons: [{ text: `=HYPERLINK("http://x") reason ${s}`, side: "below" }],
      };
    }
    return {
      text: `Statement ${s + 1}: by 2035 ${"autonomous haulage and remote operation ".repeat(6).trim()} (${s + 1})`,
      pools,
    };
  });
}

/** An upcoming meeting still taking agenda items (a date poll, deadline in a week). */
export async function plannedMeeting(db: TestDatabase, clusterId: string, title = "Autumn meeting") {
  return db.prisma.meeting.create({
    data: { clusterId, title, status: "POLLING", agendaDeadline: new Date(Date.now() + 7 * DAY) },
  });
}
