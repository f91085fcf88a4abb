// Pulse reminders through the real use cases on a real database with an injected clock: who is
// reminded (only those who have not completed), when (rounds from the cluster's settings, working
// hours in the recipient's own zone, never after closing), once per round, withdrawn on completion,
// and in the member's language.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { leaveCluster } from "../../../src/features/clusters/app/leave-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { answerPulse } from "../../../src/features/pulses/app/answer-pulse.ts";
import { closePulse } from "../../../src/features/pulses/app/close-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { schedulePulseReminders } from "../../../src/features/pulses/app/schedule-pulse-reminders.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import type { Role } from "../../../src/kernel/domain/roles.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
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
const done = slackUser("U-DONE", "Matti"); // completes before the first round
const started = slackUser("U-STARTED", "Maija"); // answers one question, never submits
const finn = slackUser("U-FINN", "Mikko", { locale: "fi" }); // reads Finnish
const newYork = slackUser("U-NY", "Nora", { timeZone: "America/New_York" }); // works in New York
const observer = slackUser("U-OBS", "Otto");

// Monday 3 May 2027, 09:00 in Helsinki (EEST, UTC+3).
const MONDAY_0900 = "2027-05-03T06:00:00Z";
const KEYS = ["cluster-trust", "cluster-cooperation"];
const BOTH = [
  { questionKey: "cluster-trust", value: 4 },
  { questionKey: "cluster-cooperation", value: 3 },
];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(setUp);

async function setUp() {
  await truncateAll(db);
  at(MONDAY_0900);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [done, started, finn, newYork, observer])
    await joinCluster(ctx, { actor: user, conversation: channel });
  await setRole(observer, "OBSERVER");
  await seedQuestionBank(ctx);
}

async function personOf(user: PlatformUser) {
  const identity = await db.prisma.platformIdentity.findFirstOrThrow({
    where: { externalId: user.userId },
    include: { person: true },
  });
  return identity.person;
}
async function setRole(user: PlatformUser, role: Role) {
  const person = await personOf(user);
  await db.prisma.membership.updateMany({ where: { personId: person.id }, data: { role } });
}
async function remindAfterDays(days: number[]) {
  await db.prisma.cluster.updateMany({ data: { settings: { pulse: { remindAfterDays: days } } } });
}

