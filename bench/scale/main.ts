// bench/scale: does the background work grow with what is due, or with history? On PostgreSQL, at
// national size (issue 15): 1,000 clusters, 50,000 members, 100,000 measures (20,000 overdue), 500 open
// polls, 50 open pulses, 1,000,000 sent outbox rows.
//
//   SCALE_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:scale
//
// SCALE_DATABASE_URL names a server and a database to connect to first; the benchmark creates its own
// database there and drops it at the end (SCALE_KEEP=1 keeps it). Settings:
//   SCALE_FACTOR     1      multiplies every count (0.1 for a quick look)
//   SCALE_TICKS      10     quiet ticks measured per job (SCALE_TICK_BUDGET seconds at most, default 60)
//   SCALE_HISTORY    10     closed history multiplied by this for the second measurement (1: skip)
//   SCALE_DELIVER    10000  reminders made due at once (0: skip); SCALE_RATE 100 chat.postMessage/s
//
// Prints, per job: quiet tick p50/p99 and SQL statements; the same after multiplying closed history;
// the delivery burst against the rate-limit floor (lost, duplicated); statements per vote and answer.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../../src/db/open-database.ts";
import type { Job } from "../../src/jobs/scheduler.ts";
import { appJobs, OUTBOX_PURGE_CRON } from "../../src/jobs/start-jobs.ts";
import { type AppContext, systemClock } from "../../src/kernel/app/context.ts";
import {
  DEFAULT_OUTBOX_RETENTION_DAYS,
  FAILED_OUTBOX_RETENTION_DAYS,
  purgeOutbox,
} from "../../src/kernel/app/outbox/purge-outbox.ts";
import { installFeatures, registry } from "../../src/kernel/registry.ts";
import { createComposer } from "../../src/kernel/surface/compose-notification.ts";
import { FEATURES } from "../../src/modules.ts";
import { statementCounter } from "../../test/support/statements.ts";
import { readNumber, runBenchmark, SettingsError } from "../lib/settings.ts";
import { fmt, table } from "../lib/stats.ts";
import { deliverBurst } from "./deliver.ts";
import { measureInteractions } from "./interactions.ts";
import { applyDataSteps, defineIds, FULL, type Size, seedHistory, seedOpen } from "./seed.ts";
import { quietTicks, type TickFigures, warmUp } from "./ticks.ts";

const adminUrl = process.env.SCALE_DATABASE_URL;
const factor = readNumber("SCALE_FACTOR", 1, 0.001);
const ticks = Math.round(readNumber("SCALE_TICKS", 10, 1));
const tickBudgetMs = readNumber("SCALE_TICK_BUDGET", 60, 1) * 1000;
const historyTimes = Math.round(readNumber("SCALE_HISTORY", 10, 1));
const deliverCount = Math.round(readNumber("SCALE_DELIVER", 10_000, 0));
const rate = readNumber("SCALE_RATE", 100, 1);
const only = process.env.SCALE_JOBS?.split(",").map((s) => s.trim());

const size: Size = {
  clusters: Math.max(2, Math.round(FULL.clusters * factor)),
  membersPerCluster: FULL.membersPerCluster,
  measuresPerCluster: FULL.measuresPerCluster,
  overdue: Math.max(1, Math.round(FULL.overdue * factor)),
  openPolls: Math.max(1, Math.round(FULL.openPolls * factor)),
  openPulses: Math.max(1, Math.round(FULL.openPulses * factor)),
  outboxHistory: Math.round(FULL.outboxHistory * factor),
};

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const result = await work();
  say(`  ${what}: ${fmt((performance.now() - t0) / 1000, 1)} s`);
  return result;
};

