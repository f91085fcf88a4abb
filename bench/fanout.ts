// One reminder to 2,000 members: 2,000 outbox rows to Slack users, all due now, delivered by two
// outbox workers (two instances' worth) on one database, through the real Slack gateway, to the fake
// Slack Web API enforcing a rate limit on chat.postMessage with 429 + Retry-After.
//
//   npx tsx bench/fanout.ts                               2,000 members, 50 messages/s, 2 workers
//   FANOUT_COUNT=500 FANOUT_RATE=20 FANOUT_WORKERS=3 npx tsx bench/fanout.ts
//
// Prints delivered, duplicates (must be 0), lost (must be 0), elapsed, the rate-limit floor
// (count / rate) and elapsed / floor, and how many 429s the workers ran into. Everything runs in this
// process: a fresh embedded PGlite in a temporary DATA_DIR, the fake API on 127.0.0.1.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/open-database.ts";
import { createOutboxWorker, type OutboxRunResult } from "../src/jobs/outbox-worker.ts";
import { systemClock } from "../src/kernel/app/context.ts";
import { enqueueNotification } from "../src/kernel/app/outbox/enqueue-notification.ts";
import { createLogger, silentLogger } from "../src/log/logger.ts";
import { createSlackGateway } from "../src/platforms/slack/slack-gateway.ts";
import { FakeSlackApi, type RecordedCall } from "../test/fakes/slack-api.ts";
import { readNumber, SettingsError } from "./lib/settings.ts";
import { distribution, fmt, table } from "./lib/stats.ts";

const read = readNumber;

const settings = {
  count: Math.round(read("FANOUT_COUNT", 2000, 1)),
  rate: read("FANOUT_RATE", 50, 1),
  workers: Math.round(read("FANOUT_WORKERS", 2, 1)),
  batchSize: Math.round(read("FANOUT_BATCH", 50, 1)),
  concurrency: Math.round(read("FANOUT_CONCURRENCY", 4, 1)),
  /** Gives up (and reports what was lost) after this long. */
  timeoutSeconds: read("FANOUT_TIMEOUT", 110, 1),
};

const keyOf = (call: RecordedCall) =>
  (call.body.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "ennakko-fanout-"));
  const database = await openDatabase({ kind: "embedded", dataDir });
  const slack = await new FakeSlackApi().start();
  slack.rateLimit("chat.postMessage", settings.rate);
  const log = process.env.FANOUT_LOGS ? createLogger("info") : silentLogger;
  try {
    process.stdout.write(
      `fanout: ${settings.count} members, fake Slack limit ${settings.rate} chat.postMessage/s, ` +
        `${settings.workers} workers (batch ${settings.batchSize}, ${settings.concurrency} in flight each)\n`,
    );

    // One reminder to every member: the rows a reminder job would write, in one transaction each 500.
    const enqueueStart = performance.now();
    const now = systemClock.now();
    for (let from = 0; from < settings.count; from += 500) {
      await database.prisma.$transaction(async (tx) => {
        for (let i = from; i < Math.min(settings.count, from + 500); i++) {
          const member = `U-FAN${String(i).padStart(5, "0")}`;
          await enqueueNotification(tx, {
            key: `meeting:m1:reminder-1d:${member}`,
            recipient: { platform: "SLACK", kind: "user", id: member },
            view: {
              fallback: "Reminder: the cluster meets tomorrow at 09:00",
              elements: [
                { type: "text", text: "*Reminder*: the cluster meets tomorrow at 09:00 (Europe/Helsinki)" },
              ],
            },
            notBefore: now,
          });
        }
      });
    }
    const enqueueMs = performance.now() - enqueueStart;

    // Each worker is one instance's outbox job: drain, and when nothing is claimable, check again soon
    // (the scheduler would do so on its next 15-second tick).
    const gateway = createSlackGateway({ token: "xoxb-bench", apiUrl: slack.apiUrl, log });
    const results: OutboxRunResult[] = [];
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), settings.timeoutSeconds * 1000);
    const pending = () => database.prisma.outboxMessage.count({ where: { status: "PENDING" } });
    const start = performance.now();
    const startedAt = Date.now();
    await Promise.all(
      Array.from({ length: settings.workers }, async (_, n) => {
        const worker = createOutboxWorker({
          db: database.prisma,
          gateways: { SLACK: gateway },
          clock: systemClock,
          log,
          workerId: `instance-${n + 1}`,
          batchSize: settings.batchSize,
          concurrency: settings.concurrency,
        });
        const total = emptyResult();
        while (!controller.signal.aborted) {
          const r = await worker.drain({ signal: controller.signal, budgetMs: 120_000 });
          for (const k of Object.keys(total) as (keyof OutboxRunResult)[]) total[k] += r[k];
          if ((await pending()) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        results[n] = total;
      }),
    );
    const elapsedMs = performance.now() - start;
    clearTimeout(timeout);

    const accepted = slack.acceptedCalls("chat.postMessage");
    const perKey = new Map<string, number>();
    for (const call of accepted) perKey.set(keyOf(call) ?? "?", (perKey.get(keyOf(call) ?? "?") ?? 0) + 1);
    const delivered = perKey.size;
    const duplicates = accepted.length - delivered;
    const lost = settings.count - delivered;
    const byStatus = await database.prisma.outboxMessage.groupBy({ by: ["status"], _count: true });
    const floorSeconds = settings.count / settings.rate;
    const elapsedSeconds = elapsedMs / 1000;
    const latency = distribution(accepted.map((c) => (c.at - startedAt) / 1000));

    process.stdout.write(`\nenqueue: ${settings.count} rows in ${fmt(enqueueMs / 1000)} s\n\n`);
    process.stdout.write(
      `${table(
        ["figure", "value"],
        [
          ["delivered (distinct members)", String(delivered)],
          ["duplicates", String(duplicates)],
          ["lost", String(lost)],
          ["elapsed", `${fmt(elapsedSeconds)} s`],
          ["rate-limit floor (count / rate)", `${fmt(floorSeconds)} s`],
          ["elapsed / floor", fmt(elapsedSeconds / floorSeconds)],
          ["429s answered by the fake", String(slack.rateLimitedCount)],
          ["chat.postMessage calls (incl. 429s)", String(slack.callsTo("chat.postMessage").length)],
          ["conversations.open calls", String(slack.callsTo("conversations.open").length)],
          [
            "delivered after start p50 / p90 / max",
            `${fmt(latency.p50)} / ${fmt(latency.p90)} / ${fmt(latency.max)} s`,
          ],
          ["rows by status", byStatus.map((s) => `${s.status} ${s._count}`).join(", ")],
        ],
      )}\n\n`,
    );
    process.stdout.write(
      `${table(
        ["worker", "claimed", "sent", "throttled", "retried", "released", "failed", "lost"],
        results.map((r, i) => [
          `instance-${i + 1}`,
          ...[r.claimed, r.sent, r.throttled, r.retried, r.released, r.failed, r.lost].map(String),
        ]),
      )}\n`,
    );
    if (duplicates > 0 || lost > 0) process.exitCode = 1;
  } finally {
    await slack.stop();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function emptyResult(): OutboxRunResult {
  return { claimed: 0, sent: 0, retried: 0, throttled: 0, failed: 0, released: 0, lost: 0 };
}

try {
  await main();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
