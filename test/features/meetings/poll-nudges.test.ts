// Date poll nudges are due-driven: a tick looks only at the meetings whose next round has come
// (Meeting.nextNudgeAt), queues each round once however often (and however many instances) tick, and
// costs the same number of statements whether history holds 10 or 100 times as many meetings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { finaliseMeeting } from "../../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import { schedulePollNudges } from "../../../src/features/meetings/app/schedule-poll-nudges.ts";
import { voteOnSlot } from "../../../src/features/meetings/app/vote-on-slot.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { personOf, slackChannel, slackUser } from "../../support/people.ts";
import { statementCounter } from "../../support/statements.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const counter = statementCounter();
const at = (iso: string) => {
  now = new Date(iso);
};
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const olli = slackUser("U-OLLI", "Olli");
const kaisa = slackUser("U-KAISA", "Kaisa");
const MONDAY_0900 = "2027-05-03T06:00:00Z"; // Helsinki, EEST
const DAY = 86_400_000;

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  at(MONDAY_0900);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: olli, conversation: channel });
  await joinCluster(ctx, { actor: kaisa, conversation: channel });
});

async function plan() {
  const planned = await planMeeting(ctx, {
    actor: chair,
    conversation: channel,
    title: "Summer 2027",
    slots: [
      { date: "2027-06-14", time: "10:00", durationMinutes: 120 },
      { date: "2027-06-15", time: "10:00", durationMinutes: 120 },
    ],
  });
  if (!planned.ok) throw new Error(planned.reason);
  const meetingId = planned.value.meetingId;
  const slots = await db.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { startsAt: "asc" } });
  // The chair answers at once: only Olli and Kaisa are ever nudged.
  await voteOnSlot(ctx, {
    actor: chair,
    conversation: channel,
    meetingId,
    slotId: slots[0]!.id,
    answer: "YES",
  });
  return { meetingId, slotIds: slots.map((s) => s.id) };
}

const nudges = async () =>
  (
    await db.prisma.outboxMessage.findMany({
      where: { stage: { startsWith: "nudge-" } },
      orderBy: [{ stage: "asc" }, { target: "asc" }],
    })
  ).map(
    (r) =>
      `${r.stage} ${r.target} ${r.subject === null ? "" : "subject"} ${r.personId === null ? "" : "person"}`,
  );

/** Two instances ticking at the same moment (PostgreSQL: truly at once; PGlite: one after the other). */
const twoTicks = async () =>
  (await Promise.all([schedulePollNudges(ctx), schedulePollNudges(ctx)])).reduce((n, r) => n + r.enqueued, 0);

/** Statements a quiet tick sends. */
async function quietTick(): Promise<number> {
  const { result, statements } = await counter.during(() => schedulePollNudges(ctx));
  expect(result).toEqual({ enqueued: 0 });
  return statements.length;
}

