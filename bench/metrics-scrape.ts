// What watching the bot costs: one /metrics scrape (the outbox gauges' query on the (status,
// notBefore) index, prom-client's rendering) against an outbox with a long history, and one log line
// per interaction (pino, masking included).
//
//   npx tsx bench/metrics-scrape.ts            20 000 pending and 200 000 sent rows, embedded PGlite
//   BENCH_PENDING=1000 BENCH_SENT=1000000 npx tsx bench/metrics-scrape.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/open-database.ts";
import { systemClock } from "../src/kernel/app/context.ts";
import { createLogger, silentLogger } from "../src/log/logger.ts";
import { registerDatabaseGauges } from "../src/metrics/database-gauges.ts";
import { createMetrics } from "../src/metrics/metrics.ts";
import { readNumber } from "./lib/settings.ts";

const PENDING = readNumber("BENCH_PENDING", 20_000, 0);
const SENT = readNumber("BENCH_SENT", 200_000, 0);
const SCRAPES = 50;
const LINES = 100_000;

const dir = await mkdtemp(join(tmpdir(), "ennakko-bench-metrics-"));
const database = await openDatabase({ kind: "embedded", dataDir: dir });
try {
  const db = database.prisma;
  await db.$executeRawUnsafe(`
    INSERT INTO "OutboxMessage" ("id", "key", "platform", "target", "payload", "status", "notBefore", "createdAt")
    SELECT gen_random_uuid()::text, 'bench:' || n, 'SLACK', 'C-BENCH', '{"v":1}'::jsonb,
           (CASE WHEN n <= ${PENDING} THEN 'PENDING' ELSE 'SENT' END)::"OutboxStatus",
           now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval
      FROM generate_series(1, ${PENDING + SENT}) AS n`);
  await db.$executeRawUnsafe(`ANALYZE "OutboxMessage"`);

  const metrics = createMetrics();
  registerDatabaseGauges({ registry: metrics.registry, db, clock: systemClock, log: silentLogger });
  for (let i = 0; i < 3; i++) await metrics.render(); // warm-up
  const scrapes: number[] = [];
  let size = 0;
  for (let i = 0; i < SCRAPES; i++) {
    const started = performance.now();
    size = (await metrics.render()).length;
    scrapes.push(performance.now() - started);
  }
  scrapes.sort((a, b) => a - b);
  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT count(*)::int, min("createdAt") FROM "OutboxMessage" WHERE "status" = 'PENDING'`,
  );

  const log = createLogger("info", () => undefined);
  const report = { platform: "SLACK", kind: "command", outcome: "ok", durationMs: 12.3, clusterId: "4f0c9d" };
  const started = performance.now();
  for (let i = 0; i < LINES; i++) log.info("interaction", report);
  const perLineUs = ((performance.now() - started) * 1000) / LINES;

  const at = (q: number) => scrapes[Math.min(scrapes.length - 1, Math.floor(q * scrapes.length))]!.toFixed(1);
  process.stdout.write(
    [
      `outbox: ${PENDING} pending, ${SENT} sent (embedded PGlite)`,
      `/metrics render (${SCRAPES} scrapes, ${size} bytes): p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`,
      `outbox gauge plan: ${plan.map((r) => r["QUERY PLAN"].trim()).join(" | ")}`,
      `interaction log line (pino, masked): ${perLineUs.toFixed(1)} µs per line (${LINES} lines)`,
      "",
    ].join("\n"),
  );
} finally {
  await database.close();
  await rm(dir, { recursive: true, force: true });
}
