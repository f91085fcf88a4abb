// Time travel through the follow-up policy with an injected clock: what lands in the outbox, when,
// for whom — and that every tick is idempotent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assignRole } from "../../../src/features/clusters/app/assign-role.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { addMeasure } from "../../../src/features/measures/app/add-measure.ts";
import { scheduleClusterDigests } from "../../../src/features/measures/app/schedule-cluster-digests.ts";
import { scheduleMeasureFollowUps } from "../../../src/features/measures/app/schedule-measure-follow-ups.ts";
import { updateMeasure } from "../../../src/features/measures/app/update-measure.ts";
import { finaliseMeeting } from "../../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import { schedulePollNudges } from "../../../src/features/meetings/app/schedule-poll-nudges.ts";
import { voteOnSlot } from "../../../src/features/meetings/app/vote-on-slot.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const at = (iso: string) => {
  now = new Date(iso);
};
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const owner = slackUser("U-OWNER", "Olli");
const coordinator = slackUser("U-COORD", "Kaisa");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  at("2027-05-03T06:00:00Z"); // Monday 09:00 in Helsinki
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: owner, conversation: channel });
  await joinCluster(ctx, { actor: coordinator, conversation: channel });
  await assignRole(ctx, {
    actor: chair,
    conversation: channel,
    target: { platform: "SLACK", tenant: "T-LAPLAND", userId: "U-COORD" },
    role: "COORDINATOR",
  });
});

const rows = async (contains: string) =>
  (
    await db.prisma.outboxMessage.findMany({
      where: { key: { contains } },
      orderBy: [{ notBefore: "asc" }, { key: "asc" }],
    })
  ).map((r) => ({
    key: r.key.replace(/[0-9a-f-]{36}/g, "<id>"),
    target: r.target,
    notBefore: r.notBefore.toISOString(),
  }));

/** What the outbox worker would do between ticks: send what is due. */
const deliverDue = () =>
  db.prisma.outboxMessage.updateMany({
    where: { status: "PENDING", notBefore: { lte: now } },
    data: { status: "SENT", sentAt: now },
  });
const tick = async () => {
  await scheduleMeasureFollowUps(ctx);
  await deliverDue();
};

async function assign(dueDate: string) {
  const ownerId = (await db.prisma.person.findFirstOrThrow({ where: { displayName: "Olli" } })).id;
  const result = await addMeasure(ctx, {
    actor: chair,
    conversation: channel,
    title: "Welding course",
    ownerPersonId: ownerId,
    dueDate,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.value.measureId;
}

describe("measure follow-up", () => {
  it("pings the owner 7 days before, on the day and weekly while overdue, then escalates — each once", async () => {
    const id = await assign("2027-05-14"); // a Friday
    at("2027-05-07T06:00:00Z");
    await tick();
    await tick();
    at("2027-05-14T05:30:00Z"); // Friday 08:30 local
    await tick();
    at("2027-05-22T07:00:00Z"); // Saturday 10:00: the overdue ping waits for Monday 08:00
    await tick();
    at("2027-05-24T05:00:00Z");
    await tick();
    at("2027-05-28T06:00:00Z"); // 14 days overdue: the chair and the coordinator hear of it
    await tick();
    await tick();
    expect(await rows(`measure:${id}:`)).toEqual([
      { key: "measure:<id>:assigned", target: "U-OWNER", notBefore: "2027-05-03T06:00:00.000Z" },
      // Each ping is queued when the tick finds it due: at once, inside working hours.
      { key: "measure:<id>:due-7d", target: "U-OWNER", notBefore: "2027-05-07T06:00:00.000Z" },
      { key: "measure:<id>:due-0d", target: "U-OWNER", notBefore: "2027-05-14T05:30:00.000Z" },
      // Found on a Saturday: it waits for Monday 08:00.
      { key: "measure:<id>:overdue-w1", target: "U-OWNER", notBefore: "2027-05-24T05:00:00.000Z" },
      {
        key: "measure:<id>:escalate:<id>",
        target: expect.stringMatching(/^U-(CHAIR|COORD)$/),
        notBefore: "2027-05-28T06:00:00.000Z",
      },
      {
        key: "measure:<id>:escalate:<id>",
        target: expect.stringMatching(/^U-(CHAIR|COORD)$/),
        notBefore: "2027-05-28T06:00:00.000Z",
      },
      { key: "measure:<id>:overdue-w2", target: "U-OWNER", notBefore: "2027-05-28T06:00:00.000Z" },
    ]);
  });

  it("stops every ping when the measure is done, including queued ones", async () => {
    const id = await assign("2027-05-14");
    at("2027-05-08T10:00:00Z"); // Saturday: due-7d is queued for Monday
    await scheduleMeasureFollowUps(ctx);
    expect(await rows(`measure:${id}:due-7d`)).toHaveLength(1);
    await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "done" } });
    at("2027-05-20T06:00:00Z");
    await scheduleMeasureFollowUps(ctx);
    expect((await rows(`measure:${id}:`)).map((r) => r.key)).toEqual([
      "measure:<id>:assigned",
      "measure:<id>:update:<id>:SLACK",
    ]);
  });

  it("keeps 08:00 local across the change to summer time", async () => {
    at("2027-03-20T06:00:00Z");
    const id = await assign("2027-03-29"); // the Monday after the EU switch on 28 March
    at("2027-03-29T04:30:00Z"); // 07:30 EEST: before working hours, nothing yet
    await scheduleMeasureFollowUps(ctx);
    expect(await rows(`measure:${id}:due-0d`)).toEqual([]);
    at("2027-03-29T05:00:00Z"); // 08:00 EEST (it would be 06:00 UTC a day earlier, in winter time)
    await scheduleMeasureFollowUps(ctx);
    const [dueToday] = await rows(`measure:${id}:due-0d`);
    expect(dueToday!.notBefore).toBe("2027-03-29T05:00:00.000Z"); // 08:00 EEST = 05:00 UTC
    const [dueSoon] = await rows(`measure:${id}:due-7d`);
    expect(dueSoon).toBeUndefined(); // superseded: a later stage is already due
  });
});

