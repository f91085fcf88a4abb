// Plan → vote → finalise through the use cases, on the real database, with an injected clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assignRole } from "../../../src/features/clusters/app/assign-role.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { finaliseMeeting } from "../../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import { voteOnSlot } from "../../../src/features/meetings/app/vote-on-slot.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now = new Date("2027-03-01T10:00:00Z");
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const emma = slackUser("U-EMMA", "Emma");
const olli = slackUser("U-OLLI", "Olli");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = new Date("2027-03-01T10:00:00Z");
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy" });
  await joinCluster(ctx, { actor: emma, conversation: channel });
  await joinCluster(ctx, { actor: olli, conversation: channel });
});

const slots = [
  // Friday before the EU switch to summer time, and the Monday after it.
  { date: "2027-03-26", time: "10:00", durationMinutes: 120, place: "Rovaniemi" },
  { date: "2027-03-29", time: "10:00", durationMinutes: 120, place: "Rovaniemi" },
];

async function plan() {
  const result = await planMeeting(ctx, {
    actor: chair,
    conversation: channel,
    title: "Spring 2027",
    slots,
    agendaDeadline: { date: "2027-03-20", time: "16:00" },
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const meetingSlots = await db.prisma.meetingSlot.findMany({
    where: { meetingId: result.value.meetingId },
    orderBy: { startsAt: "asc" },
  });
  return { meetingId: result.value.meetingId, slotIds: meetingSlots.map((s) => s.id), meetingSlots };
}

describe("planning a meeting", () => {
  it("stores slots in UTC from the cluster's local time, across the DST change", async () => {
    const { meetingSlots } = await plan();
    expect(meetingSlots.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-03-26T08:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
    ]);
    const meeting = await db.prisma.meeting.findFirstOrThrow();
    expect(meeting).toMatchObject({ status: "POLLING", title: "Spring 2027" });
    expect(meeting.agendaDeadline?.toISOString()).toBe("2027-03-20T14:00:00.000Z");
  });

  it("reports every problem with its field and writes nothing", async () => {
    const result = await planMeeting(ctx, {
      actor: chair,
      conversation: channel,
      title: "S",
      slots: [
        { date: "2027-02-01", time: "10:00", durationMinutes: 120 },
        { date: "2027-03-26", time: "", durationMinutes: 120 },
      ],
      agendaDeadline: { date: "2027-04-30", time: "12:00" },
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "INVALID_PLAN",
      details: { title: "TITLE", "slots.0": "SLOT_IN_PAST", "slots.1.time": "BAD_DATE" },
    });
    expect(await db.prisma.meeting.count()).toBe(0);
  });

  it("is for organisers only", async () => {
    expect(
      await planMeeting(ctx, { actor: emma, conversation: channel, title: "Spring", slots }),
    ).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    await assignRole(ctx, {
      actor: chair,
      conversation: channel,
      target: { platform: "SLACK", tenant: "T-LAPLAND", userId: "U-EMMA" },
      role: "SECRETARY",
    });
    expect(
      await planMeeting(ctx, { actor: emma, conversation: channel, title: "Spring", slots }),
    ).toMatchObject({ ok: true });
  });
});

describe("the date poll", () => {
  it("tallies answers, lets a member change theirs, and lists who has not answered", async () => {
    const { meetingId, slotIds } = await plan();
    const [friday, monday] = slotIds as [string, string];
    await voteOnSlot(ctx, { actor: emma, conversation: channel, meetingId, slotId: friday, answer: "NO" });
    await voteOnSlot(ctx, { actor: emma, conversation: channel, meetingId, slotId: friday, answer: "YES" });
    // A double click: the same answer twice leaves one vote.
    await Promise.all(
      [1, 2].map(() =>
        voteOnSlot(ctx, {
          actor: emma,
          conversation: channel,
          meetingId,
          slotId: monday,
          answer: "IF_NEED_BE",
        }),
      ),
    );
    const result = await voteOnSlot(ctx, {
      actor: chair,
      conversation: channel,
      meetingId,
      slotId: monday,
      answer: "YES",
    });
    if (!result.ok) throw new Error(result.reason);
    const { tally, names } = result.value;
    expect(tally.slots.map((s) => s.counts)).toEqual([
      { yes: 1, ifNeedBe: 0, no: 0 },
      { yes: 1, ifNeedBe: 1, no: 0 },
    ]);
    expect(tally.pendingIds.map((id) => names[id])).toEqual(["Olli"]);
    expect(tally.best?.slotId).toBe(monday);
    expect(await db.prisma.slotVote.count()).toBe(3);
  });

  it("refuses slots of another meeting, non-members, and votes after scheduling", async () => {
    const { meetingId, slotIds } = await plan();
    const stranger = slackUser("U-STRANGER", "Stranger");
    expect(
      await voteOnSlot(ctx, {
        actor: stranger,
        conversation: channel,
        meetingId,
        slotId: slotIds[0]!,
        answer: "YES",
      }),
    ).toMatchObject({ ok: false, reason: "NOT_A_MEMBER" });
    expect(
      await voteOnSlot(ctx, {
        actor: emma,
        conversation: channel,
        meetingId: slotIds[1]!,
        slotId: slotIds[0]!,
        answer: "YES",
      }),
    ).toMatchObject({ ok: false, reason: "MEETING_NOT_FOUND" });
    expect(
      await finaliseMeeting(ctx, { actor: emma, conversation: channel, meetingId, slotId: slotIds[0]! }),
    ).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(
      await finaliseMeeting(ctx, { actor: chair, conversation: channel, meetingId, slotId: slotIds[0]! }),
    ).toMatchObject({ ok: true });
    expect(
      await voteOnSlot(ctx, {
        actor: emma,
        conversation: channel,
        meetingId,
        slotId: slotIds[1]!,
        answer: "YES",
      }),
    ).toMatchObject({ ok: false, reason: "POLL_CLOSED" });
    expect(
      await finaliseMeeting(ctx, { actor: chair, conversation: channel, meetingId, slotId: slotIds[1]! }),
    ).toMatchObject({ ok: false, reason: "POLL_CLOSED" });
    const meeting = await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting).toMatchObject({ status: "SCHEDULED", chosenSlotId: slotIds[0] });
  });

  it("schedules once when two organisers finalise at the same moment", async () => {
    const { meetingId, slotIds } = await plan();
    await assignRole(ctx, {
      actor: chair,
      conversation: channel,
      target: { platform: "SLACK", tenant: "T-LAPLAND", userId: "U-EMMA" },
      role: "COORDINATOR",
    });
    const results = await Promise.all([
      finaliseMeeting(ctx, { actor: chair, conversation: channel, meetingId, slotId: slotIds[0]! }),
      finaliseMeeting(ctx, { actor: emma, conversation: channel, meetingId, slotId: slotIds[1]! }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.prisma.auditEntry.count({ where: { action: "meeting.finalise" } })).toBe(1);
  });
});
