// Redraws of a posted copy are merged in the outbox, and the newest version is the one left to send,
// whatever order the interactions that computed them finish in.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { queueRedraw } from "../../src/kernel/app/queue-redraw.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";

let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-03-01T10:00:00Z");
const subject = { type: "meeting", id: "m-1" };
const tally = (n: number) => ({ fallback: `tally ${n}`, elements: [{ type: "text", text: `✅ ${n}` }] });

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await db.prisma.postedMessage.createMany({
    data: [
      {
        platform: "SLACK",
        conversationId: "C-1",
        messageId: "111.222",
        subjectType: "meeting",
        subjectId: "m-1",
      },
      {
        platform: "TEAMS",
        conversationId: "19:x",
        messageId: "a-1",
        subjectType: "meeting",
        subjectId: "m-1",
      },
    ],
  });
});

const waiting = () =>
  db.prisma.outboxMessage.findMany({
    where: { stage: "redraw", status: "PENDING" },
    orderBy: [{ subject: "asc" }, { createdAt: "asc" }],
  });
const fallbacks = async () =>
  (await waiting()).map((r) => [r.subject, (r.payload as { view: { fallback: string } }).view.fallback]);

describe("queueRedraw", () => {
  it("keeps one waiting redraw per copy, carrying the newest version even when an older one comes last", async () => {
    expect(await queueRedraw(ctx, { subject, view: tally(1), version: 1 })).toEqual({ added: 2 });
    expect(await queueRedraw(ctx, { subject, view: tally(3), version: 3 })).toEqual({ added: 0 });
    // Vote 2's interaction finishes after vote 3's: its older tally must not win.
    expect(await queueRedraw(ctx, { subject, view: tally(2), version: 2 })).toEqual({ added: 0 });
    expect(await fallbacks()).toEqual([
      ["copy:SLACK:111.222", "tally 3"],
      ["copy:TEAMS:a-1", "tally 3"],
    ]);
    const [slack] = await waiting();
    expect(slack).toMatchObject({ platform: "SLACK", target: "C-1" });
    expect(slack!.payload).toMatchObject({ v: 1, kind: "channel", update: { messageId: "111.222" } });
  });

  it("adds a redraw behind one a worker is sending (it may carry an older view), then merges into it", async () => {
    await queueRedraw(ctx, { subject, view: tally(1), version: 1 });
    await db.prisma.outboxMessage.updateMany({
      where: { subject: "copy:SLACK:111.222" },
      data: { leaseOwner: "w", leaseUntil: new Date(now.getTime() + 60_000) },
    });
    expect(await queueRedraw(ctx, { subject, view: tally(2), version: 2 })).toEqual({ added: 1 });
    expect(await queueRedraw(ctx, { subject, view: tally(3), version: 3 })).toEqual({ added: 0 });
    expect(await fallbacks()).toEqual([
      ["copy:SLACK:111.222", "tally 3"],
      ["copy:SLACK:111.222", "tally 3"],
      ["copy:TEAMS:a-1", "tally 3"],
    ]);
  });

  it("puts the newest view into a tracked post not sent yet", async () => {
    await db.prisma.outboxMessage.create({
      data: {
        key: "mirror:post:meeting:m-1:TEAMS:1",
        platform: "TEAMS",
        target: "19:y",
        payload: { v: 1, kind: "channel", view: tally(0), track: subject },
      },
    });
    await queueRedraw(ctx, { subject, view: tally(4), version: 4 });
    const post = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { key: "mirror:post:meeting:m-1:TEAMS:1" },
    });
    expect(post.payload).toMatchObject({ view: { fallback: "tally 4" }, track: subject });
  });
});
