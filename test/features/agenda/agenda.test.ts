// The agenda through the use cases, on the real database, with an injected clock: proposals until the
// deadline (to the millisecond), upvotes, the chair's curation, and the follow-up of open measures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addAgendaItem } from "../../../src/features/agenda/app/add-agenda-item.ts";
import { curateAgendaItem } from "../../../src/features/agenda/app/curate-agenda-item.ts";
import { checkCanPropose, showAgenda } from "../../../src/features/agenda/app/show-agenda.ts";
import { voteAgendaItem } from "../../../src/features/agenda/app/vote-agenda-item.ts";
import { assignRole } from "../../../src/features/clusters/app/assign-role.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { addMeasure } from "../../../src/features/measures/app/add-measure.ts";
import { updateMeasure } from "../../../src/features/measures/app/update-measure.ts";
import { finaliseMeeting } from "../../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import { recordAttendance } from "../../../src/features/record/app/record-attendance.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const START = new Date("2027-03-01T10:00:00Z");
let now = START;
const channel = slackChannel("C-ENERGY");
const mining = slackChannel("C-MINING");
const chair = slackUser("U-CHAIR", "Aino");
const emma = slackUser("U-EMMA", "Emma");
const olli = slackUser("U-OLLI", "Olli");
const miner = slackUser("U-MINER", "Mira");
// 16:00 in Helsinki on 20 March 2027 (winter time, UTC+2).
const DEADLINE = new Date("2027-03-20T14:00:00.000Z");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = START;
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: emma, conversation: channel });
  await joinCluster(ctx, { actor: olli, conversation: channel });
});

