// The notification outbox end to end: rows enqueued in a real database (PGlite, or PostgreSQL with
// TEST_DATABASE=postgres), claimed and delivered by the real worker through the real Slack and Teams
// gateways, over HTTP, to local fakes of the Slack Web API and the Bot Framework Connector. Time is
// an injected clock, so nothing here waits for real time to pass.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/open-database.ts";
import { createOutboxWorker, type OutboxWorkerOptions } from "../../src/jobs/outbox-worker.ts";
import type { AppContext, Clock } from "../../src/kernel/app/context.ts";
import { enqueueNotification } from "../../src/kernel/app/outbox/enqueue-notification.ts";
import { teamsConversationStore } from "../../src/kernel/app/outbox/find-conversation-reference.ts";
import type { ChatGateway, DeliveryResult, Recipient } from "../../src/kernel/app/ports/chat-gateway.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createDispatcher } from "../../src/kernel/surface/dispatch.ts";
import { text, type View, view } from "../../src/kernel/surface/view.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createSlackGateway } from "../../src/platforms/slack/slack-gateway.ts";
import { createTeamsGateway } from "../../src/platforms/teams/teams-gateway.ts";
import { createTeamsPlatform } from "../../src/platforms/teams/teams-platform.ts";
import { FakeBotConnector } from "../fakes/bot-connector.ts";
import { FakeSlackApi, type RecordedCall } from "../fakes/slack-api.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";
import {
  type Json,
  message,
  personalChat,
  postActivity,
  TENANT_ID,
  teamsChannel,
  teamsUser,
} from "../support/teams-activities.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const T0 = new Date("2026-03-27T08:00:00.000Z"); // two days before Europe's DST change

class TestClock implements Clock {
  private at = T0.getTime();
  now(): Date {
    return new Date(this.at);
  }
  set(ms: number): void {
    this.at = T0.getTime() + ms;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

let db: TestDatabase;
let slack: FakeSlackApi;
let connector: FakeBotConnector;
let bot: TestBot;
let clock: TestClock;

beforeAll(async () => {
  db = await createTestDatabase();
  slack = await new FakeSlackApi().start();
  connector = await new FakeBotConnector().start();
  // The real bot on the same database: Teams conversation references are stored by real turns.
  bot = await startTestBot({ TEAMS_ANONYMOUS: "local" }, db);
});
afterAll(async () => {
  await bot?.stop();
  await connector?.stop();
  await slack?.stop();
  await db?.close();
});
beforeEach(async () => {
  await truncateAll(db);
  slack.reset();
  connector.reset();
  clock = new TestClock();
  // The fake's rate limits run on the same clock as the workers: Retry-After passes when the test says.
  slack.now = () => clock.now().getTime();
});

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
const slackGateway = () =>
  createSlackGateway({ token: "xoxb-test-token", apiUrl: slack.apiUrl, log: silentLogger });

function worker(overrides: Partial<OutboxWorkerOptions> = {}) {
  return createOutboxWorker({
    db: db.prisma,
    gateways: { SLACK: slackGateway() },
    clock,
    log: silentLogger,
    workerId: "worker-a",
    random: () => 0,
    ...overrides,
  });
}

const channel = (id: string): Recipient => ({ platform: "SLACK", kind: "channel", id });
const user = (id: string): Recipient => ({ platform: "SLACK", kind: "user", id });
const reminder = (key: string): View => view(`Reminder ${key}`, text(`*Reminder* ${key}`));

async function enqueue(
  key: string,
  recipient: Recipient,
  options: { notBefore?: Date; clusterId?: string } = {},
) {
  return enqueueNotification(db.prisma, {
    key,
    recipient,
    view: reminder(key),
    notBefore: options.notBefore ?? clock.now(),
    clusterId: options.clusterId,
  });
}

const row = (key: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } });

