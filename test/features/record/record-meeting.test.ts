// Recording a meeting through the use cases, with an injected clock: when a meeting becomes
// recordable (to the millisecond), attendance, decisions (once per form), agenda outcomes, and the
// meeting turning HELD exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addAgendaItem } from "../../../src/features/agenda/app/add-agenda-item.ts";
import { curateAgendaItem } from "../../../src/features/agenda/app/curate-agenda-item.ts";
import { showAgenda } from "../../../src/features/agenda/app/show-agenda.ts";
import { assignRole } from "../../../src/features/clusters/app/assign-role.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { finaliseMeeting } from "../../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import { recordAgendaOutcome } from "../../../src/features/record/app/record-agenda-outcome.ts";
import { recordAttendance } from "../../../src/features/record/app/record-attendance.ts";
import { recordDecision } from "../../../src/features/record/app/record-decision.ts";
import {
  decisionFormOptions,
  showMeetingRecord,
} from "../../../src/features/record/app/show-meeting-record.ts";
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
// Friday 26 March 2027, 10:00 in Helsinki (UTC+2).
const STARTS = new Date("2027-03-26T08:00:00.000Z");
const OPENS = new Date(STARTS.getTime() - 2 * 60 * 60 * 1000);

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
  await assignRole(ctx, {
    actor: chair,
    conversation: channel,
    target: { platform: "SLACK", tenant: "T-LAPLAND", userId: "U-EMMA" },
    role: "SECRETARY",
  });
});

const personId = async (name: string) =>
  (await db.prisma.person.findFirstOrThrow({ where: { displayName: name } })).id;

/** A meeting planned and scheduled for STARTS, with two accepted items and one rejected. */
async function scheduledMeeting(conversation = channel, actor: PlatformUser = chair) {
  const planned = await planMeeting(ctx, {
    actor,
    conversation,
    title: conversation === channel ? "Spring 2027" : "Mining spring",
    slots: [
      { date: "2027-03-26", time: "10:00", durationMinutes: 120, place: "Rovaniemi" },
      { date: "2027-03-29", time: "10:00", durationMinutes: 120 },
    ],
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned));
  const { meetingId } = planned.value;
  const items: string[] = [];
  for (const title of ["Hydrogen valley", "Welding skills", "Gossip"]) {
    const added = await addAgendaItem(ctx, { actor, conversation, meetingId, title, kind: "TOPIC" });
    if (!added.ok) throw new Error(JSON.stringify(added));
    items.push(added.value.itemId!);
  }
  for (const [i, id] of items.entries())
    await curateAgendaItem(ctx, {
      actor,
      conversation,
      itemId: id,
      curation: { kind: i < 2 ? "accept" : "reject" },
    });
  const slot = await db.prisma.meetingSlot.findFirstOrThrow({ where: { meetingId, startsAt: STARTS } });
  const finalised = await finaliseMeeting(ctx, { actor, conversation, meetingId, slotId: slot.id });
  if (!finalised.ok) throw new Error(JSON.stringify(finalised));
  return { meetingId, items: items as [string, string, string] };
}

