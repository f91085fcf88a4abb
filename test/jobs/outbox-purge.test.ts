// The outbox stays small: delivered rows go after OUTBOX_RETENTION_DAYS, failed ones after 90 days,
// pending ones never; in bounded batches; and a key whose row was purged can be enqueued (and sent)
// again by a use case that legitimately repeats a message. Real database (PGlite, or PostgreSQL with
// TEST_DATABASE=postgres), the real worker and Slack gateway against the fake Slack API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.ts";
import { createOutboxWorker } from "../../src/jobs/outbox-worker.ts";
import { startJobs } from "../../src/jobs/start-jobs.ts";
import type { Clock } from "../../src/kernel/app/context.ts";
import { enqueueNotification } from "../../src/kernel/app/outbox/enqueue-notification.ts";
import { purgeOutbox } from "../../src/kernel/app/outbox/purge-outbox.ts";
import type { Recipient } from "../../src/kernel/app/ports/chat-gateway.ts";
import { text, view } from "../../src/kernel/surface/view.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createSlackGateway } from "../../src/platforms/slack/slack-gateway.ts";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";
import { statementCounter } from "../support/statements.ts";

const T0 = new Date("2026-03-27T08:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;

class TestClock implements Clock {
  at = T0.getTime();
  now(): Date {
    return new Date(this.at);
  }
}

const counter = statementCounter();
let db: TestDatabase;
let slack: FakeSlackApi;
let clock: TestClock;

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  slack = await new FakeSlackApi().start();
});
afterAll(async () => {
  await slack?.stop();
  await db?.close();
});
beforeEach(async () => {
  await truncateAll(db);
  slack.reset();
  clock = new TestClock();
});

const channel = (id: string): Recipient => ({ platform: "SLACK", kind: "channel", id });
const worker = () =>
  createOutboxWorker({
    db: db.prisma,
    gateways: {
      SLACK: createSlackGateway({ token: "xoxb-test-token", apiUrl: slack.apiUrl, log: silentLogger }),
    },
    clock,
    log: silentLogger,
    workerId: "worker-a",
    random: () => 0,
  });

async function enqueue(key: string, at: Date = clock.now()) {
  return enqueueNotification(db.prisma, {
    key,
    recipient: channel("C-ENERGY"),
    view: view(`Tally ${key}`, text(`*Tally* ${key}`)),
    notBefore: at,
  });
}

/** A row in a given state, `daysAgo` days before T0 (sentAt for SENT, the last attempt for FAILED). */
async function seed(key: string, status: "PENDING" | "SENT" | "FAILED", daysAgo: number) {
  const at = new Date(T0.getTime() - daysAgo * DAY);
  await enqueue(key, at);
  await db.prisma.outboxMessage.update({
    where: { key },
    data: { status, createdAt: at, ...(status === "SENT" ? { sentAt: at } : {}) },
  });
}

const keys = async () =>
  (await db.prisma.outboxMessage.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map(
    (r) => r.key,
  );

describe("outbox purge", () => {
  it("deletes SENT rows older than the retention and FAILED rows older than 90 days; keeps the rest", async () => {
    await seed("sent-old", "SENT", 15);
    await seed("sent-at-limit", "SENT", 14);
    await seed("sent-recent", "SENT", 13);
    await seed("pending-old", "PENDING", 400);
    await seed("failed-old", "FAILED", 91);
    await seed("failed-recent", "FAILED", 30);
    await db.prisma.deliveryThrottle.createMany({
      data: [
        {
          platform: "SLACK",
          method: "chat.postMessage",
          conversation: "C-OLD",
          until: new Date(T0.getTime() - 1),
        },
        {
          platform: "SLACK",
          method: "chat.postMessage",
          conversation: "C-NOW",
          until: new Date(T0.getTime() + 5000),
        },
      ],
    });

    const result = await purgeOutbox(db.prisma, clock, { sentDays: 14, failedDays: 90 });

    expect(result).toEqual({ sent: 1, failed: 1, throttles: 1 });
    expect(await keys()).toEqual(["failed-recent", "pending-old", "sent-at-limit", "sent-recent"]);
    expect((await db.prisma.deliveryThrottle.findMany()).map((t) => t.conversation)).toEqual(["C-NOW"]);
  });

  it("works in bounded batches: one DELETE per batch, every old row gone, nothing else touched", async () => {
    for (let i = 0; i < 7; i++) await seed(`old-${i}`, "SENT", 20 + i);
    await seed("recent", "SENT", 1);

    const { result, statements } = await counter.during(() =>
      purgeOutbox(db.prisma, clock, { sentDays: 14, failedDays: 90 }, { batchSize: 3 }),
    );

    expect(result.sent).toBe(7);
    // 3 + 3 + 1: the third batch is short, so the loop stops without a fourth.
    const deletes = statements.filter((s) => /DELETE FROM "OutboxMessage"/.test(s));
    expect(deletes.filter((s) => s.includes("'SENT'"))).toHaveLength(3);
    expect(deletes.every((s) => /LIMIT/.test(s))).toBe(true);
    expect(await keys()).toEqual(["recent"]);
  });

  it("a purged key enqueued again (a redraw that repeats a message) is a new row, delivered again", async () => {
    await enqueue("poll:p1:tally");
    expect(await worker().runOnce()).toMatchObject({ sent: 1 });
    expect(await enqueue("poll:p1:tally")).toEqual({ created: false });

    clock.at += 15 * DAY;
    expect(await purgeOutbox(db.prisma, clock, { sentDays: 14, failedDays: 90 })).toMatchObject({ sent: 1 });
    expect(await keys()).toEqual([]);

    expect(await enqueue("poll:p1:tally")).toEqual({ created: true });
    expect(await worker().runOnce()).toMatchObject({ sent: 1 });
    expect(slack.acceptedCalls("chat.postMessage")).toHaveLength(2);
    expect(
      await db.prisma.outboxMessage.findUniqueOrThrow({ where: { key: "poll:p1:tally" } }),
    ).toMatchObject({
      status: "SENT",
      sentAt: clock.now(),
    });
  });

  it("runs as the outbox-purge job with the configured retention (OUTBOX_RETENTION_DAYS)", async () => {
    const config = loadConfig({ OUTBOX_RETENTION_DAYS: "3" });
    expect(config.outbox.retentionDays).toBe(3);
    expect(loadConfig({}).outbox.retentionDays).toBe(14);
    expect(() => loadConfig({ OUTBOX_RETENTION_DAYS: "0" })).toThrow(/OUTBOX_RETENTION_DAYS/);

    await seed("sent-4d", "SENT", 4);
    await seed("sent-2d", "SENT", 2);
    const jobs = startJobs({
      db: db.prisma,
      gateways: {},
      clock,
      log: silentLogger,
      instanceId: "test",
      autoStart: false,
      outboxRetention: { sentDays: config.outbox.retentionDays, failedDays: 90 },
    });
    try {
      expect(await jobs.scheduler.tick("outbox-purge")).toBe("ran");
    } finally {
      await jobs.stop();
    }
    expect(await keys()).toEqual(["sent-2d"]);
  });
});