/** The outbox key a posted Slack message carries in its metadata. */
const keyOf = (call: RecordedCall) =>
  (call.body.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

function acceptedPerKey(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of slack.acceptedCalls("chat.postMessage")) {
    const key = keyOf(call) ?? "?";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

// ── enqueue ──────────────────────────────────────────────────────────────────────────────────────
describe("enqueueNotification", () => {
  it("makes one row per key: a second enqueue of the key changes nothing, even inside a transaction", async () => {
    const first = await db.prisma.$transaction((tx) =>
      enqueueNotification(tx, {
        key: "measure:m1:due-7d",
        recipient: user("U-AINO"),
        view: reminder("first"),
        notBefore: clock.now(),
      }),
    );
    const second = await db.prisma.$transaction(async (tx) => {
      const again = await enqueueNotification(tx, {
        key: "measure:m1:due-7d",
        recipient: channel("C-OTHER"),
        view: reminder("second"),
        notBefore: new Date(T0.getTime() + 60_000),
      });
      // The transaction is still usable after the conflict (ON CONFLICT DO NOTHING, no error).
      await tx.auditEntry.create({ data: { action: "test.after-conflict", clusterId: null } });
      return again;
    });
    expect(first).toEqual({ created: true });
    expect(second).toEqual({ created: false });
    expect(await db.prisma.outboxMessage.count()).toBe(1);
    expect(await db.prisma.auditEntry.count({ where: { action: "test.after-conflict" } })).toBe(1);
    const stored = await row("measure:m1:due-7d");
    expect(stored).toMatchObject({
      platform: "SLACK",
      target: "U-AINO",
      status: "PENDING",
      attempts: 0,
      notBefore: T0,
      payload: { v: 1, kind: "user", view: reminder("first") },
    });
  });

  it("refuses a malformed notification before touching the database", async () => {
    await expect(
      enqueueNotification(db.prisma, {
        key: "",
        recipient: channel("C1"),
        view: reminder("x"),
        notBefore: clock.now(),
      }),
    ).rejects.toThrow();
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });
});

// ── delivery to Slack ────────────────────────────────────────────────────────────────────────────
describe("outbox worker → Slack", () => {
  it("posts to a channel and to a person's DM, then marks the rows SENT", async () => {
    await enqueue("k:channel", channel("C-ENERGY"));
    await enqueue("k:dm", user("U-AINO"));

    expect(await worker().runOnce()).toMatchObject({ claimed: 2, sent: 2, retried: 0, failed: 0 });

    const posts = slack.acceptedCalls("chat.postMessage");
    expect(posts.map((c) => c.body.channel).sort()).toEqual(["C-ENERGY", "D-U-AINO"]);
    expect(slack.callsTo("conversations.open").map((c) => c.body.users)).toEqual(["U-AINO"]);
    const toChannel = posts.find((c) => c.body.channel === "C-ENERGY")!;
    expect(toChannel.body).toMatchObject({
      text: "Reminder k:channel",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*Reminder* k:channel" } }],
      metadata: { event_type: "ennakko_notification", event_payload: { key: "k:channel" } },
    });
    expect(toChannel.headers.authorization).toBe("Bearer xoxb-test-token");
    for (const key of ["k:channel", "k:dm"]) {
      expect(await row(key)).toMatchObject({
        status: "SENT",
        sentAt: T0,
        attempts: 1,
        leaseOwner: null,
        leaseUntil: null,
      });
    }
    // Nothing is sent twice.
    expect(await worker().runOnce()).toMatchObject({ claimed: 0 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("delivers one conversation's rows in notBefore order, even when the first is slow", async () => {
    for (let i = 0; i < 6; i++)
      await enqueue(`results:${i}`, channel("C-ENERGY"), { notBefore: new Date(T0.getTime() + i) });
    await enqueue("dm:olli", user("U-OLLI"));
    // The gateway holds the first channel message back: with four lanes, others would overtake it.
    const real = slackGateway();
    const slow: ChatGateway = {
      deliver: async (message) => {
        if (message.key === "results:0") await new Promise((r) => setTimeout(r, 150));
        return real.deliver(message);
      },
    };
    clock.advance(10);
    await worker({ gateways: { SLACK: slow }, concurrency: 4 }).runOnce();
    const inChannel = slack
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === "C-ENERGY")
      .map(keyOf);
    expect(inChannel).toEqual(["results:0", "results:1", "results:2", "results:3", "results:4", "results:5"]);
    expect(acceptedPerKey().get("dm:olli")).toBe(1);
  });

  it("leaves a row alone until its notBefore", async () => {
    await enqueue("k:later", channel("C-ENERGY"), { notBefore: new Date(T0.getTime() + 3_600_000) });
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(3_600_000 - 1);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(3_600_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("honours 429 Retry-After: 2 — nothing is re-sent before 2 s of the clock, then it is sent once", async () => {
    await enqueue("k:throttled", channel("C-ENERGY"));
    slack.failNext("chat.postMessage", 429, { retryAfter: 2 });
    const w = worker();

    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 0, retried: 1, throttled: 1, failed: 0 });
    const waiting = await row("k:throttled");
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 0, leaseOwner: null });
    expect(waiting.lastError).toContain("rate limited");
    expect(waiting.notBefore.getTime()).toBeGreaterThanOrEqual(T0.getTime() + 2000);

    clock.set(1999);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    expect(await worker({ workerId: "worker-b" }).runOnce()).toMatchObject({ claimed: 0 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);

    clock.set(2000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
    expect(acceptedPerKey()).toEqual(new Map([["k:throttled", 1]]));
    expect(await row("k:throttled")).toMatchObject({ status: "SENT", sentAt: new Date(T0.getTime() + 2000) });
  });

  it("a 429 on one channel's chat.postMessage holds back that channel only; the others go in the same batch", async () => {
    // C-0's rows are due first, so C-0's lane posts first and meets the 429.
    await enqueue("k:batch-0", channel("C-0"), { notBefore: new Date(T0.getTime() - 2) });
    await enqueue("k:batch-0b", channel("C-0"), { notBefore: new Date(T0.getTime() - 1) });
    for (let i = 1; i < 5; i++) await enqueue(`k:batch-${i}`, channel(`C-${i}`));
    slack.failNext("chat.postMessage", 429, { retryAfter: 3 });
    const w = worker({ concurrency: 1 });

    // C-0's first post is throttled; C-0's second row is handed back unsent; C-1…C-4 are sent.
    expect(await w.runOnce()).toMatchObject({ claimed: 6, sent: 4, throttled: 1, released: 1 });
    expect(
      slack
        .callsTo("chat.postMessage")
        .map((c) => String(c.body.channel))
        .sort(),
    ).toEqual(["C-0", "C-1", "C-2", "C-3", "C-4"]);
    const waiting = await db.prisma.outboxMessage.findMany({ where: { status: "PENDING" } });
    expect(waiting.map((r) => r.key).sort()).toEqual(["k:batch-0", "k:batch-0b"]);
    expect(waiting.every((r) => r.leaseOwner === null && r.attempts === 0)).toBe(true);
    expect(waiting.every((r) => r.notBefore.getTime() >= T0.getTime() + 3000)).toBe(true);
    expect(await db.prisma.deliveryThrottle.findMany()).toEqual([
      {
        platform: "SLACK",
        conversation: "C-0",
        method: "chat.postMessage",
        until: new Date(T0.getTime() + 3000),
      },
    ]);

    clock.set(2999);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(3000);
    expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
    expect([...acceptedPerKey().values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("a 429 on conversations.open (limited per workspace) holds back every Slack row, on every instance", async () => {
    await enqueue("k:dm", user("U-AINO"), { notBefore: new Date(T0.getTime() - 1) });
    await enqueue("k:channel", channel("C-ENERGY"));
    slack.failNext("conversations.open", 429, { retryAfter: 4 });

    expect(await worker({ concurrency: 1 }).runOnce()).toMatchObject({
      claimed: 2,
      throttled: 1,
      released: 1,
    });
    expect(await db.prisma.deliveryThrottle.findMany()).toEqual([
      {
        platform: "SLACK",
        conversation: "",
        method: "conversations.open",
        until: new Date(T0.getTime() + 4000),
      },
    ]);
    // Another instance, with nothing in its memory, claims nothing while the workspace is paused.
    await enqueue("k:new", channel("C-NEW"));
    expect(await worker({ workerId: "worker-b" }).runOnce()).toMatchObject({ claimed: 0 });
    clock.set(4000);
    expect(await worker({ workerId: "worker-b" }).runOnce()).toMatchObject({ claimed: 3, sent: 3 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("retries HTTP 500 with exponential backoff (5 s, then 10 s with jitter at 0), then sends", async () => {
    await enqueue("k:flaky", channel("C-ENERGY"));
    slack.failNext("chat.postMessage", 500, { times: 2 });
    const w = worker();

    expect(await w.runOnce()).toMatchObject({ retried: 1, throttled: 0 });
    expect(await row("k:flaky")).toMatchObject({
      status: "PENDING",
      attempts: 1,
      notBefore: new Date(T0.getTime() + 5000),
      lastError: "slack: HTTP 500",
    });
    clock.set(4999);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(5000);
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    expect(await row("k:flaky")).toMatchObject({ attempts: 2, notBefore: new Date(T0.getTime() + 15_000) });
    clock.set(14_999);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(15_000);
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    expect(await row("k:flaky")).toMatchObject({ status: "SENT", attempts: 3 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("caps the backoff at 15 minutes", async () => {
    await enqueue("k:down", channel("C-ENERGY"));
    slack.failNext("chat.postMessage", 503, { times: 20 });
    const w = worker({ maxAttempts: 20, random: () => 0.999_999 });
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = clock.now().getTime();
      await w.runOnce();
      const next = (await row("k:down")).notBefore.getTime();
      delays.push(next - before);
      clock.set(next - T0.getTime());
    }
    expect(delays.slice(0, 3)).toEqual([10_000, 20_000, 40_000]);
    expect(Math.max(...delays)).toBe(15 * 60_000);
  });

  it("gives up after maxAttempts retryable failures: FAILED with an audit entry", async () => {
    await enqueue("k:hopeless", channel("C-ENERGY"));
    slack.failNext("chat.postMessage", 502, { times: 10 });
    const w = worker({ maxAttempts: 3 });
    for (const at of [0, 5000, 15_000]) {
      clock.set(at);
      await w.runOnce();
    }
    expect(await row("k:hopeless")).toMatchObject({ status: "FAILED", attempts: 3 });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "notification.failed" } });
    expect(String((entry.details as Json).error)).toMatch(/gave up after 3 attempts: slack: HTTP 502/);
    clock.set(3_600_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("a permanent Slack error (not_in_channel) fails the row at once, visibly to the coordinator", async () => {
    const cluster = await db.prisma.cluster.create({ data: { name: "Energy" } });
    await enqueue("k:kicked", channel("C-PRIVATE"), { clusterId: cluster.id });
    slack.failNext("chat.postMessage", 200, { error: "not_in_channel" });

    expect(await worker().runOnce()).toMatchObject({ failed: 1, retried: 0, sent: 0 });
    const failed = await row("k:kicked");
    expect(failed).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "slack: not_in_channel",
      leaseOwner: null,
    });
    const entries = await db.prisma.auditEntry.findMany({ where: { clusterId: cluster.id } });
    expect(entries).toEqual([
      expect.objectContaining({
        action: "notification.failed",
        actorId: null,
        subjectType: "OutboxMessage",
        subjectId: failed.id,
        details: {
          key: "k:kicked",
          recipient: { platform: "SLACK", kind: "channel", id: "C-PRIVATE" },
          error: "slack: not_in_channel",
          attempts: 1,
        },
      }),
    ]);
    clock.set(3_600_000);
    expect(await worker().runOnce()).toMatchObject({ claimed: 0 });
  });

  it("a person who left (conversations.open: user_not_found) fails permanently", async () => {
    await enqueue("k:gone", user("U-GONE"));
    slack.failNext("conversations.open", 200, { error: "user_not_found" });
    expect(await worker().runOnce()).toMatchObject({ failed: 1 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
    expect(await row("k:gone")).toMatchObject({ status: "FAILED", lastError: "slack: user_not_found" });
  });

  it("a malformed payload fails permanently instead of looping", async () => {
    await db.prisma.outboxMessage.create({
      data: {
        key: "k:garbage",
        platform: "SLACK",
        target: "C-1",
        payload: { hello: "world" },
        notBefore: T0,
      },
    });
    expect(await worker().runOnce()).toMatchObject({ failed: 1 });
    expect((await row("k:garbage")).lastError).toMatch(/^malformed payload/);
    expect(slack.calls).toHaveLength(0);
  });

  it("does not claim rows for a platform it has no gateway for", async () => {
    await enqueueNotification(db.prisma, {
      key: "k:teams-only",
      recipient: { platform: "TEAMS", kind: "channel", id: "19:x@thread.tacv2" },
      view: reminder("t"),
      notBefore: T0,
    });
    expect(await worker().runOnce()).toMatchObject({ claimed: 0 });
    expect(await row("k:teams-only")).toMatchObject({ status: "PENDING", attempts: 0 });
  });
});

// ── exactly once ─────────────────────────────────────────────────────────────────────────────────
describe("exactly once", () => {
  it("two workers racing on one database deliver each of 300 rows exactly once", async () => {
    const count = 300;
    for (let i = 0; i < count; i++)
      await enqueue(`race:${i}`, i % 3 === 0 ? user(`U-${i}`) : channel(`C-${i}`));
    // Separate clients (connection pools) on PostgreSQL, as two instances would have; PGlite is one
    // embedded connection, where the two workers still interleave their statements.
    const other: Database | null = db.url ? await openDatabase({ kind: "postgres", url: db.url }) : null;
    try {
      const a = worker({ workerId: "instance-a", batchSize: 20 });
      const b = worker({ workerId: "instance-b", batchSize: 20, db: other?.prisma ?? db.prisma });
      const sent = { a: 0, b: 0 };
      // 100 DMs at once are more conversations.open calls than Slack's Tier 3 allows in a burst: the
      // throttled rows wait for their Retry-After, and are still sent exactly once when it has passed.
      for (let round = 0; round < 100; round++) {
        const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
        sent.a += ra.sent;
        sent.b += rb.sent;
        expect(ra.lost + rb.lost).toBe(0);
        if (ra.claimed + rb.claimed > 0) continue;
        if ((await db.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0) break;
        clock.advance(60_000);
      }
      expect(sent.a + sent.b).toBe(count);
      expect(sent.a).toBeGreaterThan(0);
      expect(sent.b).toBeGreaterThan(0);
    } finally {
      await other?.close();
    }
    const perKey = acceptedPerKey();
    expect(perKey.size).toBe(count);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(slack.rateLimitedCount).toBeGreaterThan(0);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(count);
    expect(await db.prisma.outboxMessage.count({ where: { status: "SENT" } })).toBe(count);
  });

  it("a row whose worker crashed mid-send is sent by another worker after the lease, once", async () => {
    await enqueue("k:crash", channel("C-ENERGY"));
    // Worker A claims the row and its delivery never comes back: the process "died" mid-send.
    const hung = new HungGateway();
    const a = worker({ workerId: "instance-a", gateways: { SLACK: hung }, leaseMs: 60_000 });
    const aRun = a.runOnce();
    await hung.called;
    expect(await row("k:crash")).toMatchObject({
      status: "PENDING",
      leaseOwner: expect.stringMatching(/^instance-a:/),
    });

    // B sees a leased row: nothing to do until the lease runs out.
    const b = worker({ workerId: "instance-b", leaseMs: 60_000 });
    clock.set(59_999);
    expect(await b.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(60_000);
    expect(await b.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    clock.set(200_000);
    expect(await b.runOnce()).toMatchObject({ claimed: 0 });
    expect(acceptedPerKey()).toEqual(new Map([["k:crash", 1]]));
    expect(await row("k:crash")).toMatchObject({ status: "SENT", sentAt: new Date(T0.getTime() + 60_000) });

    // If A ever comes back, its lease is gone: it records nothing over B's result.
    hung.finish({ ok: false, retryable: true, error: "socket hang up" });
    expect(await aRun).toMatchObject({ claimed: 1, sent: 0, retried: 0, lost: 1 });
    expect(await row("k:crash")).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
  });

  it("a row a restarted instance finds leased by its former self waits for the lease, then goes once", async () => {
    await enqueue("k:restart", user("U-AINO"));
    const hung = new HungGateway();
    const before = worker({ workerId: "host-1", gateways: { SLACK: hung } }).runOnce();
    await hung.called;
    const restarted = worker({ workerId: "host-1" });
    expect(await restarted.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(60_000);
    expect(await restarted.runOnce()).toMatchObject({ sent: 1 });
    hung.finish({ ok: true });
    expect(await before).toMatchObject({ sent: 0, lost: 1 });
    expect(acceptedPerKey()).toEqual(new Map([["k:restart", 1]]));
  });
});

/** Stands for a remote that never answers: resolves only when the test says so. */
class HungGateway implements ChatGateway {
  private release: (result: DeliveryResult) => void = () => {};
  private markCalled: () => void = () => {};
  readonly called = new Promise<void>((resolve) => {
    this.markCalled = resolve;
  });
  deliver(): Promise<DeliveryResult> {
    this.markCalled();
    return new Promise((resolve) => {
      this.release = resolve;
    });
  }
  finish(result: DeliveryResult): void {
    this.release(result);
  }
}

// ── delivery to Teams ────────────────────────────────────────────────────────────────────────────
describe("outbox worker → Teams (stored conversation references)", () => {
  const aino = teamsUser("Aino Chair");
  const energy = teamsChannel("Energy");

  /** A real turn from the channel and one from Aino's personal chat store both references. */
  async function storeReferences() {
    const chat = personalChat();
    for (const where of [{ channel: energy }, { personal: chat }]) {
      const activity = message({ serviceUrl: connector.serviceUrl, from: aino, where, text: "help" });
      expect((await postActivity(bot.baseUrl, activity)).status).toBe(200);
    }
    connector.reset();
    return { channelId: energy.channelId, personalId: chat.conversationId };
  }

  function teamsWorker(overrides: Partial<OutboxWorkerOptions> = {}) {
    // The platform's own adapter (anonymous-local: no MICROSOFT_APP_ID), with its onTurnError in place.
    const app: AppContext = { db: db.prisma, clock, compose: surfaceComposer };
    const teams = createTeamsPlatform(
      { mode: "anonymous-local", appType: "MultiTenant" },
      app,
      createDispatcher(app, silentLogger),
      silentLogger,
    );
    const gateway = createTeamsGateway({
      adapter: teams.adapter,
      appId: undefined,
      ...teamsConversationStore(db.prisma),
      log: silentLogger,
    });
    return worker({ gateways: { TEAMS: gateway }, ...overrides });
  }

  const teamsRecipient = (id: string, kind: "channel" | "user"): Recipient => ({
    platform: "TEAMS",
    kind,
    id,
  });

  it("posts a card to the channel and to the personal chat through the stored references", async () => {
    const { channelId, personalId } = await storeReferences();
    await enqueueNotification(db.prisma, {
      key: "t:channel",
      recipient: teamsRecipient(channelId, "channel"),
      view: reminder("t:channel"),
      notBefore: T0,
    });
    await enqueueNotification(db.prisma, {
      key: "t:personal",
      recipient: teamsRecipient(personalId, "user"),
      view: reminder("t:personal"),
      notBefore: T0,
    });

    expect(await teamsWorker().runOnce()).toMatchObject({ claimed: 2, sent: 2 });

    const posted = connector.posted;
    expect(posted.map((c) => c.operation)).toEqual(["send", "send"]);
    // A channel reminder starts a new post in the channel, not a reply in somebody's thread.
    expect(posted.map((c) => c.conversationId).sort()).toEqual([channelId, personalId].sort());
    const toChannel = posted.find((c) => c.conversationId === channelId)!;
    expect(toChannel.body).toMatchObject({
      type: "message",
      summary: "Reminder t:channel",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: { type: "AdaptiveCard", body: [{ type: "TextBlock", text: "**Reminder** t:channel" }] },
        },
      ],
    });
    expect(await row("t:personal")).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("a 403 (bot removed from the team) fails the row permanently, with an audit entry", async () => {
    const { channelId } = await storeReferences();
    await enqueueNotification(db.prisma, {
      key: "t:removed",
      recipient: teamsRecipient(channelId, "channel"),
      view: reminder("x"),
      notBefore: T0,
    });
    connector.failNext(403);
    expect(await teamsWorker().runOnce()).toMatchObject({ failed: 1 });
    expect(connector.calls).toHaveLength(1);
    expect((await row("t:removed")).lastError).toMatch(/^teams: HTTP 403/);
    expect(await db.prisma.auditEntry.count({ where: { action: "notification.failed" } })).toBe(1);
  });

  it("a 429 is handed back to the outbox at once (no retry inside botbuilder) and honoured", async () => {
    const { personalId } = await storeReferences();
    await enqueueNotification(db.prisma, {
      key: "t:busy",
      recipient: teamsRecipient(personalId, "user"),
      view: reminder("x"),
      notBefore: T0,
    });
    connector.failNext(429, 7);
    const w = teamsWorker();
    expect(await w.runOnce()).toMatchObject({ throttled: 1 });
    expect(connector.calls).toHaveLength(1);
    // Teams throttles per conversation: that conversation waits, on every instance.
    expect(await db.prisma.deliveryThrottle.findMany()).toEqual([
      { platform: "TEAMS", conversation: personalId, method: "send", until: new Date(T0.getTime() + 7000) },
    ]);
    clock.set(6999);
    expect(await w.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(7000);
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    expect(connector.posted).toHaveLength(2);
  });

  it("a 500 is retried by the outbox, not by botbuilder", async () => {
    const { channelId } = await storeReferences();
    await enqueueNotification(db.prisma, {
      key: "t:500",
      recipient: teamsRecipient(channelId, "channel"),
      view: reminder("x"),
      notBefore: T0,
    });
    connector.failNext(500);
    expect(await teamsWorker().runOnce()).toMatchObject({ retried: 1, throttled: 0 });
    expect(connector.calls).toHaveLength(1);
    expect(await row("t:500")).toMatchObject({ attempts: 1, status: "PENDING" });
  });

  it("opens a personal chat with a Teams user id who has only talked in a channel, and remembers it", async () => {
    const mikko = teamsUser("Mikko Member");
    const said = message({
      serviceUrl: connector.serviceUrl,
      from: mikko,
      where: { channel: energy },
      text: "help",
    });
    expect((await postActivity(bot.baseUrl, said)).status).toBe(200);
    connector.reset();
    await enqueueNotification(db.prisma, {
      key: "t:first-dm",
      recipient: teamsRecipient(mikko.id, "user"),
      view: reminder("t:first-dm"),
      notBefore: T0,
    });

    expect(await teamsWorker().runOnce()).toMatchObject({ sent: 1 });

    const [create, send] = connector.calls;
    expect(connector.calls.map((c) => c.operation)).toEqual(["createConversation", "send"]);
    expect(create!.body).toMatchObject({
      isGroup: false,
      members: [{ id: mikko.id }],
      tenantId: TENANT_ID,
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(send!.conversationId).toBe(create!.answeredId);
    expect(send!.body).toMatchObject({ type: "message", summary: "Reminder t:first-dm" });
    const stored = await db.prisma.conversationRef.findUniqueOrThrow({
      where: { platform_conversationId: { platform: "TEAMS", conversationId: create!.answeredId! } },
      include: { person: { include: { identities: true } } },
    });
    expect(stored.scope).toBe("PERSONAL");
    expect(stored.person?.identities.map((i) => i.externalId)).toEqual([mikko.id]);

    // The next notification goes straight to the chat the bot opened.
    connector.reset();
    await enqueueNotification(db.prisma, {
      key: "t:second-dm",
      recipient: teamsRecipient(create!.answeredId!, "user"),
      view: reminder("t:second-dm"),
      notBefore: T0,
    });
    expect(await teamsWorker().runOnce()).toMatchObject({ sent: 1 });
    expect(connector.calls.map((c) => [c.operation, c.conversationId])).toEqual([
      ["send", create!.answeredId],
    ]);
  });

  it("a Teams user id the bot cannot reach (bot not installed: 403 on createConversation) fails permanently", async () => {
    const mikko = teamsUser("Mikko Member");
    const said = message({
      serviceUrl: connector.serviceUrl,
      from: mikko,
      where: { channel: energy },
      text: "help",
    });
    expect((await postActivity(bot.baseUrl, said)).status).toBe(200);
    connector.reset();
    await enqueueNotification(db.prisma, {
      key: "t:no-dm",
      recipient: teamsRecipient(mikko.id, "user"),
      view: reminder("x"),
      notBefore: T0,
    });
    connector.failNext(403);
    expect(await teamsWorker().runOnce()).toMatchObject({ failed: 1 });
    expect(connector.calls.map((c) => c.operation)).toEqual(["createConversation"]);
  });

  it("a conversation without a stored reference fails permanently", async () => {
    await enqueueNotification(db.prisma, {
      key: "t:unknown",
      recipient: teamsRecipient("a:1never-talked-to-the-bot", "user"),
      view: reminder("x"),
      notBefore: T0,
    });
    expect(await teamsWorker().runOnce()).toMatchObject({ failed: 1 });
    expect(connector.calls).toHaveLength(0);
    expect(await row("t:unknown")).toMatchObject({
      status: "FAILED",
      lastError: "teams: no stored conversation reference for a:1never-talked-to-the-bot",
    });
  });
});
