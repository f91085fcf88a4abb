// Delivers outbox rows: claim with a lease (one statement, SKIP LOCKED), send through the platform's
// ChatGateway, mark SENT only while the lease is still ours. Two instances never send the same row;
// a crashed instance's rows come back when their lease expires. A throttle (429 Retry-After) becomes a
// DeliveryThrottle row for what it covers (one conversation, or the platform when the remote limits
// the method per workspace), which every instance's claim honours until it runs out.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/open-database.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { audit } from "../kernel/app/audit.ts";
import type { Clock } from "../kernel/app/context.ts";
import { mintDownloadLinks } from "../kernel/app/files/download-links.ts";
import { OutboxPayloadSchema } from "../kernel/app/outbox/enqueue-notification.ts";
import {
  type ChatPlatform,
  type DeliveryResult,
  GatewayRouter,
  type Gateways,
  type OutboundMessage,
  type Recipient,
} from "../kernel/app/ports/chat-gateway.ts";
import type { DownloadUrl } from "../kernel/app/ports/composer.ts";
import type { Logger } from "../log/logger.ts";
import { redactText } from "../log/redact.ts";

export type OutboxWorkerOptions = {
  db: Db;
  gateways: Gateways | GatewayRouter;
  clock: Clock;
  log: Logger;
  /** Names this instance in leases and logs, e.g. the host name plus pid. */
  workerId: string;
  /** Builds the download links minted as a row with `downloads` is sent (the composer's downloadUrl). */
  downloadUrl?: DownloadUrl;
  /** How long a claimed row stays ours; another worker takes it over after that. */
  leaseMs?: number;
  batchSize?: number;
  /** Failed delivery attempts (throttles excluded) before a row is FAILED. */
  maxAttempts?: number;
  /** Deliveries in flight at once within a batch. */
  concurrency?: number;
  /** First retry delay; doubles per attempt, with jitter, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A gateway that has not answered by then counts as a retryable failure (outcome unknown). */
  deliveryTimeoutMs?: number;
  /** [0, 1); injectable for deterministic tests. */
  random?: () => number;
  /** Used by drain() to wait out a throttle; real time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** drain() waits for work that becomes due within this long; later work is left to the next tick. */
  idleWaitMs?: number;
  /** Hears of every delivery attempt's result and how long the platform took (metrics). */
  onDelivery?: (platform: ChatPlatform, result: DeliveryResult, durationMs: number) => void;
};

export type OutboxRunResult = {
  claimed: number;
  sent: number;
  /** Rescheduled after a retryable failure, throttles included. */
  retried: number;
  /** Of `retried`: answered with Retry-After (429, or 503 with the header). */
  throttled: number;
  failed: number;
  /** Claimed but handed back unsent: the platform was throttled, or the run was aborted. */
  released: number;
  /** Our lease was gone when we came to record the outcome (another worker owns the row now). */
  lost: number;
};

export type OutboxWorker = {
  readonly workerId: string;
  /** Claims one batch of due rows and delivers it. */
  runOnce(signal?: AbortSignal): Promise<OutboxRunResult>;
  /**
   * Runs batches while there is due work, waiting out short throttles, until nothing is due, the
   * budget (real time) is spent or `signal` aborts. What the scheduler calls on every tick.
   */
  drain(options?: { signal?: AbortSignal; budgetMs?: number }): Promise<OutboxRunResult>;
};

/** "<platform>\n<conversation>"; conversation "" = the whole platform. */
type PauseKey = string;
const pauseKey = (platform: ChatPlatform, conversation = ""): PauseKey => `${platform}\n${conversation}`;

type ClaimedRow = {
  id: string;
  key: string;
  clusterId: string | null;
  platform: ChatPlatform;
  target: string;
  /** The recipient's Slack team / Teams tenant, when the row was written with one (OAuth token choice). */
  tenant: string | null;
  payload: unknown;
  attempts: number;
};

type Outcome = "sent" | "retried" | "throttled" | "failed" | "lost";

