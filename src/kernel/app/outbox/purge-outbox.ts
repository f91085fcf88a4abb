// Keeps the outbox small: delivered rows go after a retention period, so the table (and every index a
// claim or a lookup walks) grows with what is pending, not with history. Nothing relies on an old SENT
// row to know a message went out: the jobs keep their due state on their own rows (next-due columns,
// counters), and a key that comes back after its row was purged is a new message on purpose (a redraw).
//
// FAILED rows are the coordinator's evidence (cluster status lists them, each has an audit entry):
// they stay longer. Their `notBefore` is when the last attempt was due, i.e. when they failed, and the
// [status, notBefore] index serves it as [status, sentAt] serves SENT rows.
//
// Each batch is its own short statement (`DELETE … WHERE id = ANY(ARRAY(SELECT id … ORDER BY … LIMIT n))`),
// so no purge holds locks for long or competes with the worker's claim for minutes. ANY(ARRAY(…)), not
// IN (…): with IN, PostgreSQL hash-joined the batch against a sequential scan of the whole table
// (89 ms at 100k rows); with an array it looks the batch's ids up by primary key.
import type { Db } from "../../../db/open-database.ts";
import type { Clock } from "../context.ts";

export const DEFAULT_OUTBOX_RETENTION_DAYS = 14;
export const FAILED_OUTBOX_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export type OutboxRetention = {
  /** SENT rows whose `sentAt` is older than this go (OUTBOX_RETENTION_DAYS). */
  sentDays: number;
  /** FAILED rows whose last attempt is older than this go; at least `sentDays`. */
  failedDays: number;
};

export type PurgeOutboxResult = { sent: number; failed: number; throttles: number };

export async function purgeOutbox(
  db: Db,
  clock: Clock,
  retention: OutboxRetention,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<PurgeOutboxResult> {
  const { batchSize = 1000, signal } = options;
  const now = clock.now().getTime();
  // ISO strings cast to timestamp(3): the columns hold UTC without a zone (as the worker's claim does).
  const sentBefore = new Date(now - retention.sentDays * DAY_MS).toISOString();
  const failedBefore = new Date(
    now - Math.max(retention.failedDays, retention.sentDays) * DAY_MS,
  ).toISOString();

  const sent = await inBatches(
    batchSize,
    signal,
    () =>
      db.$executeRaw`
      DELETE FROM "OutboxMessage" WHERE "id" = ANY(ARRAY(
        SELECT "id" FROM "OutboxMessage"
         WHERE "status" = 'SENT' AND "sentAt" < ${sentBefore}::timestamp(3)
         ORDER BY "sentAt"
         LIMIT ${batchSize}))`,
  );
  const failed = await inBatches(
    batchSize,
    signal,
    () =>
      db.$executeRaw`
      DELETE FROM "OutboxMessage" WHERE "id" = ANY(ARRAY(
        SELECT "id" FROM "OutboxMessage"
         WHERE "status" = 'FAILED' AND "notBefore" < ${failedBefore}::timestamp(3)
         ORDER BY "notBefore"
         LIMIT ${batchSize}))`,
  );
  // Throttles that ran out are dead weight for the claim's lookup: they go too (few rows, by index).
  const throttles = signal?.aborted
    ? 0
    : await db.$executeRaw`
        DELETE FROM "DeliveryThrottle" WHERE "until" < ${new Date(now).toISOString()}::timestamp(3)`;
  return { sent, failed, throttles };
}

/** Runs a bounded DELETE again while it fills its batch (and nobody aborted); returns the rows deleted. */
async function inBatches(batchSize: number, signal: AbortSignal | undefined, remove: () => Promise<number>) {
  let total = 0;
  while (!signal?.aborted) {
    const deleted = await remove();
    total += deleted;
    if (deleted < batchSize) break;
  }
  return total;
}
