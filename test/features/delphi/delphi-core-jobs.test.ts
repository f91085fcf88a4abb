// The Delphi ticks on a real database with an injected clock (PGlite here; PostgreSQL in CI and with
// TEST_DATABASE=postgres): a round closes when its time comes, once; a scheduled next round opens
// only after the round before it closed, with every participant's new sheet; answers to a closed
// round are refused; a Delphi that fails alone does not stop the others; one reminder a day before
// a round closes, to those with statements left.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { answerDelphi } from "../../../src/features/delphi/app/answer-delphi.ts";
import { createDelphi } from "../../../src/features/delphi/app/create-delphi.ts";
import {
  closeDueDelphiRounds,
  openScheduledDelphiRounds,
} from "../../../src/features/delphi/app/delphi-jobs.ts";
import { remindDelphiParticipants } from "../../../src/features/delphi/app/delphi-reminders.ts";
import { closeDelphiRound, openNextDelphiRound } from "../../../src/features/delphi/app/manage-rounds.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const HOUR = 60 * 60_000;
const channel = slackChannel("C-JOBS");
const chair = slackUser("U-CHAIR", "Aino");
const members = ["Matti", "Maija", "Mikko"].map((name, i) => slackUser(`U-J${i}`, name));

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = {
    db: db.prisma,
    clock: { now: () => now },
    compose: surfaceComposer,
    anonymityKey: Buffer.alloc(32, 3),
  };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = new Date("2027-05-03T06:00:00Z");
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of members) await joinCluster(ctx, { actor: user, conversation: channel });
});

