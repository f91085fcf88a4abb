// Slack DM channels are kept in the database: two instances (two gateways, each with its own memory)
// over one database open a person's DM once in total, and a restarted instance opens none. Real
// database, the real outbox worker and Slack gateway, the fake Slack Web API counting the calls.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../../src/db/open-database.ts";
import { createOutboxWorker } from "../../../src/jobs/outbox-worker.ts";
import { enqueueNotification } from "../../../src/kernel/app/outbox/enqueue-notification.ts";
import { slackDmChannelStore } from "../../../src/kernel/app/outbox/slack-dm-channels.ts";
import { text, view } from "../../../src/kernel/surface/view.ts";
import { silentLogger } from "../../../src/log/logger.ts";
import { createSlackGateway } from "../../../src/platforms/slack/slack-gateway.ts";
import { FakeSlackApi } from "../../fakes/slack-api.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";

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
beforeEach(async () => {
  await truncateAll(db);
  slack.reset();
});

/** One bot instance: its own gateway (and so its own in-memory DM map) and outbox worker. */
function instance(name: string, database: Database["prisma"]) {
  const gateway = createSlackGateway({
    token: "xoxb-test-token",
    apiUrl: slack.apiUrl,
    log: silentLogger,
    dmChannels: slackDmChannelStore(database),
  });
  return createOutboxWorker({
    db: database,
    gateways: { SLACK: gateway },
    clock: { now: () => new Date() },
    log: silentLogger,
    workerId: name,
  });
}

const dm = (key: string, userId: string) =>
  enqueueNotification(db.prisma, {
    key,
    recipient: { platform: "SLACK", kind: "user", id: userId },
    view: view(key, text(key)),
    notBefore: new Date(Date.now() - 1000),
  });

describe("Slack DM channels in the database", () => {
  it("two instances over one database open a person's DM once in total; a restarted one opens none", async () => {
    // On PostgreSQL the second instance has its own connection pool, as a second process would.
    const other: Database | null = db.url ? await openDatabase({ kind: "postgres", url: db.url }) : null;
    try {
      const a = instance("instance-a", db.prisma);
      const b = instance("instance-b", other?.prisma ?? db.prisma);

      await dm("first", "U-AINO");
      expect(await a.runOnce()).toMatchObject({ sent: 1 });
      await dm("second", "U-AINO");
      expect(await b.runOnce()).toMatchObject({ sent: 1 });
      // A restart: a fresh gateway with empty memory.
      await dm("third", "U-AINO");
      expect(await instance("instance-a-restarted", db.prisma).runOnce()).toMatchObject({ sent: 1 });
    } finally {
      await other?.close();
    }

    expect(slack.callsTo("conversations.open").map((c) => c.body.users)).toEqual(["U-AINO"]);
    expect(slack.acceptedMessagesPerChannel()).toEqual(new Map([["D-U-AINO", 3]]));
    expect(
      await db.prisma.slackDmChannel.findMany({ select: { teamId: true, userId: true, channelId: true } }),
    ).toEqual([{ teamId: "", userId: "U-AINO", channelId: "D-U-AINO" }]);
  });

  it("keeps DM channels per workspace: the same user id in another team is opened there", async () => {
    const store = slackDmChannelStore(db.prisma);
    await store.remember("T-ONE", "U-AINO", "D-ONE");
    await store.remember("T-ONE", "U-AINO", "D-OTHER"); // a second instance's late write changes nothing
    expect(await store.find("T-ONE", "U-AINO")).toBe("D-ONE");
    expect(await store.find("", "U-AINO")).toBeNull();
    expect(await store.find("T-TWO", "U-AINO")).toBeNull();
  });
});
