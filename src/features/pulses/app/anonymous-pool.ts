// Where the submitted answers of an anonymous pulse live, so that no copy of the database taken at
// any moment ties one of them to a person through PostgreSQL's system columns or row order.
//
// While the pulse is open: one PulsePool row per pulse, holding every submission in random order.
// A submission rewrites that row whole in the same transaction that marks the member's participation
// COMPLETED, so the pool's xmin says "the last one to submit wrote this", about a row that holds
// everyone's answers; no submission has a row, an id, a position or a time of its own.
// On closing: the pool becomes PulseResponse/PulseAnswer rows, all in one statement, in random order,
// with fresh random ids, together with any submitted rows already there (so those are rewritten
// too); every response and answer of the pulse then carries the same xmin.
//
// Cost: a submission reads and writes the pool of the n earlier ones (one row, ~150 bytes a
// submission, compressed by PostgreSQL); closing writes n responses once. The pool's earlier versions
// stay in the data files until VACUUM reclaims them: the README says what a copy of the raw files
// still shows.
import { randomInt } from "node:crypto";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { StakeholderType } from "../domain/question-types.ts";

/** One submission: the stakeholder type written for it and its answers by PulseQuestion id. */
export type PoolEntry = {
  type: StakeholderType | null;
  answers: { q: string; v: Prisma.InputJsonValue }[];
};

export async function poolOf(tx: Tx, pulseId: string): Promise<PoolEntry[]> {
  const pool = await tx.pulsePool.findUnique({ where: { pulseId } });
  return Array.isArray(pool?.responses) ? (pool.responses as unknown as PoolEntry[]) : [];
}

/**
 * Adds a submission at a random place (so the order stays a uniformly random one), in one statement:
 * the pool is never read into the bot for this. The place comes from node's CSPRNG.
 */
export async function addToPool(tx: Tx, pulseId: string, entry: PoolEntry): Promise<void> {
  const json = JSON.stringify(entry);
  const u = randomInt(2 ** 47) / 2 ** 47;
  await tx.$executeRaw`
    INSERT INTO "PulsePool" ("pulseId", responses) VALUES (${pulseId}, jsonb_build_array(${json}::jsonb))
    ON CONFLICT ("pulseId") DO UPDATE SET responses = jsonb_insert(
      "PulsePool".responses,
      ARRAY[floor(${u}::float8 * (jsonb_array_length("PulsePool".responses) + 1))::int::text],
      ${json}::jsonb)`;
}

/**
 * Closing: the pool and the pulse's submitted rows, written again as rows in random order with fresh
 * ids, in one statement; `clearTypes` are dropped from every row. Unsubmitted rows (from before
 * drafts were sealed) never count and go too.
 */
export async function flushPool(
  tx: Tx,
  pulseId: string,
  clearTypes: readonly StakeholderType[],
): Promise<void> {
  const spec = JSON.stringify({ clear: clearTypes, added: await poolOf(tx, pulseId) });
  await tx.$executeRaw`
    WITH spec AS (SELECT ${spec}::jsonb AS s),
    kept AS MATERIALIZED (
      SELECT r.id AS old_id, gen_random_uuid()::text AS new_id, r."stakeholderType" AS type,
             NULL::jsonb AS answers
        FROM "PulseResponse" r
       WHERE r."pulseId" = ${pulseId} AND r.submitted
      UNION ALL
      SELECT NULL, gen_random_uuid()::text, (e ->> 'type')::"StakeholderType", e -> 'answers'
        FROM spec, jsonb_array_elements(s -> 'added') e
    ),
    gone AS (DELETE FROM "PulseResponse" WHERE "pulseId" = ${pulseId}),
    responses AS (
      INSERT INTO "PulseResponse" (id, "pulseId", "stakeholderType", submitted)
      SELECT new_id, ${pulseId},
             CASE WHEN type::text IN (SELECT jsonb_array_elements_text(s -> 'clear') FROM spec)
                  THEN NULL ELSE type END,
             true
        FROM kept ORDER BY random()
    )
    INSERT INTO "PulseAnswer" (id, "responseId", "pulseQuestionId", value)
    SELECT gen_random_uuid()::text, x.new_id, x.q, x.v
      FROM (
        SELECT k.new_id, a."pulseQuestionId" AS q, a.value AS v
          FROM "PulseAnswer" a JOIN kept k ON a."responseId" = k.old_id
        UNION ALL
        SELECT k.new_id, n.q, n.v
          FROM kept k, jsonb_to_recordset(k.answers) AS n(q text, v jsonb)
         WHERE k.old_id IS NULL
      ) x
     ORDER BY random()`;
  await tx.pulsePool.deleteMany({ where: { pulseId } });
}