async function create(title: string, closesIn: number, nextIn: number | null = null) {
  const created = await createDelphi(ctx, {
    actor: chair,
    conversation: channel,
    title,
    statements: ["One.", "Two.", "Three."],
    scales: ["probability"],
    unit: "percent",
    roundClosesAt: new Date(now.getTime() + closesIn),
    nextRoundOpensAt: nextIn === null ? null : new Date(now.getTime() + nextIn),
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.value.delphiId;
}

const stages = async (delphiId: string) =>
  (
    await db.prisma.outboxMessage.findMany({
      where: { subject: `delphi:${delphiId}` },
      orderBy: { key: "asc" },
    })
  ).map((m) => m.stage);

it("closes each round when its time comes, once, and tells the channel once", async () => {
  const soon = await create("Soon", 24 * HOUR);
  const later = await create("Later", 72 * HOUR);
  expect(await closeDueDelphiRounds(ctx)).toEqual([]);

  const statement = await db.prisma.delphiStatement.findFirstOrThrow({ where: { delphiId: soon } });
  const answered = await answerDelphi(ctx, {
    actor: members[0]!,
    delphiId: soon,
    statementId: statement.id,
    round: 1,
    values: { probability: "40" },
  });
  expect(answered.ok).toBe(true);

  now = new Date(now.getTime() + 24 * HOUR);
  const closed = await closeDueDelphiRounds(ctx);
  expect(closed).toEqual([{ delphiId: soon, title: "Soon", round: 1, respondents: 1 }]);
  expect(await closeDueDelphiRounds(ctx)).toEqual([]);
  const delphi = await db.prisma.delphi.findUniqueOrThrow({ where: { id: soon } });
  expect(delphi).toMatchObject({ status: "BETWEEN", roundClosesAt: null, round: 1 });
  expect((await db.prisma.delphiRound.findFirstOrThrow({ where: { delphiId: soon } })).closedAt).toEqual(now);
  expect((await db.prisma.delphi.findUniqueOrThrow({ where: { id: later } })).status).toBe("OPEN");
  expect((await stages(soon)).filter((s) => s === "closed-r1")).toHaveLength(1);

  // An answer after closing is refused and changes nothing.
  const late = await answerDelphi(ctx, {
    actor: members[1]!,
    delphiId: soon,
    statementId: statement.id,
    round: 1,
    values: { probability: "60" },
  });
  expect(late).toMatchObject({ ok: false, reason: "DELPHI_ROUND_CLOSED" });
  // The organiser's close acts on the cluster's newest Delphi; once closed, it says so.
  expect(await closeDelphiRound(ctx, { actor: chair, conversation: channel })).toMatchObject({
    ok: true,
    value: { delphiId: later, round: 1, respondents: 0 },
  });
  expect(await closeDelphiRound(ctx, { actor: chair, conversation: channel })).toMatchObject({
    ok: false,
    reason: "DELPHI_NO_OPEN_ROUND",
  });
  expect(await db.prisma.delphiAnswered.count()).toBe(1);
});

it("refuses an answer at the closing time even before the job has run", async () => {
  const id = await create("Edge", 2 * HOUR);
  const statement = await db.prisma.delphiStatement.findFirstOrThrow({ where: { delphiId: id } });
  now = new Date(now.getTime() + 2 * HOUR);
  const refused = await answerDelphi(ctx, {
    actor: members[0]!,
    delphiId: id,
    statementId: statement.id,
    round: 1,
    values: { probability: "50" },
  });
  expect(refused).toMatchObject({ ok: false, reason: "DELPHI_ROUND_CLOSED" });
});

it("opens a scheduled next round only after the one before closed, with every participant's sheet", async () => {
  const id = await create("Scheduled", 24 * HOUR, 48 * HOUR);
  // The scheduled date comes while round 1 is still open (closed by hand later): nothing opens yet.
  now = new Date(now.getTime() + 12 * HOUR);
  await db.prisma.delphi.update({ where: { id }, data: { nextRoundOpensAt: now } });
  expect(await openScheduledDelphiRounds(ctx)).toEqual([]);

  now = new Date(now.getTime() + 12 * HOUR);
  await closeDueDelphiRounds(ctx);
  const opened = await openScheduledDelphiRounds(ctx);
  expect(opened).toEqual([
    {
      delphiId: id,
      title: "Scheduled",
      round: 2,
      closesAt: new Date(now.getTime() + 168 * HOUR),
      participants: 4,
    },
  ]);
  expect(await openScheduledDelphiRounds(ctx)).toEqual([]);
  const delphi = await db.prisma.delphi.findUniqueOrThrow({ where: { id } });
  expect(delphi).toMatchObject({ status: "OPEN", round: 2, nextRoundOpensAt: null });
  expect(await db.prisma.delphiRound.count({ where: { delphiId: id } })).toBe(2);
  const sheets = (await stages(id)).filter((s) => s === "round-r2");
  expect(sheets).toHaveLength(4);

  // The organiser cannot open round 3 while round 2 is open.
  expect(await openNextDelphiRound(ctx, { actor: chair, conversation: channel })).toMatchObject({
    ok: false,
    reason: "DELPHI_ROUND_STILL_OPEN",
  });
  // Round 2 closes by the job at its own time.
  now = new Date(now.getTime() + 168 * HOUR);
  expect((await closeDueDelphiRounds(ctx)).map((c) => c.round)).toEqual([2]);
});

it("goes on with the other Delphis when one fails", async () => {
  const broken = await create("Broken", HOUR + 60_000);
  const fine = await create("Fine", 2 * HOUR);
  // A stored scale list that no longer parses: a bug, not input; it must not stop the tick.
  await db.prisma.delphi.update({ where: { id: broken }, data: { scales: [{ key: "colour", kind: "x" }] } });
  await db.prisma.delphiRound.deleteMany({ where: { delphiId: broken } });
  const failures: string[] = [];
  now = new Date(now.getTime() + 3 * HOUR);
  const closed = await closeDueDelphiRounds({
    ...ctx,
    onJobItemFailure: (f) => failures.push(f.item.delphiId!),
  });
  expect(closed.map((c) => c.delphiId)).toEqual([fine]);
  expect(failures).toEqual([broken]);
});

it("reminds, once, a day before the round closes, those with statements left", async () => {
  const id = await create("Remind", 72 * HOUR);
  const short = await create("Short", 20 * HOUR);
  const statements = await db.prisma.delphiStatement.findMany({
    where: { delphiId: id },
    orderBy: { position: "asc" },
  });
  const rate = async (who: number, statementIds: string[]) => {
    for (const statementId of statementIds) {
      const answered = await answerDelphi(ctx, {
        actor: members[who]!,
        delphiId: id,
        statementId,
        round: 1,
        values: { probability: "50" },
      });
      if (!answered.ok) throw new Error(JSON.stringify(answered));
    }
  };
  await rate(
    0,
    statements.map((s) => s.id),
  );
  await rate(1, [statements[0]!.id]);
  // Not yet a day before; the short round (under a day) gets none at all.
  now = new Date(now.getTime() + 47 * HOUR);
  expect(await remindDelphiParticipants(ctx)).toEqual({ reminded: 0 });

  now = new Date(now.getTime() + 2 * HOUR);
  expect(await remindDelphiParticipants(ctx)).toEqual({ reminded: 3 });
  expect(await remindDelphiParticipants(ctx)).toEqual({ reminded: 0 });
  const rows = await db.prisma.outboxMessage.findMany({
    where: { subject: `delphi:${id}`, stage: "reminder-r1" },
  });
  const matti = await db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: "U-J0" } });
  const maija = await db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: "U-J1" } });
  expect(rows).toHaveLength(3);
  expect(rows.some((r) => r.personId === matti.personId)).toBe(false);
  const toMaija = rows.find((r) => r.personId === maija.personId)!;
  expect(JSON.stringify(toMaija.payload)).toContain("2 statements still wait for your answer");
  expect(
    await db.prisma.outboxMessage.count({ where: { subject: `delphi:${short}`, stage: "reminder-r1" } }),
  ).toBe(0);
});
