// Quiet ticks: every background job run against a national-size database when nothing new is due,
// timed and with its SQL statements counted. A job's first runs do what is due (warm-up); what is
// enqueued is marked sent, as the outbox would, until a run enqueues nothing.
import type pg from "pg";
import type { Job } from "../../src/jobs/scheduler.ts";
import { distribution } from "../lib/stats.ts";

export type TickFigures = {
  job: string;
  runs: number;
  p50: number;
  p99: number;
  /** Statements of the median run (BEGIN/COMMIT included). */
  statements: number;
  /** Rows enqueued during the measured runs (should be 0: nothing new was due). */
  enqueued: number;
  warmupRuns: number;
  warmupSeconds: number;
};

export type Counter = { during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> };

/** PENDING rows become SENT, as if the outbox had delivered them; returns how many. */
export async function markSent(sql: pg.Client): Promise<number> {
  const { rowCount } = await sql.query(
    `UPDATE "OutboxMessage" SET "status" = 'SENT', "sentAt" = now(), "attempts" = 1 WHERE "status" = 'PENDING'`,
  );
  return rowCount ?? 0;
}

export async function warmUp(
  job: Job,
  sql: pg.Client,
  { maxRuns = 4, budgetMs = 600_000 } = {},
): Promise<{ runs: number; seconds: number }> {
  const started = performance.now();
  let runs = 0;
  while (runs < maxRuns && performance.now() - started < budgetMs) {
    await job.run(new AbortController().signal);
    runs += 1;
    if ((await markSent(sql)) === 0) break;
  }
  return { runs, seconds: (performance.now() - started) / 1000 };
}

export async function quietTicks(
  job: Job,
  sql: pg.Client,
  counter: Counter,
  { runs = 10, budgetMs = 60_000 } = {},
): Promise<Omit<TickFigures, "job" | "warmupRuns" | "warmupSeconds">> {
  const times: number[] = [];
  const counts: number[] = [];
  let enqueued = 0;
  const started = performance.now();
  while (times.length < runs && (times.length === 0 || performance.now() - started < budgetMs)) {
    const t0 = performance.now();
    const { statements } = await counter.during(() => job.run(new AbortController().signal));
    times.push(performance.now() - t0);
    counts.push(statements.length);
    enqueued += await markSent(sql);
  }
  const d = distribution(times);
  const sortedCounts = [...counts].sort((a, b) => a - b);
  return {
    runs: times.length,
    p50: d.p50,
    p99: d.p99,
    statements: sortedCounts[Math.floor((sortedCounts.length - 1) / 2)]!,
    enqueued,
  };
}
