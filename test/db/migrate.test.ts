// The start-up migration runner: Prisma-compatible bookkeeping, atomic migrations, and (on
// PostgreSQL) several instances starting at once applying each migration exactly once.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations, type SqlConnection } from "../../src/db/migrate.ts";
import { MIGRATIONS_DIR, migratePglite, migratePostgres } from "../../src/db/open-database.ts";
import { postgresAdminUrl, withDatabase } from "../support/database-urls.ts";

const onPostgres = process.env.TEST_DATABASE === "postgres";

function pgliteConnection(db: PGlite): SqlConnection {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query(sql, params)).rows as T[],
    execScript: async (sql) => {
      await db.exec(sql);
    },
  };
}

describe("migration runner", () => {
  it("records migrations exactly as Prisma does and applies each once", async () => {
    const db = await PGlite.create();
    const first = await migratePglite(db);
    const again = await migratePglite(db);
    const files = await readMigrations(MIGRATIONS_DIR);
    expect(first.applied).toEqual(files.map((f) => f.name));
    expect(again).toEqual({ applied: [], alreadyApplied: files.length });
    const rows = (
      await db.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
      }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
      )
    ).rows;
    const firstSql = await readFile(join(MIGRATIONS_DIR, files[0]!.name, "migration.sql"));
    expect(rows[0]).toMatchObject({
      migration_name: files[0]!.name,
      checksum: createHash("sha256").update(firstSql).digest("hex"),
      applied_steps_count: 1,
    });
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    await db.close();
  });

  it("rolls a failing migration back whole and stops on a half-finished one", async () => {
    const db = await PGlite.create();
    const conn = pgliteConnection(db);
    const bad = [
      {
        name: "20990101000000_bad",
        sql: "CREATE TABLE half (id int);\nSELECT * FROM no_such_table;",
        checksum: "x",
      },
    ];
    await expect(applyMigrations(conn, bad)).rejects.toThrow(
      "Migration 20990101000000_bad failed and was rolled back",
    );
    expect((await db.query(`SELECT to_regclass('half') AS t`)).rows).toEqual([{ t: null }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows).toEqual([{ n: 0 }]);
    // A crash mid-way in another tool leaves finished_at empty: refuse to guess.
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('1', 'c', '20990101000000_crashed')`,
    );
    await expect(applyMigrations(conn, [])).rejects.toThrow("started earlier but never finished");
    await db.close();
  });

  it("moves a first-contact locale to seenLocale, keeping one chosen with `language`", async () => {
    const db = await PGlite.create();
    const conn = pgliteConnection(db);
    const files = await readMigrations(MIGRATIONS_DIR);
    const at = files.findIndex((f) => f.name.endsWith("_person_seen_locale"));
    await applyMigrations(conn, files.slice(0, at));
    await db.exec(`
      INSERT INTO "Person" (id, "displayName", locale) VALUES ('seen', 'Sanna', 'en'), ('chose', 'Aino', 'sv'), ('none', 'Olli', NULL);
      INSERT INTO "AuditEntry" (id, "actorId", action, "subjectType", "subjectId")
        VALUES ('a1', 'chose', 'member.language', 'person', 'chose');`);
    await applyMigrations(conn, files);
    const { rows } = await db.query<{ id: string; locale: string | null; seenLocale: string | null }>(
      `SELECT id, locale, "seenLocale" FROM "Person" ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "chose", locale: "sv", seenLocale: null },
      { id: "none", locale: null, seenLocale: null },
      { id: "seen", locale: null, seenLocale: "en" },
    ]);
    await db.close();
  });

  it("gives polling meetings and open pulses a due time, so the first tick after the upgrade looks at them", async () => {
    const db = await PGlite.create();
    const conn = pgliteConnection(db);
    const files = await readMigrations(MIGRATIONS_DIR);
    const at = files.findIndex((f) => f.name.endsWith("_scale_due_driven_jobs"));
    await applyMigrations(conn, files.slice(0, at));
    await db.exec(`
      INSERT INTO "Cluster" (id, name) VALUES ('c', 'Energy');
      INSERT INTO "Meeting" (id, "clusterId", title, status, "icsUid")
        VALUES ('polling', 'c', 'Spring', 'POLLING', 'u1'), ('scheduled', 'c', 'Autumn', 'SCHEDULED', 'u2');
      INSERT INTO "Pulse" (id, "clusterId", title, "opensAt", "closesAt", status) VALUES
        ('open', 'c', 'Pulse', now(), now() + interval '7 days', 'OPEN'),
        ('closed', 'c', 'Old pulse', now() - interval '30 days', now() - interval '20 days', 'CLOSED');`);
    await applyMigrations(conn, files);
    // Due now, in UTC (the columns hold UTC without a zone), whatever the session's time zone.
    const due = `"due" IS NOT NULL AND "due" <= (now() AT TIME ZONE 'UTC') AND "due" > (now() AT TIME ZONE 'UTC') - interval '1 hour'`;
    const { rows } = await db.query<{ id: string; due: boolean | null }>(
      `SELECT id, (${due}) AS due FROM (
         SELECT id, "nextNudgeAt" AS due FROM "Meeting" UNION ALL SELECT id, "nextReminderAt" FROM "Pulse") t
       ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "closed", due: false },
      { id: "open", due: true },
      { id: "polling", due: true },
      { id: "scheduled", due: false },
    ]);
    await db.close();
  });

  it.runIf(onPostgres)("applies each migration once when four instances start together", async () => {
    const name = `t_race_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = withDatabase(postgresAdminUrl(), name);
      const reports = await Promise.all([1, 2, 3, 4].map(() => migratePostgres(url)));
      const files = await readMigrations(MIGRATIONS_DIR);
      expect(reports.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`,
      );
      await client.end();
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
