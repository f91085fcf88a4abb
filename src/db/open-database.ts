// One schema, two engines: embedded PGlite under DATA_DIR by default, PostgreSQL when a URL is given.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { applyMigrations, type MigrationReport, readMigrations, type SqlConnection } from "./migrate.ts";

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../prisma/migrations");

export type Db = PrismaClient;

export type Database = {
  prisma: PrismaClient;
  kind: "embedded" | "postgres";
  migrations: MigrationReport;
  /** PostgreSQL only: the connection pool's counters (node-postgres), read by the metrics. */
  pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number };
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string }
  /** An already-open PGlite, e.g. loaded from a test template. */
  | { kind: "pglite"; pglite: PGlite };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === "postgres" ? openPostgres(options.url) : openEmbedded(options);
}

async function openEmbedded(
  options: { kind: "embedded"; dataDir: string } | { kind: "pglite"; pglite: PGlite },
) {
  const pglite = options.kind === "pglite" ? options.pglite : await createPglite(options.dataDir);
  const migrations = await migratePglite(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: "embedded" as const,
    migrations,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function createPglite(dataDir: string): Promise<PGlite> {
  const dir = join(dataDir, "pglite");
  await mkdir(dir, { recursive: true });
  return PGlite.create(dir);
}

export async function migratePglite(pglite: PGlite): Promise<MigrationReport> {
  const conn: SqlConnection = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await pglite.query(sql, params)).rows as T[];
    },
    async execScript(sql) {
      await pglite.exec(sql);
    },
  };
  return applyMigrations(conn, await readMigrations(MIGRATIONS_DIR));
}

export async function migratePostgres(url: string): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const conn: SqlConnection = {
      async query<T>(sql: string, params?: unknown[]) {
        return (await client.query(sql, params)).rows as T[];
      },
      async execScript(sql) {
        // No parameters = simple query protocol, which accepts a whole multi-statement file.
        await client.query(sql);
      },
    };
    return await applyMigrations(conn, await readMigrations(MIGRATIONS_DIR));
  } finally {
    await client.end();
  }
}

async function openPostgres(url: string): Promise<Database> {
  const migrations = await migratePostgres(url);
  // Our own pool (ended with the client) so that its use can be read: /metrics shows it.
  const pool = new pg.Pool({ connectionString: url });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { prisma, kind: "postgres", migrations, pool, close: () => prisma.$disconnect() };
}
