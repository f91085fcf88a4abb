// Throttles are shared through the database, per platform method and conversation: when Slack answers
// one channel's chat.postMessage with 429 Retry-After, no instance sends to that channel before the
// pause runs out, and other channels are not delayed. Two workers (two instances' memories, and on
// PostgreSQL two connection pools) over one database, against the fake Slack API rate-limiting
// chat.postMessage per channel on the test's clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/open-database.ts";
import { createOutboxWorker } from "../../src/jobs/outbox-worker.ts";
import type { Clock } from "../../src/kernel/app/context.ts";
import { enqueueNotification } from "../../src/kernel/app/outbox/enqueue-notification.ts";
import { text, view } from "../../src/kernel/surface/view.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createSlackGateway } from "../../src/platforms/slack/slack-gateway.ts";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";

const T0 = new Date("2026-03-27T08:00:00.000Z");

class TestClock implements Clock {
  at = T0.getTime();
  now(): Date {
    return new Date(this.at);
  }
}

let db: TestDatabase;
let other: Database | null;
let slack: FakeSlackApi;
let clock: TestClock;

beforeAll(async () => {
  db = await createTestDatabase();
  other = db.url ? await openDatabase({ kind: "postgres", url: db.url }) : null;
  slack = await new FakeSlackApi().start();
});
afterAll(async () => {
  await slack?.stop();
  await other?.close();
  await db?.close();
});
beforeEach(async () => {
  await truncateAll(db);
  slack.reset();
  clock = new TestClock();
  slack.now = () => clock.now().getTime();
  // One message a second per channel, no burst: a second post to a channel in the same second is 429
  // with Retry-After: 1, as Slack's "1 per second per channel" with its burst spent.
  slack.setRateLimit("chat.postMessage", { perMinute: 60, burst: 1, perChannel: true });
});

function instance(name: string, database: Database["prisma"], sleep?: (ms: number) => Promise<void>) {
  return createOutboxWorker({
    db: database,
    gateways: {
      SLACK: createSlackGateway({ token: "xoxb-test-token", apiUrl: slack.apiUrl, log: silentLogger }),
    },
    clock,
    log: silentLogger,
    workerId: name,
    random: () => 0,
    concurrency: 1,
    ...(sleep ? { sleep } : {}),
  });
}

const post = (key: string, channelId: string) =>
  enqueueNotification(db.prisma, {
    key,
    recipient: { platform: "SLACK", kind: "channel", id: channelId },
    view: view(key, text(key)),
    notBefore: clock.now(),
  });

const postsTo = (channelId: string) =>
  slack.callsTo("chat.postMessage").filter((c) => c.body.channel === channelId);

describe("throttles shared across instances", () => {
  it("a 429 for one channel keeps every instance off that channel until Retry-After; other channels flow", async () => {
    const a = instance("instance-a", db.prisma);
    const b = instance("instance-b", other?.prisma ?? db.prisma);

    await post("hot-1", "C-HOT");
    await post("hot-2", "C-HOT");
    await post("cold-1", "C-COLD");
    // A: hot-1 goes, hot-2 is throttled (C-HOT's second post in the same second), cold-1 goes.
    expect(await a.runOnce()).toMatchObject({ claimed: 3, sent: 2, throttled: 1 });
    expect(postsTo("C-HOT")).toHaveLength(2);
    expect(await db.prisma.deliveryThrottle.findMany()).toEqual([
      {
        platform: "SLACK",
        conversation: "C-HOT",
        method: "chat.postMessage",
        until: new Date(T0.getTime() + 1000),
      },
    ]);

    // B knows nothing of A's 429 in memory: a new row for C-HOT waits, C-COLD's goes at once.
    await post("hot-3", "C-HOT");
    await post("cold-2", "C-COLD-2");
    expect(await b.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(postsTo("C-HOT")).toHaveLength(2);
    expect(postsTo("C-COLD-2")).toHaveLength(1);
    clock.at = T0.getTime() + 999;
    expect(await b.runOnce()).toMatchObject({ claimed: 0 });
    expect(await a.runOnce()).toMatchObject({ claimed: 0 });
    expect(postsTo("C-HOT")).toHaveLength(2);

    // When the pause is over, C-HOT's rows go, once each (one a second, as the channel allows).
    clock.at = T0.getTime() + 1000;
    await b.runOnce();
    clock.at = T0.getTime() + 2000;
    await a.runOnce();
    const sent = await db.prisma.outboxMessage.findMany({
      where: { status: "SENT" },
      orderBy: { key: "asc" },
    });
    expect(sent.map((r) => r.key)).toEqual(["cold-1", "cold-2", "hot-1", "hot-2", "hot-3"]);
    const accepted = slack.acceptedCalls("chat.postMessage").map((c) => String(c.body.text));
    expect(accepted.sort()).toEqual(["cold-1", "cold-2", "hot-1", "hot-2", "hot-3"]);
  });

  it("drain waits out a shared pause instead of spinning: it sleeps until the pause ends, then sends", async () => {
    const a = instance("instance-a", db.prisma);
    await post("hot-1", "C-HOT");
    await post("hot-2", "C-HOT");
    expect(await a.runOnce()).toMatchObject({ sent: 1, throttled: 1 });

    // Another instance meets a fresh row for the paused channel: nothing claimable until the pause ends.
    await post("hot-3", "C-HOT");
    const sleeps: number[] = [];
    const b = instance("instance-b", other?.prisma ?? db.prisma, async (ms) => {
      sleeps.push(ms);
      clock.at += ms;
    });
    await b.drain({ budgetMs: 60_000 });
    // One sleep to the pause's end (hot-2 goes, hot-3 is throttled by the channel again), one more.
    expect(sleeps.length).toBeLessThanOrEqual(3);
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(3);
  });
});
