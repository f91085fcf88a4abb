// Measures through the use cases: assignment with an owner notification in the outbox (same
// transaction), check-ins kept in the history and announced to every bound channel, the register.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { clusterStatus } from "../../../src/features/cycle/app/cluster-status.ts";
import { addMeasure } from "../../../src/features/measures/app/add-measure.ts";
import { listMeasures } from "../../../src/features/measures/app/list-measures.ts";
import { updateMeasure } from "../../../src/features/measures/app/update-measure.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now = new Date("2027-04-01T09:00:00Z");
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const owner = slackUser("U-OWNER", "Olli", { locale: "fi-FI" });
const other = slackUser("U-OTHER", "Emma");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = new Date("2027-04-01T09:00:00Z");
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: owner, conversation: channel });
  await joinCluster(ctx, { actor: other, conversation: channel });
});

async function ownerId() {
  return (await db.prisma.person.findFirstOrThrow({ where: { displayName: "Olli" } })).id;
}
async function assign(dueDate = "2027-05-15") {
  const result = await addMeasure(ctx, {
    actor: chair,
    conversation: channel,
    title: "Hydrogen welding course",
    ownerPersonId: await ownerId(),
    dueDate,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.measureId;
}

describe("assigning a measure", () => {
  it("stores it with its first history entry and queues the owner's message in their language", async () => {
    const id = await assign();
    const measure = await db.prisma.measure.findUniqueOrThrow({ where: { id }, include: { updates: true } });
    expect(measure).toMatchObject({ status: "PLANNED", progress: 0, updates: [{ status: "PLANNED" }] });
    expect(measure.dueDate.toISOString()).toBe("2027-05-15T00:00:00.000Z");
    const outbox = await db.prisma.outboxMessage.findMany();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      key: `measure:${id}:assigned`,
      platform: "SLACK",
      target: "U-OWNER",
      status: "PENDING",
    });
    expect(JSON.stringify(outbox[0]!.payload)).toContain(
      "Aino antoi sinulle toimenpiteen klusterissa *Energy*",
    );
    expect(JSON.stringify(outbox[0]!.payload)).toContain("ennakko.measure.done");
  });

  it("refuses members, non-member owners and due dates in the past, writing nothing", async () => {
    const base = { conversation: channel, title: "Course", dueDate: "2027-05-01" };
    expect(await addMeasure(ctx, { ...base, actor: other, ownerPersonId: await ownerId() })).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    expect(
      await addMeasure(ctx, { ...base, actor: chair, ownerPersonId: "00000000-0000-4000-8000-000000000000" }),
    ).toMatchObject({ ok: false, reason: "UNKNOWN_USER" });
    expect(
      await addMeasure(ctx, { ...base, actor: chair, ownerPersonId: await ownerId(), dueDate: "2027-03-31" }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { field: "dueDate" } });
    expect(await db.prisma.measure.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });
});

describe("checking in", () => {
  it("keeps every change in the history and posts it to the cluster channel once", async () => {
    const id = await assign();
    await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "started" } });
    // A double click on "Started" changes nothing the second time.
    const again = await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "started" } });
    expect(again).toMatchObject({ ok: true, value: { changed: false } });
    await updateMeasure(ctx, {
      actor: owner,
      measureId: id,
      change: { kind: "progress", progress: 60, note: "Curriculum drafted" },
    });
    await updateMeasure(ctx, {
      actor: owner,
      measureId: id,
      change: { kind: "blocked", reason: "No teacher yet" },
    });
    const done = await updateMeasure(ctx, { actor: chair, measureId: id, change: { kind: "done" } });
    expect(done).toMatchObject({ ok: true, value: { status: "DONE", progress: 100, changed: true } });

    const history = await db.prisma.measureUpdate.findMany({
      where: { measureId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.status, h.progress, h.note])).toEqual([
      ["PLANNED", 0, null],
      ["STARTED", 0, null],
      ["STARTED", 60, "Curriculum drafted"],
      ["BLOCKED", 60, "No teacher yet"],
      ["DONE", 100, null],
    ]);
    const posts = await db.prisma.outboxMessage.findMany({ where: { key: { contains: ":update:" } } });
    expect(posts).toHaveLength(4);
    expect(posts.every((p) => p.target === "C-ENERGY")).toBe(true);
    expect(
      await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "started" } }),
    ).toMatchObject({ ok: false, reason: "MEASURE_CLOSED" });
  });

  it("records four 'Done' check-ins arriving at once as one change with one channel post", async () => {
    const id = await assign();
    await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "started" } });
    const results = await Promise.all(
      [owner, owner, chair, owner].map((actor) =>
        updateMeasure(ctx, { actor, measureId: id, change: { kind: "done" } }),
      ),
    );
    // One click wins; the others find the measure already closed, as a later click would.
    expect(results.filter((r) => r.ok && r.value.changed)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "MEASURE_CLOSED")).toHaveLength(3);
    expect(await db.prisma.measureUpdate.count({ where: { measureId: id, status: "DONE" } })).toBe(1);
    const posts = await db.prisma.outboxMessage.findMany({ where: { key: { contains: ":update:" } } });
    expect(posts).toHaveLength(2); // "started", then one "done"
    expect(await db.prisma.auditEntry.count({ where: { action: "measure.done" } })).toBe(1);
  });

  it("records four 'Started' check-ins arriving at once as one change", async () => {
    const id = await assign();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "started" } }),
      ),
    );
    expect(results.map((r) => r.ok && r.value.changed).sort()).toEqual([false, false, false, true]);
    expect(await db.prisma.measureUpdate.count({ where: { measureId: id, status: "STARTED" } })).toBe(1);
  });

  it("lets only the owner and organisers check in, and validates input", async () => {
    const id = await assign();
    expect(
      await updateMeasure(ctx, { actor: other, measureId: id, change: { kind: "started" } }),
    ).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(
      await updateMeasure(ctx, { actor: slackUser("U-X", "X"), measureId: id, change: { kind: "started" } }),
    ).toMatchObject({ ok: false, reason: "NOT_A_MEMBER" });
    expect(
      await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "progress", progress: 140 } }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(
      await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "blocked", reason: "" } }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await db.prisma.measureUpdate.count()).toBe(1);
  });
});

