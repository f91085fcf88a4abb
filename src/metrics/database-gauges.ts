// Gauges read from the database when Prometheus scrapes, not kept up to date on every write: the
// outbox's depth and the age of its oldest pending row (one query on the (status, notBefore) index,
// whose cost grows with what is pending, not with history), whether the database answered, and the
// PostgreSQL connection pool's use. The embedded engine (PGlite) is one in-process connection with no
// pool, so the pool gauges are only there on PostgreSQL.
import { Gauge, type Registry } from "prom-client";
import type { Db } from "../db/open-database.ts";
import type { Clock } from "../kernel/app/context.ts";
import type { Logger } from "../log/logger.ts";

/** pg.Pool's counters (node-postgres), as openDatabase exposes them on PostgreSQL. */
export type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

export type DatabaseGaugeOptions = {
  registry: Registry;
  db: Db;
  clock: Clock;
  log: Logger;
  pool?: PoolStats;
  /** A scrape never waits longer than this for the database (a silent one must not hang it). */
  timeoutMs?: number;
};

export function registerDatabaseGauges({
  registry,
  db,
  clock,
  log,
  pool,
  timeoutMs = 2_000,
}: DatabaseGaugeOptions): void {
  // One query serves the three gauges; prom-client awaits each gauge's collect on every scrape, and
  // the three calls of one scrape share the query in flight.
  let reading: Promise<void> | null = null;
  const collect = () => {
    reading ??= readOutbox().finally(() => {
      reading = null;
    });
    return reading;
  };
  const up = new Gauge({
    name: "ennakko_database_up",
    help: "1 when the database answered the last scrape's outbox query in time, else 0.",
    registers: [registry],
    collect,
  });
  const pending = new Gauge({
    name: "ennakko_outbox_pending",
    help: "Notifications waiting in the outbox (PENDING rows), due or not yet due. NaN when the database did not answer.",
    registers: [registry],
    collect,
  });
  const oldest = new Gauge({
    name: "ennakko_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest PENDING outbox row (0 when none is pending). NaN when the database did not answer.",
    registers: [registry],
    collect,
  });

  async function readOutbox(): Promise<void> {
    try {
      const [row] = await withTimeout(
        db.$queryRaw<{ pending: number; oldest: Date | null }[]>`
          SELECT count(*)::int AS "pending", min("createdAt") AS "oldest"
            FROM "OutboxMessage" WHERE "status" = 'PENDING'`,
        timeoutMs,
      );
      up.set(1);
      pending.set(row?.pending ?? 0);
      oldest.set(row?.oldest ? Math.max(0, (clock.now().getTime() - row.oldest.getTime()) / 1000) : 0);
    } catch (error) {
      // Unknown, not zero: an empty outbox and an unreachable one must not look alike.
      up.set(0);
      pending.set(Number.NaN);
      oldest.set(Number.NaN);
      log.warn("metrics: the outbox gauges could not be read", { error });
    }
  }

  if (pool) {
    new Gauge({
      name: "ennakko_db_pool_connections",
      help: "PostgreSQL connection pool: open connections (total), idle ones, and queries waiting for one (waiting).",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
