// One schema, two engines: embedded PGlite under DATA_DIR by default, PostgreSQL when a URL is given.
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { StartupError } from "../startup/startup-error.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { applyMigrations, type MigrationReport, readMigrations, type SqlConnection } from "./migrate.ts";

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../prisma/migrations");

export type Db = PrismaClient;

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export type Database = {
  prisma: PrismaClient;
  kind: "embedded" | "postgres";
  migrations: MigrationReport;
  /** The embedded engine itself (backups are taken by the process that holds it); none on PostgreSQL. */
  pglite?: PGlite;
  /** PostgreSQL only: the connection pool's counters (node-postgres), read by the metrics. */
  pool?: { readonly totalCount: number; readonly idleCount: number; readonly waitingCount: number };
  close(): Promise<void>;
};

/**
 * Hears every SQL statement Prisma sends (a transaction's COMMIT included; Prisma reports no BEGIN):
 * tests and benches count statements per interaction or per tick with it. Absent in production: no query events are made.
 */
export type QueryListener = (sql: string) => void;

export type DatabaseOptions =
  /** connectTimeoutMs: a server that accepts TCP but never answers must not hang start-up (default 10 s). */
  (
    | { kind: "postgres"; url: string; connectTimeoutMs?: number }
    | { kind: "embedded"; dataDir: string }
    /** An already-open PGlite, e.g. loaded from a test template. */
    | { kind: "pglite"; pglite: PGlite }
  ) & { onQuery?: QueryListener };

/** A Prisma client over `adapter`, with query events only when someone listens. */
function prismaClient(
  adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>,
  onQuery?: QueryListener,
): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === "postgres"
    ? openPostgres(options.url, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, options.onQuery)
    : openEmbedded(options);
}

async function openEmbedded(
  options: ({ kind: "embedded"; dataDir: string } | { kind: "pglite"; pglite: PGlite }) & {
    onQuery?: QueryListener;
  },
) {
  // The lock comes first: a second process must not even open (or initialise) the directory.
  const lock = options.kind === "embedded" ? await lockDataDir(options.dataDir) : null;
  try {
    const pglite = options.kind === "pglite" ? options.pglite : await createPglite(options.dataDir);
    const migrations = await migratePglite(pglite).catch(async (error: unknown) => {
      if (options.kind === "embedded") await pglite.close();
      throw error;
    });
    // Loaded only for the embedded engine: a PostgreSQL deployment never holds PGlite in memory.
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const prisma = prismaClient(new PrismaPGlite(pglite), options.onQuery);
    return {
      prisma,
      kind: "embedded" as const,
      migrations,
      pglite,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function createPglite(dataDir: string): Promise<PGlite> {
  const dir = join(dataDir, "pglite");
  await mkdir(dir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
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

export async function migratePostgres(
  url: string,
  connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  // A failed connect leaves the socket's later errors unhandled otherwise (a crash with a stack).
  client.on("error", () => {});
  await client.connect().catch((error: unknown) => {
    throw connectError(url, connectTimeoutMs, error);
  });
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

async function openPostgres(
  url: string,
  connectTimeoutMs: number,
  onQuery?: QueryListener,
): Promise<Database> {
  const migrations = await migratePostgres(url, connectTimeoutMs);
  // Our own pool (ended with the client) so that its use can be read: /metrics shows it.
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  const prisma = prismaClient(new PrismaPg(pool, { disposeExternalPool: true }), onQuery);
  return { prisma, kind: "postgres", migrations, pool, close: () => prisma.$disconnect() };
}

/** Why PostgreSQL could not be reached, in the operator's terms: which part of DATABASE_URL to fix. */
export function connectError(url: string, timeoutMs: number, error: unknown): StartupError {
  const e = error as NodeJS.ErrnoException & { code?: string };
  let where = "the database";
  let database = "";
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || 5432}`;
    database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  } catch {}
  const say = (text: string) => new StartupError(`DATABASE_URL: ${text}`);
  switch (e.code) {
    case "ECONNREFUSED":
      return say(
        `nothing accepts connections at ${where} (connection refused). Start PostgreSQL, or fix the host and port in DATABASE_URL.`,
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return say(`the host in ${where} is unknown (${e.code}). Fix the host name in DATABASE_URL.`);
    case "3D000":
      return say(
        `the database "${database}" does not exist on ${where}. Create it (createdb ${database || "ennakko"}) or fix its name in DATABASE_URL.`,
      );
    case "28P01":
    case "28000":
      return say(
        `PostgreSQL at ${where} refused the user or password (${e.code}). Fix them in DATABASE_URL.`,
      );
  }
  if (/timeout/i.test(e.message ?? ""))
    return say(
      `${where} accepted the connection but did not answer within ${Math.round(timeoutMs / 1000)} s. ` +
        "Is it PostgreSQL, and is it overloaded? Check the host and port in DATABASE_URL (DATABASE_CONNECT_TIMEOUT sets the wait).",
    );
  return say(`cannot connect to ${where}: ${e.message ?? String(error)}${e.code ? ` (${e.code})` : ""}.`);
}
