// Builds one migrated database template per test run; each test file then gets a fresh copy
// (test/support/database.ts). Embedded PGlite by default; PostgreSQL with TEST_DATABASE=postgres.
import { mkdir, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migratePglite, migratePostgres } from "../../src/db/open-database.ts";
import { PGLITE_TEMPLATE, POSTGRES_TEMPLATE, postgresAdminUrl, withDatabase } from "./database-urls.ts";

export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE === "postgres") return buildPostgresTemplate();
  const pglite = await PGlite.create();
  await migratePglite(pglite);
  const dump = await pglite.dumpDataDir("gzip");
  await pglite.close();
  await mkdir(".cache", { recursive: true });
  await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
}

async function buildPostgresTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  await migratePostgres(withDatabase(postgresAdminUrl(), POSTGRES_TEMPLATE));
}