describe("date poll nudges and reminders", () => {
  const slots = [
    { date: "2027-06-14", time: "10:00", durationMinutes: 120 },
    { date: "2027-06-15", time: "10:00", durationMinutes: 120 },
  ];

  it("nudges only members who have not answered, at most twice, and tells the organiser when all have", async () => {
    const planned = await planMeeting(ctx, {
      actor: chair,
      conversation: channel,
      title: "Summer 2027",
      slots,
    });
    if (!planned.ok) throw new Error(planned.reason);
    const meetingId = planned.value.meetingId;
    const slotIds = (
      await db.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { startsAt: "asc" } })
    ).map((s) => s.id);
    await voteOnSlot(ctx, {
      actor: chair,
      conversation: channel,
      meetingId,
      slotId: slotIds[0]!,
      answer: "YES",
    });
    at("2027-05-05T06:00:00Z"); // two days later: round 1
    await schedulePollNudges(ctx);
    expect((await rows("nudge-1")).map((r) => r.target).sort()).toEqual(["U-COORD", "U-OWNER"]);
    // Olli answers before his queued nudge goes out: it is withdrawn.
    await db.prisma.outboxMessage.updateMany({
      where: { key: { contains: "nudge-1" }, target: "U-COORD" },
      data: { status: "SENT" },
    });
    await voteOnSlot(ctx, {
      actor: owner,
      conversation: channel,
      meetingId,
      slotId: slotIds[1]!,
      answer: "IF_NEED_BE",
    });
    expect((await rows("nudge-1")).map((r) => r.target)).toEqual(["U-COORD"]);
    at("2027-05-08T06:00:00Z"); // round 2
    await schedulePollNudges(ctx);
    at("2027-05-20T06:00:00Z"); // nothing after the second round
    await schedulePollNudges(ctx);
    expect((await rows("nudge-")).map((r) => `${r.key.split(":")[2]} ${r.target}`)).toEqual([
      "nudge-1 U-COORD",
      "nudge-2 U-COORD",
    ]);
    await voteOnSlot(ctx, {
      actor: coordinator,
      conversation: channel,
      meetingId,
      slotId: slotIds[1]!,
      answer: "YES",
    });
    await voteOnSlot(ctx, {
      actor: coordinator,
      conversation: channel,
      meetingId,
      slotId: slotIds[0]!,
      answer: "NO",
    });
    expect(await rows("all-answered")).toEqual([
      { key: "meeting:<id>:all-answered", target: "U-CHAIR", notBefore: now.toISOString() },
    ]);
  });

  it("queues reminders 7 days and 1 day before the meeting, at its local time", async () => {
    const planned = await planMeeting(ctx, {
      actor: chair,
      conversation: channel,
      title: "Summer 2027",
      slots,
    });
    if (!planned.ok) throw new Error(planned.reason);
    const slot = await db.prisma.meetingSlot.findFirstOrThrow({
      where: { meetingId: planned.value.meetingId },
      orderBy: { startsAt: "asc" },
    });
    await finaliseMeeting(ctx, {
      actor: chair,
      conversation: channel,
      meetingId: planned.value.meetingId,
      slotId: slot.id,
    });
    expect(await rows("reminder")).toEqual([
      { key: "meeting:<id>:reminder-7d:s0:SLACK", target: "C-ENERGY", notBefore: "2027-06-07T07:00:00.000Z" },
      { key: "meeting:<id>:reminder-1d:s0:SLACK", target: "C-ENERGY", notBefore: "2027-06-13T07:00:00.000Z" },
    ]);
  });
});

describe("cluster digest", () => {
  it("posts changed and slipping measures once per period, and nothing when nothing happened", async () => {
    await scheduleClusterDigests(ctx);
    expect(await rows("digest")).toEqual([]);
    const id = await assign("2027-05-05");
    await updateMeasure(ctx, { actor: owner, measureId: id, change: { kind: "progress", progress: 30 } });
    at("2027-05-10T06:00:00Z"); // the next Monday: a new period, the measure is overdue
    await scheduleClusterDigests(ctx);
    await scheduleClusterDigests(ctx);
    const digests = await db.prisma.outboxMessage.findMany({ where: { key: { contains: "digest" } } });
    expect(digests).toHaveLength(1);
    const text = JSON.stringify(digests[0]!.payload);
    expect(text).toContain("Welding course");
    expect(text).toContain("Slipping");
  });
});
