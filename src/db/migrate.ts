// Applies prisma/migrations/*/migration.sql at start-up, recording them in `_prisma_migrations`
// exactly as Prisma does, so `prisma migrate status/deploy` on a machine with the native engine
// agrees with us. PGlite cannot be reached by Prisma's engine at all, hence our own runner.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { StartupError } from "../startup/startup-error.ts";

/** One connection, so the advisory lock and each transaction stay on the same session. */
export interface SqlConnection {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a whole multi-statement script; migration files are never split on `;`. */
  execScript(sql: string): Promise<void>;
}

export type MigrationFile = { name: string; sql: string; checksum: string };
export type MigrationReport = { applied: string[]; alreadyApplied: number };

// Any constant works; it only has to be the same for every instance of the bot.
const MIGRATION_LOCK_KEY = 72_707_369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function applyMigrations(
  conn: SqlConnection,
  migrations: MigrationFile[],
): Promise<MigrationReport> {
  await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await conn.query(CREATE_MIGRATIONS_TABLE);
    const done = await appliedNames(conn);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await applyOne(conn, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

async function appliedNames(conn: SqlConnection): Promise<Set<string>> {
  const rows = await conn.query<{ migration_name: string; finished_at: Date | null }>(
    `SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new StartupError(
      `Migration ${failed.migration_name} started earlier but never finished. Inspect the database, then mark it ` +
        `rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}').`,
    );
  }
  return new Set(rows.map((r) => r.migration_name));
}

async function applyOne(conn: SqlConnection, m: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await conn.query("BEGIN");
  try {
    await conn.execScript(m.sql);
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, now(), $3, $4, 1)`,
      [randomUUID(), m.checksum, m.name, startedAt],
    );
    await conn.query("COMMIT");
  } catch (error) {
    await conn.query("ROLLBACK");
    throw new StartupError(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