async function plan(conversation = channel, actor: PlatformUser = chair, title = "Spring 2027") {
  const result = await planMeeting(ctx, {
    actor,
    conversation,
    title,
    slots: [
      { date: "2027-03-26", time: "10:00", durationMinutes: 120 },
      { date: "2027-03-29", time: "10:00", durationMinutes: 120 },
    ],
    agendaDeadline: { date: "2027-03-20", time: "16:00" },
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.meetingId;
}

async function propose(actor: PlatformUser, meetingId: string, title: string, extra: object = {}) {
  return addAgendaItem(ctx, { actor, conversation: channel, meetingId, title, kind: "TOPIC", ...extra });
}

async function itemId(meetingId: string, actor: PlatformUser, title: string) {
  const result = await propose(actor, meetingId, title);
  if (!result.ok || !result.value.itemId) throw new Error(JSON.stringify(result));
  return result.value.itemId;
}

const curate = (
  itemId: string,
  curation: Parameters<typeof curateAgendaItem>[1]["curation"],
  actor = chair,
) => curateAgendaItem(ctx, { actor, conversation: channel, itemId, curation });

async function agenda(actor: PlatformUser = emma) {
  const result = await showAgenda(ctx, { actor, conversation: channel });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

describe("proposing agenda items", () => {
  it("takes items until the deadline and refuses them from the deadline on, writing nothing", async () => {
    const meetingId = await plan();
    expect(
      await propose(emma, meetingId, "Hydrogen valley", { details: "Where we stand", kind: "PROBLEM" }),
    ).toMatchObject({
      ok: true,
      value: { title: "Hydrogen valley", meetingTitle: "Spring 2027", duplicate: false },
    });

    now = new Date(DEADLINE.getTime() - 1);
    expect(await propose(olli, meetingId, "Welding skills")).toMatchObject({ ok: true });
    expect(await checkCanPropose(ctx, { actor: olli, conversation: channel })).toMatchObject({ ok: true });

    now = DEADLINE;
    expect(await propose(olli, meetingId, "Too late")).toEqual({
      ok: false,
      reason: "AGENDA_CLOSED",
      details: { title: "Spring 2027" },
    });
    expect(await checkCanPropose(ctx, { actor: olli, conversation: channel })).toMatchObject({
      ok: false,
      reason: "AGENDA_CLOSED",
    });
    const items = await db.prisma.agendaItem.findMany({ orderBy: { createdAt: "asc" } });
    expect(items.map((i) => [i.title, i.kind, i.status, i.details])).toEqual([
      ["Hydrogen valley", "PROBLEM", "PROPOSED", "Where we stand"],
      ["Welding skills", "TOPIC", "PROPOSED", null],
    ]);
    expect(await db.prisma.auditEntry.count({ where: { action: "agenda.add" } })).toBe(2);
    expect((await agenda()).open).toBe(false);
  });

  it("goes to the latest upcoming meeting; without one there is no agenda", async () => {
    expect(await showAgenda(ctx, { actor: emma, conversation: channel })).toEqual({
      ok: false,
      reason: "NO_UPCOMING_MEETING",
    });
    expect(await checkCanPropose(ctx, { actor: emma, conversation: channel })).toMatchObject({
      reason: "NO_UPCOMING_MEETING",
    });
    await plan(channel, chair, "Autumn 2026");
    now = new Date(now.getTime() + 60_000); // planned a minute later: "latest" is by creation time
    const latest = await plan(channel, chair, "Spring 2027");
    expect((await agenda()).meeting).toMatchObject({ id: latest, title: "Spring 2027", status: "POLLING" });
    expect(await checkCanPropose(ctx, { actor: emma, conversation: channel })).toEqual({
      ok: true,
      value: { meetingId: latest, meetingTitle: "Spring 2027" },
    });
  });

  it("validates every field, and refuses observers, strangers and other clusters' meetings", async () => {
    const meetingId = await plan();
    expect(await propose(emma, meetingId, "ab")).toMatchObject({
      reason: "INVALID_INPUT",
      details: { field: "title", problem: "TITLE" },
    });
    expect(await propose(emma, meetingId, "Fine title", { details: "x".repeat(2001) })).toMatchObject({
      reason: "INVALID_INPUT",
      details: { field: "details" },
    });
    expect(await propose(emma, meetingId, "Fine title", { kind: "GOSSIP" })).toMatchObject({
      reason: "INVALID_INPUT",
      details: { field: "kind" },
    });
    expect(await propose(slackUser("U-STRANGER"), meetingId, "Fine title")).toMatchObject({
      reason: "NOT_A_MEMBER",
    });
    await assignRole(ctx, {
      actor: chair,
      conversation: channel,
      target: { platform: "SLACK", tenant: "T-LAPLAND", userId: "U-OLLI" },
      role: "OBSERVER",
    });
    expect(await propose(olli, meetingId, "Fine title")).toMatchObject({ reason: "FORBIDDEN" });

    await setupCluster(ctx, { actor: miner, conversation: mining, name: "Mining", locale: "en" });
    const theirs = await plan(mining, miner, "Mining spring");
    expect(await propose(emma, theirs, "Sneaking in")).toEqual({ ok: false, reason: "MEETING_NOT_FOUND" });
    expect(await db.prisma.agendaItem.count()).toBe(0);
  });

  it("adds once when the same form is submitted twice at the same moment", async () => {
    const meetingId = await plan();
    const twice = await Promise.all(
      [1, 2].map(() => propose(emma, meetingId, "Hydrogen valley", { requestKey: "form-nonce-123" })),
    );
    expect(twice.map((r) => r.ok && r.value.duplicate).sort()).toEqual([false, true]);
    expect(await db.prisma.agendaItem.count()).toBe(1);
    // A new form (a new nonce) is a new item, even with the same title.
    expect(await propose(emma, meetingId, "Hydrogen valley", { requestKey: "form-nonce-456" })).toMatchObject(
      {
        ok: true,
        value: { duplicate: false },
      },
    );
    expect(await db.prisma.agendaItem.count()).toBe(2);
  });
});

describe("upvotes", () => {
  it("one vote per person: on twice stays one, off takes it back, and the viewer sees their own", async () => {
    const meetingId = await plan();
    const id = await itemId(meetingId, olli, "Hydrogen valley");
    const vote = (actor: PlatformUser, on: boolean) =>
      voteAgendaItem(ctx, { actor, conversation: channel, itemId: id, vote: on });
    await Promise.all([vote(emma, true), vote(emma, true)]);
    const afterChair = await vote(chair, true);
    if (!afterChair.ok) throw new Error(afterChair.reason);
    expect(afterChair.value.items[0]).toMatchObject({ votes: 2, votedByViewer: true });
    expect(await db.prisma.agendaVote.count()).toBe(2);

    const off = await vote(emma, false);
    expect(off.ok && off.value.items[0]).toMatchObject({ votes: 1, votedByViewer: false });
    expect(await vote(emma, false)).toMatchObject({ ok: true });
    expect(await db.prisma.agendaVote.count()).toBe(1);
    expect(
      await db.prisma.auditEntry.count({ where: { action: { in: ["agenda.vote", "agenda.unvote"] } } }),
    ).toBe(3);
  });

  it("refuses after the deadline, on another cluster's item, and for observers", async () => {
    const meetingId = await plan();
    const id = await itemId(meetingId, olli, "Hydrogen valley");
    await setupCluster(ctx, { actor: miner, conversation: mining, name: "Mining", locale: "en" });
    const theirMeeting = await plan(mining, miner, "Mining spring");
    const theirs = await addAgendaItem(ctx, {
      actor: miner,
      conversation: mining,
      meetingId: theirMeeting,
      title: "Tailings",
      kind: "TOPIC",
    });
    if (!theirs.ok) throw new Error(theirs.reason);
    expect(
      await voteAgendaItem(ctx, {
        actor: emma,
        conversation: channel,
        itemId: theirs.value.itemId!,
        vote: true,
      }),
    ).toEqual({ ok: false, reason: "AGENDA_ITEM_NOT_FOUND" });

    now = DEADLINE;
    expect(await voteAgendaItem(ctx, { actor: emma, conversation: channel, itemId: id, vote: true })).toEqual(
      {
        ok: false,
        reason: "AGENDA_CLOSED",
        details: { title: "Spring 2027" },
      },
    );
    expect(await db.prisma.agendaVote.count()).toBe(0);
  });
});

describe("the chair's curation", () => {
  it("accepts in order, moves items up and down, time-boxes, defers and rejects", async () => {
    const meetingId = await plan();
    const [a, b, c, d] = [
      await itemId(meetingId, emma, "Hydrogen valley"),
      await itemId(meetingId, olli, "Welding skills"),
      await itemId(meetingId, emma, "Summer school"),
      await itemId(meetingId, olli, "Newsletter"),
    ] as [string, string, string, string];
    for (const id of [b, a, c])
      expect(await curate(id, { kind: "accept" })).toMatchObject({ ok: true, value: { changed: true } });
    const accepted = async () => {
      const items = await db.prisma.agendaItem.findMany({
        where: { status: "ACCEPTED" },
        orderBy: { position: "asc" },
      });
      return items.map((i) => [i.title, i.position]);
    };
    expect(await accepted()).toEqual([
      ["Welding skills", 1],
      ["Hydrogen valley", 2],
      ["Summer school", 3],
    ]);
    await curate(c, { kind: "up" });
    expect((await accepted()).map(([t]) => t)).toEqual([
      "Welding skills",
      "Summer school",
      "Hydrogen valley",
    ]);
    await curate(b, { kind: "down" });
    expect((await accepted()).map(([t]) => t)).toEqual([
      "Summer school",
      "Welding skills",
      "Hydrogen valley",
    ]);
    // At the top, "up" changes nothing (a stale button or a double click).
    expect(await curate(c, { kind: "up" })).toMatchObject({ ok: true, value: { changed: false } });
    expect(await curate(c, { kind: "timebox", minutes: 20 })).toMatchObject({ value: { changed: true } });
    expect(await curate(c, { kind: "timebox", minutes: 20 })).toMatchObject({ value: { changed: false } });

    await curate(b, { kind: "defer" });
    expect(await accepted()).toEqual([
      ["Summer school", 1],
      ["Hydrogen valley", 2],
    ]);
    await curate(d, { kind: "reject" });
    // A double click on Accept accepts once.
    const twice = await Promise.all([curate(a, { kind: "accept" }), curate(a, { kind: "accept" })]);
    expect(twice.map((r) => r.ok && r.value.changed)).toEqual([false, false]);

    const shown = await agenda();
    expect(shown.items.find((i) => i.id === c)).toMatchObject({ timeboxMinutes: 20, position: 1 });
    expect(Object.fromEntries(shown.items.map((i) => [i.title, i.status]))).toEqual({
      "Hydrogen valley": "ACCEPTED",
      "Welding skills": "DEFERRED",
      "Summer school": "ACCEPTED",
      Newsletter: "REJECTED",
    });
    const actions = await db.prisma.auditEntry.findMany({
      where: { action: { startsWith: "agenda." }, NOT: { action: "agenda.add" } },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((e) => e.action)).toEqual([
      "agenda.accept",
      "agenda.accept",
      "agenda.accept",
      "agenda.up",
      "agenda.down",
      "agenda.timebox",
      "agenda.defer",
      "agenda.reject",
    ]);
  });

  it("is for the chair and vice-chair; works after the deadline; stops once the meeting is held", async () => {
    const meetingId = await plan();
    const id = await itemId(meetingId, emma, "Hydrogen valley");
    expect(await curate(id, { kind: "accept" }, emma)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await curate(id, { kind: "timebox", minutes: 0 })).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
    });
    now = new Date(DEADLINE.getTime() + 60_000);
    expect(await curate(id, { kind: "accept" })).toMatchObject({ ok: true, value: { changed: true } });

    const slots = await db.prisma.meetingSlot.findMany({ orderBy: { startsAt: "asc" } });
    await finaliseMeeting(ctx, { actor: chair, conversation: channel, meetingId, slotId: slots[0]!.id });
    now = slots[0]!.startsAt;
    await recordAttendance(ctx, { actor: chair, conversation: channel, meetingId, presentPersonIds: [] });
    expect(await curate(id, { kind: "defer" })).toEqual({
      ok: false,
      reason: "AGENDA_CLOSED",
      details: { title: "Spring 2027" },
    });
    expect(await db.prisma.agendaItem.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ACCEPTED",
    });
  });
});

describe("reading the agenda", () => {
  it("tells what the viewer may do, and lists the cluster's open measures for follow-up", async () => {
    const meetingId = await plan();
    await itemId(meetingId, emma, "Hydrogen valley");
    const olliId = (await db.prisma.person.findFirstOrThrow({ where: { displayName: "Olli" } })).id;
    const measure = (title: string, dueDate: string) =>
      addMeasure(ctx, { actor: chair, conversation: channel, title, ownerPersonId: olliId, dueDate });
    const late = await measure("Map welding needs", "2027-03-05");
    const done = await measure("Book the venue", "2027-03-10");
    if (!late.ok || !done.ok) throw new Error("measures");
    await updateMeasure(ctx, { actor: olli, measureId: done.value.measureId, change: { kind: "done" } });

    now = new Date("2027-03-08T10:00:00Z");
    const forEmma = await agenda(emma);
    expect(forEmma.viewer).toMatchObject({ canPropose: true, canCurate: false });
    expect(forEmma.followUp).toEqual([
      expect.objectContaining({
        title: "Map welding needs",
        ownerName: "Olli",
        dueDate: "2027-03-05",
        overdue: true,
      }),
    ]);
    expect((await agenda(chair)).viewer).toMatchObject({ canPropose: true, canCurate: true });
    expect(forEmma.meeting.agendaDeadline?.toISOString()).toBe(DEADLINE.toISOString());
  });
});
