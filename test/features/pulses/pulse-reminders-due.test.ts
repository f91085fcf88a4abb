// Pulse reminders are due-driven: a tick looks only at the pulses whose next round has come
// (Pulse.nextReminderAt), reminds each waiting participant once per round however often (and however
// many instances) tick, and costs the same number of statements whether history holds 10 or 100
// times as many pulses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { closePulse } from "../../../src/features/pulses/app/close-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { schedulePulseReminders } from "../../../src/features/pulses/app/schedule-pulse-reminders.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
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
const matti = slackUser("U-MATTI", "Matti");
const maija = slackUser("U-MAIJA", "Maija");
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
  await joinCluster(ctx, { actor: matti, conversation: channel });
  await joinCluster(ctx, { actor: maija, conversation: channel });
  await seedQuestionBank(ctx);
});

async function create() {
  const result = await createPulse(ctx, {
    actor: chair,
    conversation: channel,
    title: "Spring 2027 pulse",
    questionKeys: ["cluster-trust", "cluster-cooperation"],
    anonymous: false,
    opensAt: new Date(MONDAY_0900),
    closesAt: new Date("2027-05-17T15:00:00Z"),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.pulseId;
}

const reminders = async () =>
  (
    await db.prisma.outboxMessage.findMany({
      where: { stage: { startsWith: "reminder-" } },
      orderBy: [{ stage: "asc" }, { target: "asc" }],
    })
  ).map(
    (r) =>
      `${r.stage} ${r.target} ${r.subject === null ? "" : "subject"} ${r.personId === null ? "" : "person"}`,
  );

/** Two instances ticking at the same moment (PostgreSQL: truly at once; PGlite: one after the other). */
const twoTicks = async () =>
  (await Promise.all([schedulePulseReminders(ctx), schedulePulseReminders(ctx)])).reduce(
    (n, r) => n + r.enqueued,
    0,
  );

async function quietTick(): Promise<number> {
  const { result, statements } = await counter.during(() => schedulePulseReminders(ctx));
  expect(result).toEqual({ enqueued: 0 });
  return statements.length;
}

const nextReminderAt = async (id: string) =>
  (await db.prisma.pulse.findUniqueOrThrow({ where: { id } })).nextReminderAt;

describe("due-driven pulse reminders", () => {
  it("reminds each waiting participant once per round, with structured keys, then stops", async () => {
    const pulseId = await create();
    expect(await twoTicks()).toBe(0); // just opened: only works out when round 1 comes
    expect(await nextReminderAt(pulseId)).toEqual(new Date(Date.parse(MONDAY_0900) + 3 * DAY));
    expect(await quietTick()).toBe(1);
    at("2027-05-06T06:00:00Z"); // round 1 (three days)
    expect(await twoTicks()).toBe(3);
    expect(await twoTicks()).toBe(0);
    at("2027-05-10T06:00:00Z"); // round 2 (seven days)
    expect(await twoTicks()).toBe(3);
    expect(await nextReminderAt(pulseId)).toBeNull(); // no round left before closing
    at("2027-05-12T06:00:00Z");
    expect(await quietTick()).toBe(1);
    expect(await reminders()).toEqual([
      "reminder-1 U-CHAIR subject person",
      "reminder-1 U-MAIJA subject person",
      "reminder-1 U-MATTI subject person",
      "reminder-2 U-CHAIR subject person",
      "reminder-2 U-MAIJA subject person",
      "reminder-2 U-MATTI subject person",
    ]);
  });

  it("never looks at a pulse again once it is closed", async () => {
    const pulseId = await create();
    await schedulePulseReminders(ctx);
    expect(await closePulse(ctx, { actor: chair, conversation: channel, pulseId })).toMatchObject({
      ok: true,
    });
    expect(await nextReminderAt(pulseId)).toBeNull();
    at("2027-05-06T06:00:00Z");
    expect(await twoTicks()).toBe(0);
  });

  it("sends as many statements on a quiet tick with 10 times the history", async () => {
    const pulseId = await create();
    await schedulePulseReminders(ctx); // round 1 is due in three days
    const { clusterId } = await db.prisma.pulse.findUniqueOrThrow({ where: { id: pulseId } });
    const member = await personOf(db, matti);
    at("2027-05-05T06:00:00Z"); // nothing due yet
    // Each seeding is followed by a tick that serves whatever it finds; the next one is measured.
    await seedHistory(clusterId, member.id, 30);
    await schedulePulseReminders(ctx);
    const small = await quietTick();
    await seedHistory(clusterId, member.id, 270);
    await schedulePulseReminders(ctx);
    const large = await quietTick();
    expect(large).toBe(small);
    at("2027-05-06T06:00:00Z"); // the live pulse is still served among them
    expect(await twoTicks()).toBe(3);
  });
});

/**
 * `n` pulses of each kind of history, each with a participant who never answered: closed; open with
 * every round already sent; open with the next round weeks away.
 */
async function seedHistory(clusterId: string, personId: string, n: number) {
  const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
  await db.prisma.$executeRaw`
    INSERT INTO "Pulse" ("id", "clusterId", "title", "opensAt", "closesAt", "status", "nextReminderAt")
    SELECT gen_random_uuid()::text, ${clusterId}, 'Old ' || i,
           CASE s."k" WHEN 0 THEN ${iso(-90 * DAY)}::timestamp(3)
                      WHEN 1 THEN ${iso(-10 * DAY)}::timestamp(3)
                      ELSE ${iso(-1 * DAY)}::timestamp(3) END,
           CASE s."k" WHEN 0 THEN ${iso(-70 * DAY)}::timestamp(3) ELSE ${iso(20 * DAY)}::timestamp(3) END,
           s."status"::"PulseStatus",
           CASE s."k" WHEN 2 THEN ${iso(20 * DAY)}::timestamp(3) END
      FROM generate_series(1, ${n}) AS i,
           (VALUES ('CLOSED', 0), ('OPEN', 1), ('OPEN', 2)) AS s("status", "k")`;
  await db.prisma.$executeRaw`
    INSERT INTO "PulseParticipation" ("pulseId", "personId", "status", "remindersSent", "updatedAt")
    SELECT p."id", ${personId}, 'INVITED', CASE WHEN p."nextReminderAt" IS NULL THEN 2 ELSE 0 END, now()
      FROM "Pulse" p WHERE p."title" LIKE 'Old %'
    ON CONFLICT DO NOTHING`;
}
