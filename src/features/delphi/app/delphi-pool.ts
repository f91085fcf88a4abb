// Where a statement's ratings and reasons live: one DelphiPool row per statement and round, each
// rating and each reason an anonymous entry at a random place (as PulsePool, pulses'
// anonymous-pool.ts). An answer rewrites the row whole in one statement, in the transaction that marks
// the member as having answered, so no answer has a row, an id, a position or a time of its own.
import { randomInt } from "node:crypto";
import type { Tx } from "../../../kernel/app/tx.ts";
import { type PoolReason, poolRatingsSchema, poolReasonsSchema } from "../domain/pool.ts";
import type { Rating } from "../domain/scales.ts";

export type Pool = { ratings: Rating[]; reasons: PoolReason[] };

/** Adds `entry` to the pool's `column` at a place drawn from node's CSPRNG, in one statement. */
async function insertAtRandom(
  tx: Tx,
  statementId: string,
  round: number,
  column: "ratings" | "reasons",
  entry: unknown,
): Promise<void> {
  const json = JSON.stringify(entry);
  const u = randomInt(2 ** 47) / 2 ** 47;
  // The column name cannot be a parameter: two fixed statements.
  if (column === "ratings")
    await tx.$executeRaw`
      INSERT INTO "DelphiPool" ("statementId", round, ratings, reasons)
      VALUES (${statementId}, ${round}, jsonb_build_array(${json}::jsonb), '[]'::jsonb)
      ON CONFLICT ("statementId", round) DO UPDATE SET ratings = jsonb_insert(
        "DelphiPool".ratings,
        ARRAY[floor(${u}::float8 * (jsonb_array_length("DelphiPool".ratings) + 1))::int::text],
        ${json}::jsonb)`;
  else
    await tx.$executeRaw`
      INSERT INTO "DelphiPool" ("statementId", round, ratings, reasons)
      VALUES (${statementId}, ${round}, '[]'::jsonb, jsonb_build_array(${json}::jsonb))
      ON CONFLICT ("statementId", round) DO UPDATE SET reasons = jsonb_insert(
        "DelphiPool".reasons,
        ARRAY[floor(${u}::float8 * (jsonb_array_length("DelphiPool".reasons) + 1))::int::text],
        ${json}::jsonb)`;
}

export const addRating = (tx: Tx, statementId: string, round: number, rating: Rating) =>
  insertAtRandom(tx, statementId, round, "ratings", rating);

export const addReason = (tx: Tx, statementId: string, round: number, reason: PoolReason) =>
  insertAtRandom(tx, statementId, round, "reasons", reason);

/** The pools of these statements in one round, parsed (pool.ts); a missing row is an empty pool. */
export async function poolsOf(
  tx: Tx,
  statementIds: readonly string[],
  round: number,
): Promise<Map<string, Pool>> {
  const rows = await tx.delphiPool.findMany({ where: { statementId: { in: [...statementIds] }, round } });
  const out = new Map<string, Pool>();
  for (const id of statementIds) out.set(id, { ratings: [], reasons: [] });
  for (const row of rows)
    out.set(row.statementId, {
      ratings: poolRatingsSchema.parse(row.ratings),
      reasons: poolReasonsSchema.parse(row.reasons),
    });
  return out;
}
