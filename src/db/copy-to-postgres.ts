// The move from the embedded database to PostgreSQL: every table copied, parents before children,
// inside one transaction on a freshly migrated, empty PostgreSQL database. Rows travel as JSON text
// produced and parsed by PostgreSQL itself on both sides (to_jsonb / json_populate_recordset), so
// no value is reinterpreted by JavaScript on the way: bigints, bytes, JSON, arrays and timestamps
// arrive exactly as they left.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migratePglite, migratePostgres } from "./open-database.ts";

export type CopyReport = { tables: { name: string; rows: number }[] };

export class TargetNotEmptyError extends Error {
  override name = "TargetNotEmptyError";
}

const BATCH = 500;

/** JSON arrays of up to BATCH rows, each row already JSON text from PostgreSQL. */
function* batches(rows: { r: string }[]): Generator<string> {
  for (let i = 0; i < rows.length; i += BATCH)
    yield `[${rows
      .slice(i, i + BATCH)
      .map((row) => row.r)
      .join(",")}]`;
}

export async function copyEmbeddedToPostgres(pglite: PGlite, url: string): Promise<CopyReport> {
  // Both sides on the same (current) migrations, so every table has the same columns on each.
  await migratePglite(pglite);
  await migratePostgres(url);
  const { tables, deferred } = await copyPlan(pglite);
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    await target.query("BEGIN");
    // Nobody writes to the target while we fill it (a bot started too early waits, then sees all).
    await target.query(`LOCK TABLE ${tables.map((t) => `"${t}"`).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    const occupied: string[] = [];
    for (const table of tables) {
      const { rows } = await target.query(`SELECT EXISTS (SELECT 1 FROM "${table}") AS any`);
      if (rows[0]?.any) occupied.push(table);
    }
    if (occupied.length > 0)
      throw new TargetNotEmptyError(
        `The PostgreSQL database already holds data (${occupied.join(", ")}); copy only into an empty database. Nothing was written.`,
      );
    const report: CopyReport = { tables: [] };
    for (const table of tables) {
      const later = deferred.filter((d) => d.table === table).flatMap((d) => d.columns);
      // Absent keys become NULL in json_populate_recordset.
      const { rows } = await pglite.query<{ r: string }>(
        `SELECT (to_jsonb(t) - $1::text[])::text AS r FROM "${table}" t`,
        [later],
      );
      for (const batch of batches(rows)) {
        await target.query(
          `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`,
          [batch],
        );
      }
      const copied = await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      if (copied.rows[0]?.n !== rows.length)
        throw new Error(`${table}: ${rows.length} rows read but ${copied.rows[0]?.n} written`);
      report.tables.push({ name: table, rows: rows.length });
    }
    for (const { table, columns } of deferred) {
      const key = await primaryKey(pglite, table);
      const { rows } = await pglite.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM "${table}" t`);
      const set = columns.map((c) => `"${c}" = s."${c}"`).join(", ");
      const match = key.map((k) => `d."${k}" = s."${k}"`).join(" AND ");
      for (const batch of batches(rows))
        await target.query(
          `UPDATE "${table}" d SET ${set} FROM json_populate_recordset(NULL::"${table}", $1::json) s WHERE ${match}`,
          [batch],
        );
    }
    await target.query("COMMIT");
    return report;
  } catch (error) {
    await target.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await target.end();
  }
}

type Edge = { child: string; parent: string; columns: string[]; nullable: boolean };
/** A nullable foreign key that closes a cycle (Meeting.chosenSlotId -> MeetingSlot): filled in after every row is in. */
type Deferred = { table: string; columns: string[] };
type Plan = { tables: string[]; deferred: Deferred[] };

/**
 * Public tables (not the migration log), each after every table it references. A cycle is broken at a
 * nullable foreign key: those columns are copied as NULL first and set once both tables are full.
 */
async function copyPlan(pglite: PGlite): Promise<Plan> {
  const tables = (
    await pglite.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).rows.map((r) => r.name);
  let edges = (
    await pglite.query<Edge>(
      `SELECT child.relname AS child, parent.relname AS parent,
              array_agg(a.attname::text ORDER BY a.attnum) AS columns, bool_and(NOT a.attnotnull) AS nullable
         FROM pg_constraint c
         JOIN pg_class child ON child.oid = c.conrelid
         JOIN pg_class parent ON parent.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = c.connamespace
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND n.nspname = 'public'
        GROUP BY c.oid, child.relname, parent.relname`,
    )
  ).rows;
  const ordered: string[] = [];
  const placed = new Set<string>();
  const deferred: Deferred[] = [];
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && edges.every((e) => e.child !== t || placed.has(e.parent)),
    );
    if (ready.length === 0) {
      const breakable = edges.find((e) => e.nullable && !placed.has(e.child) && !placed.has(e.parent));
      if (!breakable)
        throw new Error("The tables' foreign keys form a cycle of required columns; cannot order the copy");
      deferred.push({ table: breakable.child, columns: breakable.columns });
      edges = edges.filter((e) => e !== breakable);
      continue;
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return { tables: ordered, deferred };
}

async function primaryKey(pglite: PGlite, table: string): Promise<string[]> {
  const { rows } = await pglite.query<{ name: string }>(
    `SELECT a.attname::text AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary`,
    [`"${table}"`],
  );
  if (rows.length === 0) throw new Error(`${table} has no primary key; cannot fill its deferred columns`);
  return rows.map((r) => r.name);
}
