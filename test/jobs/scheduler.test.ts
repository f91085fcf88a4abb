// The scheduler: node-cron ticks, no job overlapping itself, failures logged and survived, stop()
// waiting for running jobs; and startJobs wiring the outbox worker to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { OUTBOX_CRON, startJobs } from "../../src/jobs/start-jobs.ts";
import { enqueueNotification } from "../../src/kernel/app/outbox/enqueue-notification.ts";
import { text, view } from "../../src/kernel/surface/view.ts";
import { createLogger, type Logger } from "../../src/log/logger.ts";
import { createSlackGateway } from "../../src/platforms/slack/slack-gateway.ts";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

type Line = { level: string; msg: string; [key: string]: unknown };

function capturingLogger(): { log: Logger; lines: Line[] } {
  const lines: Line[] = [];
  return { lines, log: createLogger("debug", (line) => lines.push(JSON.parse(line) as Line)) };
}

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("createScheduler", () => {
  it("never runs a job twice at once: a tick that finds it running is skipped", async () => {
    const { log } = capturingLogger();
    const gate = deferred();
    let runs = 0;
    const scheduler = createScheduler({
      log,
      jobs: [
        {
          name: "slow",
          cron: "* * * * *",
          run: async () => {
            runs += 1;
            await gate.promise;
          },
        },
      ],
    });
    const first = scheduler.tick("slow");
    expect(await scheduler.tick("slow")).toBe("skipped");
    expect(await scheduler.tick("slow")).toBe("skipped");
    gate.resolve();
    expect(await first).toBe("ran");
    expect(await scheduler.tick("slow")).toBe("ran");
    expect(runs).toBe(2);
    await scheduler.stop();
  });

  it("logs a failing job and runs it again on the next tick", async () => {
    const { log, lines } = capturingLogger();
    let calls = 0;
    const scheduler = createScheduler({
      log,
      jobs: [
        {
          name: "flaky",
          cron: "* * * * *",
          run: async () => {
            calls += 1;
            if (calls === 1) throw new Error("database went away");
          },
        },
      ],
    });
    expect(await scheduler.tick("flaky")).toBe("failed");
    expect(await scheduler.tick("flaky")).toBe("ran");
    const failure = lines.find((l) => l.msg === "job failed");
    expect(failure).toMatchObject({ level: "error", job: "flaky", error: { message: "database went away" } });
    await scheduler.stop();
  });

  it("refuses an invalid cron expression or a duplicate name up front", () => {
    const { log } = capturingLogger();
    const run = async () => {};
    expect(() => createScheduler({ log, jobs: [{ name: "x", cron: "every minute", run }] })).toThrow(
      /invalid cron/,
    );
    expect(() =>
      createScheduler({
        log,
        jobs: [
          { name: "x", cron: "* * * * *", run },
          { name: "x", cron: "* * * * *", run },
        ],
      }),
    ).toThrow(/two jobs/);
  });

  it("stop() aborts the running job's signal and waits for it to finish", async () => {
    const { log } = capturingLogger();
    let finished = false;
    const started = deferred();
    const scheduler = createScheduler({
      log,
      jobs: [
        {
          name: "long",
          cron: "* * * * *",
          run: async (signal) => {
            started.resolve();
            await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
            finished = true;
          },
        },
      ],
    });
    const running = scheduler.tick("long");
    await started.promise;
    await scheduler.stop();
    expect(finished).toBe(true);
    expect(await running).toBe("ran");
    expect(await scheduler.tick("long")).toBe("skipped");
  });

  it("ticks on node-cron's schedule (six fields: every second)", async () => {
    const { log } = capturingLogger();
    let runs = 0;
    const scheduler = createScheduler({
      log,
      jobs: [
        {
          name: "every-second",
          cron: "* * * * * *",
          run: async () => {
            runs += 1;
          },
        },
      ],
    });
    scheduler.start();
    const deadline = Date.now() + 5000;
    while (runs === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop();
    expect(runs).toBeGreaterThan(0);
    const after = runs;
    await new Promise((r) => setTimeout(r, 1200));
    expect(runs).toBe(after); // stopped means stopped
  });
});

describe("startJobs", () => {
  let db: TestDatabase;
  let slack: FakeSlackApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    slack = await new FakeSlackApi().start();
  });
  afterAll(async () => {
    await slack?.stop();
    await db?.close();
  });

  it("runs the outbox worker every 15 seconds and delivers what is due", async () => {
    expect(OUTBOX_CRON).toBe("*/15 * * * * *");
    const { log } = capturingLogger();
    const now = new Date("2026-10-25T00:30:00.000Z"); // the night Europe leaves summer time
    const clock = { now: () => now };
    await enqueueNotification(db.prisma, {
      key: "measure:m1:due",
      recipient: { platform: "SLACK", kind: "user", id: "U-AINO" },
      view: view("Due today", text("Due today")),
      notBefore: now,
    });
    const jobs = startJobs({
      db: db.prisma,
      gateways: { SLACK: createSlackGateway({ token: "xoxb-test-token", apiUrl: slack.apiUrl, log }) },
      clock,
      log,
      instanceId: "test-instance",
    });
    try {
      // "skipped" only if node-cron's own 15-second tick happened to be running it at that moment.
      expect(["ran", "skipped"]).toContain(await jobs.scheduler.tick("outbox"));
      await slack.waitFor("chat.postMessage");
    } finally {
      await jobs.stop();
    }
    expect(slack.acceptedCalls("chat.postMessage").map((c) => c.body.channel)).toEqual(["D-U-AINO"]);
    expect(
      await db.prisma.outboxMessage.findUniqueOrThrow({ where: { key: "measure:m1:due" } }),
    ).toMatchObject({
      status: "SENT",
      sentAt: now,
    });
  });
});
