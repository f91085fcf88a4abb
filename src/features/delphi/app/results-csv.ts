// The CSV files of a Delphi's results (src/exports/csv.ts writes them: the reader's spreadsheet
// convention, formula-like text defused). Per round, the figures; then every rating as stored in the
// pools — one row per pool entry in its stored, random order, with nothing about who or when — and
// the anonymised reasons. A statement's round with fewer than three answers gives no rows: its
// figures are hidden, and its raw answers would tell each other's.
import { type CsvCell, type CsvFormat, toCsv } from "../../../exports/csv.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { PoolReason } from "../domain/pool.ts";
import type { StatementSummary } from "../domain/results-summary.ts";
import { MIN_GROUP, type Rating, type Scales } from "../domain/scales.ts";
import { resultsLabels } from "./results-labels.ts";

export type CsvStatementPools = {
  position: number;
  text: string;
  pools: ReadonlyMap<number, { ratings: readonly Rating[]; reasons: readonly PoolReason[] }>;
};

/** One row per statement and scale: n, median, quartiles, range, consensus of `round`. */
export function figuresCsv(
  round: number,
  statements: readonly StatementSummary[],
  locale: Locale,
  format: CsvFormat,
): string {
  const l = resultsLabels(locale);
  const rows: CsvCell[][] = [
    [
      l("round"),
      l("position"),
      l("statement"),
      l("scale"),
      l("n"),
      l("median"),
      l("q1"),
      l("q3"),
      l("iqr"),
      l("consensus"),
    ],
  ];
  for (const statement of statements)
    for (const scale of statement.scales) {
      const at = scale.rounds.find((r) => r.round === round);
      const f = at?.figures ?? null;
      rows.push([
        round,
        statement.position,
        statement.text,
        scale.scale.key,
        at?.answers ?? 0,
        f?.median ?? null,
        f?.q1 ?? null,
        f?.q3 ?? null,
        f?.iqr ?? null,
        f ? l(f.consensus ? "yes" : "no") : l("hidden"),
      ]);
    }
  return toCsv(rows, format);
}

const shown = (ratings: readonly Rating[]) => ratings.length >= MIN_GROUP;

/** Every rating of the rounds, one row per pool entry, a column per scale. */
export function ratingsCsv(
  rounds: readonly number[],
  scales: Scales,
  statements: readonly CsvStatementPools[],
  locale: Locale,
  format: CsvFormat,
): string {
  const l = resultsLabels(locale);
  const rows: CsvCell[][] = [[l("round"), l("position"), l("statement"), ...scales.map((s) => l(s.key))]];
  for (const round of rounds)
    for (const statement of statements) {
      const pool = statement.pools.get(round);
      if (!pool || !shown(pool.ratings)) continue;
      for (const rating of pool.ratings)
        rows.push([round, statement.position, statement.text, ...scales.map((s) => rating[s.key] ?? null)]);
    }
  return toCsv(rows, format);
}

/** The reasons given, anonymised as stored: the side of the middle range they explain, and the text. */
export function reasonsCsv(
  rounds: readonly number[],
  statements: readonly CsvStatementPools[],
  locale: Locale,
  format: CsvFormat,
): string {
  const l = resultsLabels(locale);
  const rows: CsvCell[][] = [[l("round"), l("position"), l("statement"), l("side"), l("reason")]];
  for (const round of rounds)
    for (const statement of statements) {
      const pool = statement.pools.get(round);
      if (!pool || !shown(pool.ratings)) continue;
      for (const reason of pool.reasons)
        rows.push([round, statement.position, statement.text, l(reason.side ?? "free"), reason.text]);
    }
  return toCsv(rows, format);
}