async function main(): Promise<void> {
  if (!adminUrl)
    throw new SettingsError(
      "SCALE_DATABASE_URL is required (a PostgreSQL server to create the bench database on)",
    );
  const name = `ennakko_scale_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const counter = statementCounter();
  const database = await openDatabase({ kind: "postgres", url: url.toString(), onQuery: counter.listener });
  const sql = new pg.Client({ connectionString: url.toString() });
  await sql.connect();
  try {
    say(
      `scale: ${size.clusters} clusters, ${size.clusters * size.membersPerCluster} members, ` +
        `${size.clusters * size.measuresPerCluster} measures (${size.overdue} overdue), ${size.openPolls} open polls, ` +
        `${size.openPulses} open pulses, ${size.outboxHistory} sent outbox rows; database ${name}`,
    );
    say("seeding:");
    await defineIds(sql);
    await seconds("open work", () => seedOpen(sql, size));
    await seconds("closed history ×1", () => seedHistory(sql, size, 0));
    const steps = await seconds("migrations' data steps", () => applyDataSteps(sql));
    say(`  data steps run: ${steps.join(", ") || "none"}`);
    await seconds("ANALYZE", () => sql.query("ANALYZE"));

    installFeatures(FEATURES);
    const app: AppContext = { db: database.prisma, clock: systemClock, compose: createComposer({}) };
    for (const feature of FEATURES) await feature.start?.(app);
    // The outbox's own housekeeping beside the features' jobs (start-jobs.ts runs it on one instance).
    const purge: Job = {
      name: "outbox-purge",
      cron: OUTBOX_PURGE_CRON,
      run: (signal) =>
        purgeOutbox(
          database.prisma,
          systemClock,
          { sentDays: DEFAULT_OUTBOX_RETENTION_DAYS, failedDays: FAILED_OUTBOX_RETENTION_DAYS },
          { signal },
        ),
    };
    const jobs = [...appJobs(app, registry().jobs), purge].filter((j) => !only || only.includes(j.name));
    // The ×10 history is old sent rows too: the purge's next run deletes them (a busy run, not a quiet
    // one), so it is measured on the first history only.
    const historyJobs = jobs.filter((j) => j !== purge);

    say("\nwarm-up (what is due now is enqueued and marked sent, until a run enqueues nothing):");
    const warm = new Map<string, { runs: number; seconds: number }>();
    for (const job of jobs) {
      const w = await warmUp(job, sql);
      warm.set(job.name, w);
      say(`  ${job.name}: ${w.runs} run(s), ${fmt(w.seconds, 1)} s`);
    }

    const measure = async (which: Job[]): Promise<TickFigures[]> => {
      const out: TickFigures[] = [];
      for (const job of which) {
        const f = await quietTicks(job, sql, counter, { runs: ticks, budgetMs: tickBudgetMs });
        const w = warm.get(job.name)!;
        out.push({ job: job.name, ...f, warmupRuns: w.runs, warmupSeconds: w.seconds });
      }
      return out;
    };
    say("\nquiet ticks (history ×1)…");
    const before = await measure(jobs);
    const outboxRows = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM "OutboxMessage"`);
    say(`outbox rows after the purge's warm-up: ${outboxRows.rows[0]?.n}`);

    let after: TickFigures[] | null = null;
    if (historyTimes > 1) {
      say(`\nmultiplying closed history by ${historyTimes}:`);
      for (let copy = 1; copy < historyTimes; copy++)
        await seconds(`closed history copy ${copy + 1}`, () => seedHistory(sql, size, copy));
      await seconds("ANALYZE", () => sql.query("ANALYZE"));
      // Whatever the new history made due (nothing, if the jobs look only at what is due) is done first.
      for (const job of historyJobs) {
        const w = await warmUp(job, sql);
        if (w.runs > 1) say(`  ${job.name}: ${w.runs} warm-up runs, ${fmt(w.seconds, 1)} s`);
      }
      say(`quiet ticks (history ×${historyTimes})…`);
      after = await measure(historyJobs);
    }

    say(
      `\nQuiet ticks: ${ticks} runs per job (fewer when a run is slow), ms; statements of the median run\n`,
    );
    say(
      table(
        [
          "job",
          "p50 ms",
          "p99 ms",
          "stmts",
          "enq",
          ...(after ? [`×${historyTimes} p50`, "p99", "stmts", "enq", "p99 ratio"] : []),
        ],
        before.map((b) => {
          const a = after?.find((f) => f.job === b.job);
          return [
            b.job,
            fmt(b.p50, 1),
            fmt(b.p99, 1),
            String(b.statements),
            String(b.enqueued),
            ...(a
              ? [fmt(a.p50, 1), fmt(a.p99, 1), String(a.statements), String(a.enqueued), fmt(a.p99 / b.p99)]
              : after
                ? ["–", "–", "–", "–", "–"]
                : []),
          ];
        }),
      ),
    );

    say("\nSQL statements per interaction (through the use case, BEGIN/COMMIT included)\n");
    const interactions = await measureInteractions(app, sql, counter);
    say(
      table(
        ["interaction", "statements", "outcome"],
        interactions.map((r) => [r.what, String(r.statements), r.outcome]),
      ),
    );

    if (deliverCount > 0) {
      say(
        `\n${deliverCount} reminders due at once, 2 instances, fake Slack limit ${rate} chat.postMessage/s…`,
      );
      const d = await deliverBurst(database.prisma, {
        count: deliverCount,
        rate,
        workers: 2,
        timeoutSeconds: (deliverCount / rate) * 3 + 60,
        clusters: size.clusters,
      });
      say(
        table(
          ["figure", "value"],
          [
            ["delivered", String(d.delivered)],
            ["lost", String(d.lost)],
            ["duplicated", String(d.duplicates)],
            ["elapsed", `${fmt(d.elapsedSeconds)} s`],
            ["rate-limit floor", `${fmt(d.floorSeconds)} s`],
            ["elapsed / floor", fmt(d.elapsedSeconds / d.floorSeconds)],
            ["429s answered", String(d.throttled)],
            ["conversations.open calls", String(d.conversationsOpen)],
          ],
        ),
      );
      if (d.lost > 0 || d.duplicates > 0) process.exitCode = 1;
    }
  } finally {
    await sql.end();
    await database.close();
    if (!process.env.SCALE_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

runBenchmark(main);