async function create(overrides: Record<string, unknown> = {}) {
  const result = await createPulse(ctx, {
    actor: chair,
    conversation: channel,
    title: "Spring 2027 pulse",
    questionKeys: KEYS,
    anonymous: false,
    opensAt: new Date(MONDAY_0900),
    closesAt: new Date("2027-05-17T15:00:00Z"),
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.pulseId;
}
async function answered(
  actor: PlatformUser,
  pulseId: string,
  answers: { questionKey: string; value: unknown }[],
  extra = {},
) {
  const result = await answerPulse(ctx, { actor, pulseId, answers, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

/** Reminder rows, oldest first. */
const reminders = () =>
  db.prisma.outboxMessage.findMany({
    where: { key: { contains: ":reminder-" } },
    orderBy: [{ notBefore: "asc" }, { target: "asc" }, { key: "asc" }],
  });
/** "round slack-id notBefore status" per reminder row; the key's person id must be the target's. */
async function reminderSummary() {
  const people = await db.prisma.platformIdentity.findMany();
  const slackIdOf = new Map(people.map((p) => [p.personId, p.externalId]));
  return (await reminders()).map((r) => {
    const [, , round, personId] = r.key.split(":");
    expect(r).toMatchObject({ platform: "SLACK", target: slackIdOf.get(personId!) });
    return `${round} ${r.target} ${r.notBefore.toISOString()} ${r.status}`;
  });
}
/** Rounds queued per invited member, by name (the observer is never invited). */
const remindersSent = async (pulseId: string) =>
  Object.fromEntries(
    (await db.prisma.pulseParticipation.findMany({ where: { pulseId }, include: { person: true } })).map(
      (p) => [p.person.displayName, p.remindersSent],
    ),
  );

/** What the outbox worker does between ticks: send what is due. */
const deliverDue = () =>
  db.prisma.outboxMessage.updateMany({
    where: { status: "PENDING", notBefore: { lte: now } },
    data: { status: "SENT", sentAt: now },
  });

describe("pulse reminders", () => {
  it("reminds only members who have not completed, once per round, and withdraws a queued one on completion", async () => {
    const pulseId = await create();
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });
    // Before the first round: Matti submits, Maija answers one of two questions.
    at("2027-05-04T10:00:00Z");
    await answered(done, pulseId, BOTH, { submit: true });
    await answered(started, pulseId, [{ questionKey: "cluster-trust", value: 2 }]);
    at("2027-05-06T05:59:00Z"); // a minute before the first round: nothing yet
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });

    at("2027-05-06T06:00:00Z"); // Thursday 09:00 in Helsinki, 02:00 in New York
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 4 });
    const chairId = (await personOf(chair)).id;
    const firstKeys = (await reminders()).map((r) => r.key);
    expect(firstKeys).toContain(`pulse:${pulseId}:reminder-1:${chairId}`);
    expect(firstKeys.every((k) => /^pulse:[0-9a-f-]{36}:reminder-1:[0-9a-f-]{36}$/.test(k))).toBe(true);
    // Ticking again at the same time, or an hour later, queues nothing more.
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });
    at("2027-05-06T07:00:00Z");
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });
    at("2027-05-06T06:00:00Z");
    expect(await reminderSummary()).toEqual([
      // Nobody who completed, no observer; a member who started is reminded like one who did not.
      "reminder-1 U-CHAIR 2027-05-06T06:00:00.000Z PENDING",
      "reminder-1 U-FINN 2027-05-06T06:00:00.000Z PENDING",
      "reminder-1 U-STARTED 2027-05-06T06:00:00.000Z PENDING",
      // Nora's own zone: 08:00 in New York.
      "reminder-1 U-NY 2027-05-06T12:00:00.000Z PENDING",
    ]);
    expect(await remindersSent(pulseId)).toEqual({ Aino: 1, Matti: 0, Maija: 1, Mikko: 1, Nora: 1 });
    await deliverDue();

    // Nora finishes before her reminder goes out: it is withdrawn. Sent ones stay as they were.
    at("2027-05-06T08:00:00Z");
    await answered(newYork, pulseId, BOTH, { submit: true });
    expect(await reminderSummary()).toEqual([
      "reminder-1 U-CHAIR 2027-05-06T06:00:00.000Z SENT",
      "reminder-1 U-FINN 2027-05-06T06:00:00.000Z SENT",
      "reminder-1 U-STARTED 2027-05-06T06:00:00.000Z SENT",
    ]);
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });

    // Round 2, a week after opening: everyone still unfinished, once.
    at("2027-05-10T06:00:00Z");
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 3 });
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });
    expect((await reminderSummary()).filter((r) => r.startsWith("reminder-2"))).toEqual([
      "reminder-2 U-CHAIR 2027-05-10T06:00:00.000Z PENDING",
      "reminder-2 U-FINN 2027-05-10T06:00:00.000Z PENDING",
      "reminder-2 U-STARTED 2027-05-10T06:00:00.000Z PENDING",
    ]);
    // Maija submits: her queued round-2 reminder goes, her sent round-1 stays.
    await answered(started, pulseId, [{ questionKey: "cluster-cooperation", value: 5 }], { submit: true });
    expect((await reminderSummary()).filter((r) => r.includes("U-STARTED"))).toEqual([
      "reminder-1 U-STARTED 2027-05-06T06:00:00.000Z SENT",
    ]);
    // Two days listed in the settings: two reminders at most, however long the pulse stays open.
    at("2027-05-14T06:00:00Z");
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });
    expect(await remindersSent(pulseId)).toEqual({ Aino: 2, Matti: 0, Maija: 2, Mikko: 2, Nora: 1 });
    expect(await db.prisma.outboxMessage.count({ where: { key: { contains: ":reminder-" } } })).toBe(5);
  });

  it("speaks the member's language and names the pulse and the cluster", async () => {
    const pulseId = await create();
    at("2027-05-06T06:00:00Z");
    await schedulePulseReminders(ctx);
    const viewOf = async (user: PlatformUser) => {
      const row = await db.prisma.outboxMessage.findUniqueOrThrow({
        where: { key: `pulse:${pulseId}:reminder-1:${(await personOf(user)).id}` },
      });
      expect(row).toMatchObject({ platform: "SLACK", target: user.userId });
      return (row.payload as { view: { fallback: string; elements: unknown[] } }).view;
    };
    const fi = await viewOf(finn);
    expect(fi.fallback).toContain("Et ole vielä vastannut loppuun kyselyyn *Spring 2027 pulse* (Energy)");
    expect(JSON.stringify(fi.elements)).toContain(`"label":"${translator("fi")("pulse.reminder.open")}"`);
    expect(JSON.stringify(fi.elements)).toContain("Avaa kysely");
    const en = await viewOf(chair);
    expect(en.fallback).toContain("You have not finished *Spring 2027 pulse* (Energy)");
    expect(JSON.stringify(en.elements)).toContain("Open the pulse");
    // The button opens this pulse's sheet.
    expect(JSON.stringify(en.elements)).toContain(`"value":"${pulseId}|"`);
  });

  it("waits for Monday 08:00 when a round falls on a weekend, in the recipient's own zone", async () => {
    await remindAfterDays([5]); // Monday 09:00 + 5 days = Saturday 09:00
    const pulseId = await create();
    at("2027-05-08T06:00:00Z"); // Saturday 09:00 in Helsinki, 02:00 in New York
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 5 });
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });
    expect(await reminderSummary()).toEqual([
      // 08:00 EEST on Monday 10 May
      "reminder-1 U-CHAIR 2027-05-10T05:00:00.000Z PENDING",
      "reminder-1 U-DONE 2027-05-10T05:00:00.000Z PENDING",
      "reminder-1 U-FINN 2027-05-10T05:00:00.000Z PENDING",
      "reminder-1 U-STARTED 2027-05-10T05:00:00.000Z PENDING",
      // 08:00 EDT on Monday 10 May
      "reminder-1 U-NY 2027-05-10T12:00:00.000Z PENDING",
    ]);
    expect(await remindersSent(pulseId)).toEqual({ Aino: 1, Matti: 1, Maija: 1, Mikko: 1, Nora: 1 });
    // Completing over the weekend withdraws the waiting reminder.
    at("2027-05-09T10:00:00Z");
    await answered(done, pulseId, BOTH, { submit: true });
    expect((await reminderSummary()).some((r) => r.includes("U-DONE"))).toBe(false);
  });

  it("sends no reminder that could only arrive after closing", async () => {
    await remindAfterDays([5]);
    // Closes Saturday 18:00: the next working time, Monday 08:00, is too late for everyone.
    const saturday = await create({ closesAt: new Date("2027-05-08T15:00:00Z") });
    at("2027-05-08T06:00:00Z");
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 0 });
    expect(await remindersSent(saturday)).toEqual({ Aino: 0, Matti: 0, Maija: 0, Mikko: 0, Nora: 0 });
    expect(await reminders()).toEqual([]);
  });

  it("sends a reminder due before closing in Helsinki but not one that would reach New York after it", async () => {
    await remindAfterDays([5]);
    // Closes Monday 09:00 in Helsinki = 02:00 in New York.
    const pulseId = await create({ closesAt: new Date("2027-05-10T06:00:00Z") });
    at("2027-05-08T06:00:00Z");
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 4 });
    expect((await reminderSummary()).map((r) => r.split(" ")[1])).toEqual([
      "U-CHAIR",
      "U-DONE",
      "U-FINN",
      "U-STARTED",
    ]);
    expect(await remindersSent(pulseId)).toMatchObject({ Nora: 0 });
  });

  it("reminds nobody about a closed pulse", async () => {
    const closedByHand = await create();
    // Its closing time passed just before the first round, and the closing job has not run yet.
    const closedByTime = await create({ closesAt: new Date("2027-05-06T05:00:00Z") });
    at("2027-05-05T06:00:00Z");
    expect((await closePulse(ctx, { actor: chair, conversation: channel, pulseId: closedByHand })).ok).toBe(
      true,
    );
    for (const when of ["2027-05-06T06:00:00Z", "2027-05-10T06:00:00Z"]) {
      at(when);
      expect(await schedulePulseReminders(ctx), when).toEqual({ enqueued: 0 });
    }
    expect(await reminders()).toEqual([]);
    for (const pulseId of [closedByHand, closedByTime])
      expect(Object.values(await remindersSent(pulseId))).toEqual([0, 0, 0, 0, 0]);
  });

  it("follows the cluster's settings: [] sends none, [1] at most one ever", async () => {
    await remindAfterDays([]);
    const none = await create();
    for (const when of ["2027-05-04T06:00:00Z", "2027-05-06T06:00:00Z", "2027-05-10T06:00:00Z"]) {
      at(when);
      expect(await schedulePulseReminders(ctx), when).toEqual({ enqueued: 0 });
    }
    expect(await reminders()).toEqual([]);
    expect(Object.values(await remindersSent(none))).toEqual([0, 0, 0, 0, 0]);

    await setUp();
    await remindAfterDays([1]);
    const one = await create();
    at("2027-05-04T06:00:00Z"); // Tuesday 09:00
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 5 });
    for (const when of ["2027-05-06T06:00:00Z", "2027-05-10T06:00:00Z", "2027-05-14T06:00:00Z"]) {
      at(when);
      expect(await schedulePulseReminders(ctx), when).toEqual({ enqueued: 0 });
    }
    const rows = await reminders();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.key.startsWith(`pulse:${one}:reminder-1:`))).toBe(true);
    expect(Object.values(await remindersSent(one))).toEqual([1, 1, 1, 1, 1]);
  });

  it("reminds nobody who has left the cluster or may no longer answer", async () => {
    const pulseId = await create();
    expect((await leaveCluster(ctx, { actor: finn, conversation: channel })).ok).toBe(true);
    await setRole(started, "OBSERVER");
    // Those reminders would lead nowhere: answering is refused to both.
    const one = [{ questionKey: "cluster-trust", value: 3 }];
    expect(await answerPulse(ctx, { actor: finn, pulseId, answers: one })).toMatchObject({
      ok: false,
      reason: "NOT_A_MEMBER",
    });
    at("2027-05-06T06:00:00Z");
    expect(await answerPulse(ctx, { actor: started, pulseId, answers: one })).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    expect(await schedulePulseReminders(ctx)).toEqual({ enqueued: 3 });
    expect((await reminderSummary()).map((r) => r.split(" ")[1])).toEqual(["U-CHAIR", "U-DONE", "U-NY"]);
  });
});