describe("due-driven poll nudges", () => {
  it("queues each round once, to those who have not answered, with structured keys, then stops", async () => {
    const { meetingId } = await plan();
    // Just planned: the tick only works out when round 1 comes.
    expect(await twoTicks()).toBe(0);
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).nextNudgeAt).toEqual(
      new Date(Date.parse(MONDAY_0900) + 2 * DAY),
    );
    expect(await quietTick()).toBe(1);

    at("2027-05-05T06:00:00Z"); // round 1 (two days)
    expect(await twoTicks()).toBe(2);
    expect(await twoTicks()).toBe(0);
    at("2027-05-08T06:00:00Z"); // round 2 (five days)
    expect(await twoTicks()).toBe(2);
    at("2027-05-30T06:00:00Z");
    expect(await twoTicks()).toBe(0);
    expect(await nudges()).toEqual([
      "nudge-1 U-KAISA subject person",
      "nudge-1 U-OLLI subject person",
      "nudge-2 U-KAISA subject person",
      "nudge-2 U-OLLI subject person",
    ]);
    // No round left: the meeting is never looked at again.
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      nextNudgeAt: null,
      nudgeRound: 2,
    });
  });

  it("nudges one round, not two, after downtime that spans both", async () => {
    await plan();
    at("2027-05-20T06:00:00Z");
    expect(await twoTicks()).toBe(2);
    expect(await nudges()).toEqual(["nudge-2 U-KAISA subject person", "nudge-2 U-OLLI subject person"]);
  });

  it("stops when the meeting is scheduled, withdrawing the nudges still waiting", async () => {
    const { meetingId, slotIds } = await plan();
    at("2027-05-08T19:00:00Z"); // Saturday evening: round 2's nudges wait for Monday 08:00
    expect(await twoTicks()).toBe(2);
    const result = await finaliseMeeting(ctx, {
      actor: chair,
      conversation: channel,
      meetingId,
      slotId: slotIds[0]!,
    });
    expect(result.ok).toBe(true);
    expect(await nudges()).toEqual([]);
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).nextNudgeAt).toBeNull();
  });

  it("moves a meeting that is no longer polling out of the tick's way", async () => {
    const { meetingId } = await plan();
    // Written before finalising cleared the due time (or by hand): the tick clears it itself.
    await db.prisma.meeting.update({ where: { id: meetingId }, data: { status: "CANCELLED" } });
    at("2027-05-05T06:00:00Z");
    expect(await twoTicks()).toBe(0);
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).nextNudgeAt).toBeNull();
  });

  it("nudges the others when one member's time zone is one no engine knows, and reports that one", async () => {
    const { meetingId } = await plan();
    await schedulePollNudges(ctx);
    const olliId = (await personOf(db, olli)).id;
    // Stored before zones were validated where they enter.
    await db.prisma.person.update({ where: { id: olliId }, data: { timeZone: "Eastern Standard Time" } });
    const failures: { job: string; item: Readonly<Record<string, string>> }[] = [];
    const reporting: AppContext = {
      ...ctx,
      onJobItemFailure: ({ job, item }) => failures.push({ job, item }),
    };
    at("2027-05-05T06:00:00Z");
    expect(await schedulePollNudges(reporting)).toEqual({ enqueued: 1 });
    expect(await nudges()).toEqual(["nudge-1 U-KAISA subject person"]);
    expect(failures).toEqual([{ job: "poll-nudges", item: { meetingId, personId: olliId } }]);
  });

  it("sends as many statements on a quiet tick with 10 times the history", async () => {
    const { meetingId } = await plan();
    await schedulePollNudges(ctx); // round 1 is now due in two days
    const clusterId = (await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).clusterId;
    const voter = await personOf(db, olli);
    const seed = (n: number) => seedHistory(clusterId, voter.id, n);
    at("2027-05-04T06:00:00Z"); // nothing due yet
    // Each seeding is followed by a tick that serves whatever it finds (the code before due times
    // nudged the old polls once here); the tick after it is the quiet one measured.
    await seed(30);
    await schedulePollNudges(ctx);
    const small = await quietTick();
    await seed(270);
    await schedulePollNudges(ctx);
    const large = await quietTick();
    expect(large).toBe(small);
    // The live meeting is still served among them.
    at("2027-05-05T06:00:00Z");
    // Olli's votes on old meetings do not count as an answer to this one.
    expect(await twoTicks()).toBe(2);
  });
});

/**
 * `n` meetings of each kind of history: held, cancelled, scheduled; polling with every round done
 * (their polls answered in part); polling with the next round weeks away.
 */
async function seedHistory(clusterId: string, voterId: string, n: number) {
  const longAgo = new Date(now.getTime() - 60 * DAY).toISOString();
  const later = new Date(now.getTime() + 30 * DAY).toISOString();
  await db.prisma.$executeRaw`
    INSERT INTO "Meeting" ("id", "clusterId", "title", "status", "icsUid", "createdAt", "nextNudgeAt", "nudgeRound")
    SELECT gen_random_uuid()::text, ${clusterId}, 'Old ' || i, s."status"::"MeetingStatus", gen_random_uuid()::text,
           CASE WHEN s."status" = 'POLLING' AND s."k" = 2 THEN ${now.toISOString()}::timestamp(3)
                ELSE ${longAgo}::timestamp(3) END,
           CASE WHEN s."status" = 'POLLING' AND s."k" = 2 THEN ${later}::timestamp(3) END,
           CASE WHEN s."status" = 'POLLING' AND s."k" = 1 THEN 2 ELSE 0 END
      FROM generate_series(1, ${n}) AS i,
           (VALUES ('HELD', 0), ('CANCELLED', 0), ('SCHEDULED', 0), ('POLLING', 1), ('POLLING', 2)) AS s("status", "k")`;
  await db.prisma.$executeRaw`
    INSERT INTO "MeetingSlot" ("id", "meetingId", "startsAt", "durationMinutes")
    SELECT gen_random_uuid()::text, m."id", m."createdAt" + interval '20 days', 120
      FROM "Meeting" m WHERE NOT EXISTS (SELECT 1 FROM "MeetingSlot" s WHERE s."meetingId" = m."id")`;
  await db.prisma.$executeRaw`
    INSERT INTO "SlotVote" ("id", "slotId", "personId", "answer", "updatedAt")
    SELECT gen_random_uuid()::text, s."id", ${voterId}, 'YES', now()
      FROM "MeetingSlot" s JOIN "Meeting" m ON m."id" = s."meetingId"
     WHERE m."title" LIKE 'Old %'
    ON CONFLICT DO NOTHING`;
}