describe("the register", () => {
  it("filters open, mine and overdue in the cluster's time zone", async () => {
    const late = await assign("2027-04-10");
    await assign("2027-06-01");
    await addMeasure(ctx, {
      actor: chair,
      conversation: channel,
      title: "Chair's own task",
      ownerPersonId: (await db.prisma.person.findFirstOrThrow({ where: { displayName: "Aino" } })).id,
      dueDate: "2027-06-02",
    });
    now = new Date("2027-04-10T20:59:00Z"); // 23:59 in Helsinki: still due today, not overdue
    expect(await listMeasures(ctx, { actor: chair, conversation: channel, filter: "overdue" })).toMatchObject(
      { ok: true, value: { rows: [] } },
    );
    now = new Date("2027-04-10T21:01:00Z"); // 00:01 on the 11th in Helsinki
    const overdue = await listMeasures(ctx, { actor: chair, conversation: channel, filter: "overdue" });
    expect(overdue).toMatchObject({ ok: true, value: { rows: [{ id: late, overdue: true }] } });
    const mine = await listMeasures(ctx, { actor: owner, conversation: channel, filter: "mine" });
    expect(mine.ok && mine.value.rows.map((r) => r.title)).toEqual([
      "Hydrogen welding course",
      "Hydrogen welding course",
    ]);
    await updateMeasure(ctx, { actor: owner, measureId: late, change: { kind: "done" } });
    const open = await listMeasures(ctx, { actor: other, conversation: channel });
    expect(open.ok && open.value.rows).toHaveLength(2);
  });
});

describe("undelivered notifications", () => {
  it("are shown to chairs and coordinators in the status, not to members", async () => {
    await assign();
    await db.prisma.outboxMessage.updateMany({ data: { status: "FAILED", lastError: "user_not_found" } });
    const forChair = await clusterStatus(ctx, { actor: chair, conversation: channel });
    expect(forChair).toMatchObject({
      ok: true,
      value: { failedDeliveries: { count: 1, recent: [{ target: "U-OWNER", error: "user_not_found" }] } },
    });
    const forMember = await clusterStatus(ctx, { actor: other, conversation: channel });
    expect(forMember).toMatchObject({ ok: true, value: { failedDeliveries: null } });
  });
});