const status = async (meetingId: string) =>
  (await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status;

describe("when a meeting can be recorded", () => {
  it("from two hours before its start, not a millisecond earlier", async () => {
    const { meetingId } = await scheduledMeeting();
    now = new Date(OPENS.getTime() - 1);
    expect(await showMeetingRecord(ctx, { actor: emma, conversation: channel })).toEqual({
      ok: false,
      reason: "NO_MEETING_TO_RECORD",
    });
    expect(
      await recordAttendance(ctx, { actor: emma, conversation: channel, meetingId, presentPersonIds: [] }),
    ).toEqual({ ok: false, reason: "MEETING_NOT_RECORDABLE", details: { title: "Spring 2027" } });
    expect(await status(meetingId)).toBe("SCHEDULED");

    now = OPENS;
    const record = await showMeetingRecord(ctx, { actor: emma, conversation: channel });
    expect(record).toMatchObject({
      ok: true,
      value: {
        meeting: { id: meetingId, title: "Spring 2027", status: "SCHEDULED", location: "Rovaniemi" },
        // Rejected items are not part of the record.
        items: [
          { title: "Hydrogen valley", status: "ACCEPTED" },
          { title: "Welding skills", status: "ACCEPTED" },
        ],
      },
    });
    expect(record.ok && record.value.members.map((m) => [m.name, m.present])).toEqual([
      ["Aino", null],
      ["Emma", null],
      ["Olli", null],
    ]);
  });

  it("is for the chair and the secretary", async () => {
    const { meetingId } = await scheduledMeeting();
    now = STARTS;
    expect(await showMeetingRecord(ctx, { actor: olli, conversation: channel })).toMatchObject({
      reason: "FORBIDDEN",
    });
    expect(
      await recordAttendance(ctx, { actor: olli, conversation: channel, meetingId, presentPersonIds: [] }),
    ).toMatchObject({ reason: "FORBIDDEN" });
    expect(
      await recordDecision(ctx, { actor: olli, conversation: channel, meetingId, text: "We agree" }),
    ).toMatchObject({ reason: "FORBIDDEN" });
    expect(await db.prisma.attendance.count()).toBe(0);
    expect(await db.prisma.decision.count()).toBe(0);
  });
});

describe("attendance", () => {
  it("marks every member present or absent, turns the meeting HELD once, and can be corrected", async () => {
    const { meetingId } = await scheduledMeeting();
    now = new Date(STARTS.getTime() + 30 * 60_000);
    const [aino, emmaId, olliId] = [await personId("Aino"), await personId("Emma"), await personId("Olli")];
    const first = await recordAttendance(ctx, {
      actor: emma,
      conversation: channel,
      meetingId,
      presentPersonIds: [aino, emmaId],
    });
    expect(first).toMatchObject({ ok: true, value: { present: 2, absent: 1 } });
    expect(first.ok && first.value.record.members.map((m) => [m.name, m.present])).toEqual([
      ["Aino", true],
      ["Emma", true],
      ["Olli", false],
    ]);
    expect(await status(meetingId)).toBe("HELD");

    const again = await recordAttendance(ctx, {
      actor: chair,
      conversation: channel,
      meetingId,
      presentPersonIds: [aino, emmaId, olliId],
    });
    expect(again).toMatchObject({ ok: true, value: { present: 3, absent: 0 } });
    expect(await db.prisma.attendance.count({ where: { present: true } })).toBe(3);
    expect(await db.prisma.attendance.count()).toBe(3);
    expect(await db.prisma.auditEntry.count({ where: { action: "meeting.held" } })).toBe(1);
    expect(await db.prisma.auditEntry.count({ where: { action: "meeting.attendance" } })).toBe(2);
  });

  it("refuses someone who is not a member, writing nothing", async () => {
    const { meetingId } = await scheduledMeeting();
    now = STARTS;
    await setupCluster(ctx, { actor: miner, conversation: mining, name: "Mining", locale: "en" });
    const result = await recordAttendance(ctx, {
      actor: emma,
      conversation: channel,
      meetingId,
      presentPersonIds: [await personId("Aino"), await personId("Mira")],
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
      details: { field: "presentPersonIds" },
    });
    expect(
      await recordAttendance(ctx, {
        actor: emma,
        conversation: channel,
        meetingId,
        presentPersonIds: ["nope"],
      }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await db.prisma.attendance.count()).toBe(0);
    expect(await status(meetingId)).toBe("SCHEDULED");
  });
});

describe("decisions", () => {
  it("are linked to the meeting and an agenda item, recorded once per form", async () => {
    const { meetingId, items } = await scheduledMeeting();
    now = STARTS;
    const options = await decisionFormOptions(ctx, { actor: emma, conversation: channel });
    expect(options).toEqual({
      ok: true,
      value: {
        meeting: { id: meetingId, title: "Spring 2027" },
        items: [
          { id: items[0], title: "Hydrogen valley" },
          { id: items[1], title: "Welding skills" },
        ],
      },
    });
    const decide = () =>
      recordDecision(ctx, {
        actor: emma,
        conversation: channel,
        meetingId,
        agendaItemId: items[0],
        text: "  Apply for the hydrogen valley funding  ",
        sourceRef: "slack:C-ENERGY:1700000000.000100",
        requestKey: "decision-form-1",
      });
    const results = await Promise.all([decide(), decide()]);
    expect(results.map((r) => r.ok && r.value.duplicate).sort()).toEqual([false, true]);
    const decision = await db.prisma.decision.findFirstOrThrow();
    expect(decision).toMatchObject({
      meetingId,
      agendaItemId: items[0],
      text: "Apply for the hydrogen valley funding",
      sourceRef: "slack:C-ENERGY:1700000000.000100",
    });
    expect(await db.prisma.decision.count()).toBe(1);
    expect(await status(meetingId)).toBe("HELD");
    const record = await showMeetingRecord(ctx, { actor: chair, conversation: channel });
    expect(record.ok && record.value.decisions).toEqual([
      { id: decision.id, text: "Apply for the hydrogen valley funding", itemTitle: "Hydrogen valley" },
    ]);
  });

  it("refuses items of another meeting or cluster, rejected text, and meetings not yet started", async () => {
    const { meetingId, items } = await scheduledMeeting();
    await setupCluster(ctx, { actor: miner, conversation: mining, name: "Mining", locale: "en" });
    const theirs = await scheduledMeeting(mining, miner);
    const decide = (extra: object) =>
      recordDecision(ctx, { actor: emma, conversation: channel, meetingId, text: "We agree", ...extra });
    expect(await decide({})).toEqual({
      ok: false,
      reason: "MEETING_NOT_RECORDABLE",
      details: { title: "Spring 2027" },
    });
    now = STARTS;
    expect(await decide({ agendaItemId: theirs.items[0] })).toEqual({
      ok: false,
      reason: "AGENDA_ITEM_NOT_FOUND",
    });
    expect(await decide({ meetingId: theirs.meetingId })).toEqual({ ok: false, reason: "MEETING_NOT_FOUND" });
    expect(await decide({ text: "ok" })).toMatchObject({
      reason: "INVALID_INPUT",
      details: { field: "text" },
    });
    expect(await decide({ agendaItemId: "not-a-uuid" })).toMatchObject({ reason: "INVALID_INPUT" });
    // An item needs its meeting: without one it cannot be linked.
    expect(await decide({ meetingId: null, agendaItemId: items[0] })).toEqual({
      ok: false,
      reason: "AGENDA_ITEM_NOT_FOUND",
    });
    expect(await db.prisma.decision.count()).toBe(0);
    expect(await status(meetingId)).toBe("SCHEDULED");
  });

  it("between meetings belong to the cluster alone", async () => {
    expect(await decisionFormOptions(ctx, { actor: emma, conversation: channel })).toEqual({
      ok: true,
      value: { meeting: null, items: [] },
    });
    const result = await recordDecision(ctx, {
      actor: chair,
      conversation: channel,
      text: "Join the national hydrogen network",
    });
    expect(result).toMatchObject({ ok: true, value: { meetingTitle: null, duplicate: false } });
    expect(await db.prisma.decision.findFirstOrThrow()).toMatchObject({
      meetingId: null,
      agendaItemId: null,
    });
  });
});

describe("agenda outcomes", () => {
  it("marks items discussed or deferred, once, and closes the agenda of the held meeting", async () => {
    const { meetingId, items } = await scheduledMeeting();
    now = new Date(STARTS.getTime() + 60 * 60_000);
    const mark = (itemId: string, outcome: "DISCUSSED" | "DEFERRED") =>
      recordAgendaOutcome(ctx, { actor: emma, conversation: channel, itemId, outcome });
    expect(await mark(items[0], "DISCUSSED")).toMatchObject({ ok: true, value: { changed: true } });
    expect(await mark(items[0], "DISCUSSED")).toMatchObject({ ok: true, value: { changed: false } });
    const deferred = await mark(items[1], "DEFERRED");
    expect(deferred.ok && deferred.value.record.items.map((i) => [i.title, i.status])).toEqual([
      ["Hydrogen valley", "DISCUSSED"],
      ["Welding skills", "DEFERRED"],
    ]);
    // A rejected item gets no outcome; an item of another cluster is unknown.
    expect(await mark(items[2], "DISCUSSED")).toEqual({ ok: false, reason: "AGENDA_ITEM_NOT_FOUND" });
    expect(await status(meetingId)).toBe("HELD");
    expect(
      await db.prisma.auditEntry.count({
        where: { action: { in: ["agenda.discussed", "agenda.deferred"] } },
      }),
    ).toBe(2);

    // Held: it is no longer anyone's upcoming agenda, and a stale form cannot add to it.
    expect(await showAgenda(ctx, { actor: olli, conversation: channel })).toEqual({
      ok: false,
      reason: "NO_UPCOMING_MEETING",
    });
    expect(
      await addAgendaItem(ctx, {
        actor: olli,
        conversation: channel,
        meetingId,
        title: "Late idea",
        kind: "TOPIC",
      }),
    ).toEqual({ ok: false, reason: "AGENDA_CLOSED", details: { title: "Spring 2027" } });
  });

  it("refuses before the meeting has started", async () => {
    const { items } = await scheduledMeeting();
    expect(
      await recordAgendaOutcome(ctx, {
        actor: emma,
        conversation: channel,
        itemId: items[0],
        outcome: "DISCUSSED",
      }),
    ).toEqual({ ok: false, reason: "MEETING_NOT_RECORDABLE", details: { title: "Spring 2027" } });
    expect(await db.prisma.agendaItem.count({ where: { status: "DISCUSSED" } })).toBe(0);
  });
});