const FIFTEEN_MINUTES = 15 * 60_000;
const THROTTLE_JITTER_MS = 250;

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const {
    db,
    clock,
    log,
    workerId,
    leaseMs = 60_000,
    batchSize = 50,
    maxAttempts = 8,
    concurrency = 4,
    baseDelayMs = 10_000,
    maxDelayMs = FIFTEEN_MINUTES,
    random = Math.random,
    sleep = abortableSleep,
    idleWaitMs = 10_000,
    onDelivery = () => undefined,
  } = options;
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? Math.floor(leaseMs / 2);
  const router =
    options.gateways instanceof GatewayRouter ? options.gateways : new GatewayRouter(options.gateways);
  /**
   * The pauses this instance met in its current batch (the rows it already claimed); the shared
   * DeliveryThrottle rows keep every instance's later claims off the same conversations.
   */
  const pausedUntil = new Map<PauseKey, number>();

  const after = (ms: number) => new Date(clock.now().getTime() + ms);
  /** Until when `row` must wait (0: it need not). */
  const pauseOf = (row: ClaimedRow, now: number) => {
    const until = Math.max(
      pausedUntil.get(pauseKey(row.platform, row.target)) ?? 0,
      pausedUntil.get(pauseKey(row.platform)) ?? 0,
    );
    return until > now ? until : 0;
  };

  /** One statement: pick due, unleased rows, skipping rows another worker is claiming, and lease them. */
  async function claim(token: string, platforms: ChatPlatform[]): Promise<ClaimedRow[]> {
    const now = clock.now();
    const nowAt = now.toISOString();
    const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
    // Timestamps travel as ISO strings cast to timestamp(3): the columns hold UTC without a zone, and
    // this keeps the comparison independent of the driver's and the session's time zone.
    const rows = await db.$queryRaw<(ClaimedRow & { notBefore: Date })[]>`
      UPDATE "OutboxMessage"
         SET "leaseOwner" = ${token}, "leaseUntil" = ${leaseEnd}::timestamp(3)
       WHERE "id" IN (
         SELECT m."id" FROM "OutboxMessage" m
          WHERE m."status" = 'PENDING'
            AND m."notBefore" <= ${nowAt}::timestamp(3)
            AND (m."leaseUntil" IS NULL OR m."leaseUntil" <= ${nowAt}::timestamp(3))
            AND m."platform"::text IN (${Prisma.join(platforms)})
            -- A conversation (or the whole platform) some instance was told to leave alone for now.
            AND NOT EXISTS (
              SELECT 1 FROM "DeliveryThrottle" t
               WHERE t."platform" = m."platform" AND t."conversation" IN (m."target", '')
                 AND t."until" > ${nowAt}::timestamp(3))
          ORDER BY m."notBefore", m."id"
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED)
      RETURNING "id", "key", "clusterId", "platform"::text AS "platform", "target", "tenant", "payload",
                "attempts", "notBefore"`;
    // RETURNING follows no order (PostgreSQL returns rows as the UPDATE met them): sort again.
    return rows
      .sort((a, b) => a.notBefore.getTime() - b.notBefore.getTime() || a.id.localeCompare(b.id))
      .map(({ notBefore: _, ...row }) => row);
  }

  /** Still ours? Pushes the lease out so that a slow batch never sends a row someone else took over. */
  async function renew(row: ClaimedRow, token: string): Promise<boolean> {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: row.id, leaseOwner: token, status: "PENDING" },
      data: { leaseUntil: after(leaseMs) },
    });
    return count === 1;
  }

  async function deliver(message: OutboundMessage): Promise<DeliveryResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DeliveryResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            retryable: true,
            error: `no answer within ${deliveryTimeoutMs} ms (outcome unknown)`,
          }),
        deliveryTimeoutMs,
      );
      timer.unref();
    });
    try {
      return await Promise.race([router.deliver(message), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function backoffMs(failures: number): number {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, failures - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  }

  async function deliverRow(row: ClaimedRow, token: string): Promise<Outcome> {
    const payload = OutboxPayloadSchema.safeParse(
      typeof row.payload === "string" ? safeJson(row.payload) : row.payload,
    );
    if (!payload.success) {
      const recipient = { platform: row.platform, kind: "unknown", id: row.target };
      return fail(row, token, recipient, `malformed payload: ${payload.error.issues[0]?.message ?? "?"}`, 0);
    }
    const recipient: Recipient = {
      platform: row.platform,
      kind: payload.data.kind,
      id: row.target,
      ...(row.tenant ? { tenant: row.tenant } : {}),
    };
    if (!(await renew(row, token))) {
      log.warn("outbox lease lost before sending; another worker has the row", { key: row.key, workerId });
      return "lost";
    }
    const { update, track, downloads } = payload.data;
    let { view } = payload.data;
    if (downloads) {
      const minted = await mintDownloadLinks(db, {
        view,
        fileIds: downloads,
        now: clock.now(),
        downloadUrl: options.downloadUrl,
      });
      if (!minted.ok) return fail(row, token, recipient, minted.error, 0);
      view = minted.view;
    }
    const started = performance.now();
    const delivered = await deliver({ key: row.key, recipient, view, ...(update ? { update } : {}) });
    try {
      onDelivery(row.platform, delivered, performance.now() - started);
    } catch (error) {
      log.error("outbox delivery observer failed", { error });
    }
    // What a remote said can quote what it was sent (a link in the message): stored and logged masked.
    const result: DeliveryResult = delivered.ok
      ? delivered
      : { ...delivered, error: redactText(delivered.error) };
    const where = { id: row.id, leaseOwner: token, status: "PENDING" as const };
    const lease = { leaseOwner: null, leaseUntil: null };

    if (result.ok) {
      // Marked and tracked together: a message that went out but was never tracked would miss every
      // later redraw (a poll's tally). Tracked even when our lease was lost: the message exists.
      const count = await db.$transaction(async (tx) => {
        const marked = await tx.outboxMessage.updateMany({
          where,
          data: {
            ...lease,
            status: "SENT",
            sentAt: clock.now(),
            attempts: { increment: 1 },
            lastError: null,
          },
        });
        if (track && result.messageId) await trackPosted(tx, row, track, result.messageId);
        return marked.count;
      });
      if (count === 1) return "sent";
      log.error("outbox row delivered after its lease was lost: it may arrive twice", {
        key: row.key,
        workerId,
      });
      return "lost";
    }

    if (result.retryable && result.retryAfterMs !== undefined) {
      // A throttle is flow control, not a failed attempt: honour it for what it covers, on every
      // instance, and do not spend one of the row's attempts (a large fan-out must not turn
      // throttling into FAILED rows).
      const until = clock.now().getTime() + result.retryAfterMs;
      const scope = result.throttle ?? { method: "*" };
      const key = pauseKey(row.platform, scope.conversation);
      pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, until));
      await recordThrottle(row.platform, scope.method, scope.conversation ?? "", until);
      const { count } = await db.outboxMessage.updateMany({
        where,
        data: {
          ...lease,
          notBefore: new Date(until + Math.round(random() * THROTTLE_JITTER_MS)),
          lastError: result.error,
        },
      });
      log.debug("outbox throttled by the platform", {
        platform: row.platform,
        method: scope.method,
        perConversation: scope.conversation !== undefined,
        retryAfterMs: result.retryAfterMs,
        key: row.key,
      });
      return count === 1 ? "throttled" : "lost";
    }

    const failures = row.attempts + 1;
    if (result.retryable && failures < maxAttempts) {
      const delay = backoffMs(failures);
      const { count } = await db.outboxMessage.updateMany({
        where,
        data: { ...lease, attempts: failures, notBefore: after(delay), lastError: result.error },
      });
      log.warn("outbox delivery failed; will retry", {
        key: row.key,
        attempt: failures,
        delayMs: delay,
        error: result.error,
      });
      return count === 1 ? "retried" : "lost";
    }
    const reason = result.retryable ? `gave up after ${failures} attempts: ${result.error}` : result.error;
    return fail(row, token, recipient, reason, 1);
  }

  /** The shared pause: one row per (platform, conversation, method); a later, longer pause wins. */
  async function recordThrottle(platform: ChatPlatform, method: string, conversation: string, until: number) {
    const untilAt = new Date(until).toISOString();
    await db.$executeRaw`
      INSERT INTO "DeliveryThrottle" ("platform", "conversation", "method", "until")
      VALUES (${platform}::"Platform", ${conversation}, ${method}, ${untilAt}::timestamp(3))
      ON CONFLICT ("platform", "conversation", "method")
      DO UPDATE SET "until" = GREATEST("DeliveryThrottle"."until", EXCLUDED."until")`;
  }

  /** Permanent: FAILED plus an audit entry the coordinator can see, both only while the lease is ours. */
  async function fail(
    row: ClaimedRow,
    token: string,
    recipient: { platform: string; kind: string; id: string },
    error: string,
    attempted: 0 | 1,
  ): Promise<Outcome> {
    const recorded = await db.$transaction(async (tx) => {
      const { count } = await tx.outboxMessage.updateMany({
        where: { id: row.id, leaseOwner: token, status: "PENDING" },
        data: {
          status: "FAILED",
          leaseOwner: null,
          leaseUntil: null,
          lastError: error,
          attempts: row.attempts + attempted,
        },
      });
      if (count !== 1) return false;
      await audit(tx, {
        clusterId: row.clusterId,
        actorId: null,
        action: "notification.failed",
        subjectType: "OutboxMessage",
        subjectId: row.id,
        details: { key: row.key, recipient, error, attempts: row.attempts + attempted },
      });
      return true;
    });
    if (!recorded) return "lost";
    log.warn("outbox notification failed permanently", { key: row.key, recipient, error });
    return "failed";
  }

  /** Hands rows back untouched (no attempt spent), optionally not before `notBefore`. */
  async function release(ids: string[], token: string, notBefore?: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await db.outboxMessage.updateMany({
      where: { id: { in: ids }, leaseOwner: token, status: "PENDING" },
      data: { leaseOwner: null, leaseUntil: null, ...(notBefore ? { notBefore } : {}) },
    });
    return count;
  }

  async function runOnce(signal?: AbortSignal): Promise<OutboxRunResult> {
    const result = emptyResult();
    const platforms = router.platforms;
    if (platforms.length === 0 || signal?.aborted) return result;
    // What this instance met in an earlier batch is in the shared rows now; the claim honours those.
    pausedUntil.clear();
    // A fresh token per claim: a batch of ours that hung must not pass for a later claim of ours.
    const token = `${workerId}:${randomUUID()}`;
    const rows = await claim(token, platforms);
    result.claimed = rows.length;
    if (rows.length === 0) return result;

    // One conversation's rows go through one lane, in claim (notBefore) order: a pulse's results are
    // several messages that must arrive in the channel in the order they were written.
    const queue = groupByConversation(rows);
    const aborted: string[] = [];
    /** Rows handed back unsent because of a pause met in this batch, by the moment they may go. */
    const throttledRows = new Map<number, string[]>();
    const lane = async () => {
      for (let group = queue.shift(); group; group = queue.shift())
        for (const row of group) {
          if (signal?.aborted) {
            aborted.push(row.id);
            continue;
          }
          const pausedTill = pauseOf(row, clock.now().getTime());
          if (pausedTill > 0) {
            throttledRows.set(pausedTill, [...(throttledRows.get(pausedTill) ?? []), row.id]);
            continue;
          }
          try {
            const outcome = await deliverRow(row, token);
            if (outcome === "throttled") {
              result.retried += 1;
              result.throttled += 1;
            } else result[outcome] += 1;
          } catch (error) {
            // The database failed us mid-row: the lease will expire and the row comes back.
            log.error("outbox row could not be processed", { key: row.key, error });
          }
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, lane));

    result.released += await release(aborted, token);
    for (const [until, ids] of throttledRows) {
      result.released += await release(
        ids,
        token,
        new Date(until + Math.round(random() * THROTTLE_JITTER_MS)),
      );
    }
    if (result.throttled > 0) log.info("outbox batch throttled by the platform", { workerId, ...result });
    else if (result.sent + result.failed + result.retried > 0)
      log.debug("outbox batch", { workerId, ...result });
    return result;
  }

  /** When the next row we could claim becomes claimable (throttles and other workers' leases count). */
  async function nextClaimableAt(): Promise<number | null> {
    const platforms = router.platforms;
    if (platforms.length === 0) return null;
    // A row waits for its notBefore and another worker's lease; a row under a pause (its conversation's
    // or its platform's) for the pause's end, at the earliest. Two aggregates rather than a pause lookup
    // per pending row: the first anti-joins the few pause rows, the second looks up only pauses.
    const now = clock.now().toISOString();
    const rows = await db.$queryRaw<{ at: number | null }[]>`
      SELECT (EXTRACT(EPOCH FROM LEAST(
               (SELECT MIN(GREATEST(m."notBefore", COALESCE(m."leaseUntil", m."notBefore")))
                  FROM "OutboxMessage" m
                 WHERE m."status" = 'PENDING' AND m."platform"::text IN (${Prisma.join(platforms)})
                   AND NOT EXISTS (
                     SELECT 1 FROM "DeliveryThrottle" t
                      WHERE t."platform" = m."platform" AND t."conversation" IN (m."target", '')
                        AND t."until" > ${now}::timestamp(3))),
               (SELECT MIN(t."until") FROM "DeliveryThrottle" t
                 WHERE t."until" > ${now}::timestamp(3) AND t."platform"::text IN (${Prisma.join(platforms)})
                   AND EXISTS (
                     SELECT 1 FROM "OutboxMessage" m
                      WHERE m."status" = 'PENDING' AND m."platform" = t."platform"
                        AND (t."conversation" = '' OR m."target" = t."conversation")))
             )) * 1000)::float8 AS "at"`;
    const at = rows[0]?.at;
    return at === null || at === undefined ? null : Number(at);
  }

  async function drain({ signal, budgetMs = 120_000 }: { signal?: AbortSignal; budgetMs?: number } = {}) {
    const total = emptyResult();
    const deadline = Date.now() + budgetMs;
    while (!signal?.aborted && Date.now() < deadline) {
      const r = await runOnce(signal);
      for (const k of Object.keys(total) as (keyof OutboxRunResult)[]) total[k] += r[k];
      if (r.claimed > 0) continue;
      // Nothing claimable now: wait for what becomes due soon (a throttle ending, a short backoff);
      // leave anything later to the next tick.
      const next = await nextClaimableAt();
      if (next === null) break;
      const wait = Math.max(0, next - clock.now().getTime()) + 1;
      if (wait > idleWaitMs || Date.now() + wait >= deadline) break;
      await sleep(wait, signal);
    }
    return total;
  }

  return { workerId, runOnce, drain };
}

/** Same rows as recordPostedMessage (src/kernel/app/posted-messages.ts), written inside our transaction. */
async function trackPosted(
  tx: Prisma.TransactionClient,
  row: ClaimedRow,
  subject: { type: string; id: string },
  messageId: string,
): Promise<void> {
  await tx.postedMessage.createMany({
    data: [
      {
        platform: row.platform,
        conversationId: row.target,
        messageId,
        subjectType: subject.type,
        subjectId: subject.id,
      },
    ],
    skipDuplicates: true,
  });
}

function emptyResult(): OutboxRunResult {
  return { claimed: 0, sent: 0, retried: 0, throttled: 0, failed: 0, released: 0, lost: 0 };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Rows by (platform, target), groups in the order of their first row, rows in claim order. */
function groupByConversation(rows: readonly ClaimedRow[]): ClaimedRow[][] {
  const groups = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    const key = `${row.platform}:${row.target}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}
