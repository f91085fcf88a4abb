// Anonymous pulses against someone who holds a copy of the database, taken at any moment: while the
// pulse is open, between a member's clicks, after closing. The attacks are the ones a dump allows:
// joining rows on PostgreSQL's system columns (xmin: the writing transaction; ctid: the physical
// position), reading row order, timestamps, audit entries and unsubmitted answers. And small groups:
// per-stakeholder response rates and live results of anonymous pulses (a before/after comparison of
// live results would give away one member's answer).
// Runs on PGlite and, in CI, on PostgreSQL (test:postgres), where xmin and ctid behave the same.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { answerPulse } from "../../../src/features/pulses/app/answer-pulse.ts";
import { closePulse } from "../../../src/features/pulses/app/close-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { pulseResults } from "../../../src/features/pulses/app/pulse-results.ts";
import { pulseStatus } from "../../../src/features/pulses/app/pulse-status.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import type { StakeholderType } from "../../../src/generated/prisma/client.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { setStakeholderType, slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const channel = slackChannel("C-ANON");
const chair = slackUser("U-CHAIR", "Aino");
const secretary = slackUser("U-SEC", "Sanna");
/** Seven BUSINESS members and Minna, the only RESEARCH member. */
const business = ["Matti", "Maija", "Mikko", "Marja", "Mauri", "Mirja", "Markku"].map((name, i) =>
  slackUser(`U-B${i}`, name),
);
const minna = slackUser("U-R", "Minna");
const members = [...business, minna];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = new Date("2027-05-03T06:00:00Z");
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [secretary, ...members]) await joinCluster(ctx, { actor: user, conversation: channel });
  await setType(chair, "PUBLIC");
  await setType(secretary, "PUBLIC");
  for (const user of business) await setType(user, "BUSINESS");
  await setType(minna, "RESEARCH");
  await seedQuestionBank(ctx);
});

const setType = (user: PlatformUser, type: StakeholderType) => setStakeholderType(db, user, type);

async function create(overrides: Record<string, unknown> = {}) {
  const result = await createPulse(ctx, {
    actor: chair,
    conversation: channel,
    title: "Spring pulse",
    questionKeys: ["cluster-trust", "biggest-bottleneck"],
    anonymous: true,
    opensAt: new Date("2027-05-03T06:00:00Z"),
    closesAt: new Date("2027-05-17T15:00:00Z"),
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}
async function answered(
  actor: PlatformUser,
  pulseId: string,
  answers: { questionKey: string; value: unknown }[],
  extra: { token?: string | null; submit?: boolean } = {},
) {
  const result = await answerPulse(ctx, { actor, pulseId, answers, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

/** Every row of every table, as JSON, in one query (it runs after every click below). */
async function everyRow(): Promise<{ table: string; row: string }[]> {
  const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const union = tables
    .map(
      ({ tablename }) =>
        `SELECT '${tablename}' AS "table", row_to_json(t)::text AS row FROM "${tablename}" t`,
    )
    .join(" UNION ALL ");
  return db.prisma.$queryRawUnsafe<{ table: string; row: string }[]>(union);
}

type PoolEntry = { type: StakeholderType | null; answers: { q: string; v: unknown }[] };
async function poolOf(pulseId: string): Promise<PoolEntry[]> {
  const pool = await db.prisma.pulsePool.findUnique({ where: { pulseId } });
  return (pool?.responses ?? []) as PoolEntry[];
}

/**
 * What a dump taken now gives away. Every join on xmin from a row that names a person (participation,
 * audit entry) to where submitted answers are kept must land on all of them at once; otherwise it
 * narrows an answer down to fewer people than have submitted.
 */
async function assertDumpLinksNothing(pulseId: string, unsubmitted: readonly string[]) {
  // Response rows (once closed): every join on xmin matches all of them or none.
  const responses = await db.prisma.pulseResponse.count({ where: { pulseId } });
  const joins = {
    participation: await db.prisma.$queryRawUnsafe<{ person: string; matched: number }[]>(
      `SELECT p."personId" AS person, count(DISTINCT r.id)::int AS matched
         FROM "PulseParticipation" p JOIN "PulseResponse" r ON p.xmin = r.xmin AND r."pulseId" = p."pulseId"
        WHERE p."pulseId" = $1 GROUP BY p."personId"`,
      pulseId,
    ),
    participationToAnswers: await db.prisma.$queryRawUnsafe<{ person: string; matched: number }[]>(
      `SELECT p."personId" AS person, count(DISTINCT a."responseId")::int AS matched
         FROM "PulseParticipation" p
         JOIN "PulseAnswer" a ON p.xmin = a.xmin
         JOIN "PulseResponse" r ON r.id = a."responseId" AND r."pulseId" = p."pulseId"
        WHERE p."pulseId" = $1 GROUP BY p."personId"`,
      pulseId,
    ),
    audit: await db.prisma.$queryRawUnsafe<{ person: string; matched: number }[]>(
      `SELECT e."actorId" AS person, count(DISTINCT r.id)::int AS matched
         FROM "AuditEntry" e JOIN "PulseResponse" r ON e.xmin = r.xmin
        WHERE r."pulseId" = $1 AND e."actorId" IS NOT NULL GROUP BY e."actorId"`,
      pulseId,
    ),
  };
  for (const [attack, rows] of Object.entries(joins))
    for (const { person, matched } of rows)
      expect(matched, `${attack} join singles out responses for ${person}`).toBe(responses);
  // One transaction wrote every response and answer of the pulse: xmin orders nothing among them.
  const xmins = await db.prisma.$queryRawUnsafe<{ xmin: string }[]>(
    `SELECT DISTINCT r.xmin::text AS xmin FROM "PulseResponse" r WHERE r."pulseId" = $1
     UNION SELECT DISTINCT a.xmin::text FROM "PulseAnswer" a JOIN "PulseResponse" r ON r.id = a."responseId"
      WHERE r."pulseId" = $1`,
    pulseId,
  );
  expect(xmins.length).toBeLessThanOrEqual(1);
  // Unsubmitted answers are nowhere in readable form; no response-side row carries a time or a person.
  const people = await db.prisma.person.findMany();
  for (const { table, row } of await everyRow()) {
    for (const secret of unsubmitted)
      expect(row, `${table} holds an unsubmitted answer`).not.toContain(secret);
    if (["PulseResponse", "PulseAnswer", "PulseDraft", "PulsePool"].includes(table)) {
      expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      for (const person of people) expect(row).not.toContain(person.id);
    }
  }
  const completed = await db.prisma.pulseParticipation.count({ where: { pulseId, status: "COMPLETED" } });
  // While open: one pool row holding every submission; a join on its xmin reaches all of them.
  const pooled = await db.prisma.$queryRawUnsafe<{ person: string; entries: number }[]>(
    `SELECT p."personId" AS person, jsonb_array_length(pp.responses)::int AS entries
       FROM "PulseParticipation" p JOIN "PulsePool" pp ON p.xmin = pp.xmin AND pp."pulseId" = p."pulseId"
      WHERE p."pulseId" = $1`,
    pulseId,
  );
  for (const { person, entries } of pooled)
    expect(entries, `the pool joined to ${person} holds only some submissions`).toBe(completed);
  const poolRows = await db.prisma.pulsePool.count({ where: { pulseId } });
  expect(poolRows).toBeLessThanOrEqual(1);
}

describe("a database dump of an anonymous pulse", () => {
  it("links no answer to a person at any moment: xmin joins, audit rows, drafts, row order", async () => {
    const { pulseId } = await create();
    const submitted: string[] = [];
    for (const [i, user] of members.entries()) {
      now = new Date(Date.UTC(2027, 4, 4 + i, 6));
      const draft = `Draft ${i} ${"x".repeat(i + 1)}`; // stored trimmed: no space at the end
      const start = await answered(user, pulseId, [
        { questionKey: "cluster-trust", value: (i % 5) + 1 },
        { questionKey: "biggest-bottleneck", value: draft },
      ]);
      await assertDumpLinksNothing(pulseId, [draft]);
      const final = `Final answer ${i}`;
      await answered(user, pulseId, [{ questionKey: "biggest-bottleneck", value: final }], {
        token: start.token,
        submit: true,
      });
      submitted.push(final);
      await assertDumpLinksNothing(pulseId, []);
    }
    // The pool's order says nothing about the order of submitting (8! orders; the identity is the
    // one appending would leave). Minna, the only RESEARCH member, is not marked RESEARCH in it: that
    // entry would be hers.
    const pool = await poolOf(pulseId);
    const texts = (entries: PoolEntry[]) =>
      entries.flatMap((e) => e.answers.map((a) => a.v).filter((v) => typeof v === "string"));
    expect([...texts(pool)].sort()).toEqual([...submitted].sort());
    expect(texts(pool)).not.toEqual(submitted);
    expect(pool.filter((e) => e.type === "RESEARCH")).toHaveLength(0);
    expect(pool.filter((e) => e.type === "BUSINESS")).toHaveLength(7);
    expect(await db.prisma.pulseResponse.count()).toBe(0);

    now = new Date("2027-05-16T06:00:00Z");
    const closed = await closePulse(ctx, { actor: chair, conversation: channel, pulseId });
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    expect(closed.value.summary.respondents).toBe(8);
    await assertDumpLinksNothing(pulseId, []);
    expect(await db.prisma.pulseDraft.count()).toBe(0);
    expect(await db.prisma.pulsePool.count()).toBe(0);
    // Closed: the rows' physical order says nothing about the order of submitting either.
    const byPosition = await db.prisma.$queryRawUnsafe<{ value: string }[]>(
      `SELECT a.value #>> '{}' AS value FROM "PulseAnswer" a
         JOIN "PulseQuestion" q ON q.id = a."pulseQuestionId" JOIN "Question" qq ON qq.id = q."questionId"
        WHERE qq.key = 'biggest-bottleneck' ORDER BY a.ctid`,
    );
    expect(byPosition.map((r) => r.value).sort()).toEqual([...submitted].sort());
    expect(byPosition.map((r) => r.value)).not.toEqual(submitted);
    const responseOrder = await db.prisma.$queryRawUnsafe<{ value: string }[]>(
      `SELECT (SELECT a.value #>> '{}' FROM "PulseAnswer" a
                 JOIN "PulseQuestion" q ON q.id = a."pulseQuestionId" JOIN "Question" qq ON qq.id = q."questionId"
                WHERE a."responseId" = r.id AND qq.key = 'biggest-bottleneck') AS value
         FROM "PulseResponse" r ORDER BY r.ctid`,
    );
    expect(responseOrder.map((r) => r.value)).not.toEqual(submitted);
    // And no type at all now: Minna's answer would be "all − BUSINESS" (complementary hiding).
    expect(await db.prisma.pulseResponse.count({ where: { stakeholderType: { not: null } } })).toBe(0);
  }, 120_000); // 16 clicks, each followed by a full scan of the database

  it("members submitting at the same time all count, once each", async () => {
    const { pulseId } = await create();
    const starts = await Promise.all(
      business
        .slice(0, 4)
        .map((user, i) => answered(user, pulseId, [{ questionKey: "cluster-trust", value: i + 1 }])),
    );
    const results = await Promise.all(
      business
        .slice(0, 4)
        .map((user, i) =>
          answerPulse(ctx, { actor: user, pulseId, answers: [], token: starts[i]!.token, submit: true }),
        ),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    await assertDumpLinksNothing(pulseId, []);
    const values = (await poolOf(pulseId)).flatMap((e) => e.answers.map((a) => a.v));
    expect(values.sort()).toEqual([1, 2, 3, 4]);
  });

  it("closing rewrites submitted rows from before the pool together with it", async () => {
    const { pulseId } = await create();
    const trust = await db.prisma.pulseQuestion.findFirstOrThrow({
      where: { pulseId, question: { key: "cluster-trust" } },
    });
    // Written one by one, as the bot did before (each with its own xmin).
    const legacy = [];
    for (const value of [1, 2])
      legacy.push(
        await db.prisma.pulseResponse.create({
          data: {
            pulseId,
            stakeholderType: "BUSINESS",
            submitted: true,
            answers: { create: { pulseQuestionId: trust.id, value } },
          },
        }),
      );
    await db.prisma.pulseResponse.create({ data: { pulseId, submitted: false } });
    for (const [i, user] of business.slice(2, 5).entries())
      await answered(user, pulseId, [{ questionKey: "cluster-trust", value: 3 + i }], { submit: true });
    const closed = await closePulse(ctx, { actor: chair, conversation: channel, pulseId });
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    expect(closed.value.summary.respondents).toBe(5);
    const rows = await db.prisma.pulseResponse.findMany({ include: { answers: true } });
    expect(rows.flatMap((r) => r.answers.map((a) => a.value)).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(rows.every((r) => r.submitted && r.stakeholderType === "BUSINESS")).toBe(true);
    expect(rows.map((r) => r.id)).not.toContain(legacy[0]!.id);
    expect(rows.map((r) => r.id)).not.toContain(legacy[1]!.id);
    await assertDumpLinksNothing(pulseId, []);
  });

  it("a submitted member's sheet no longer finds their answers", async () => {
    const { pulseId } = await create();
    const start = await answered(minna, pulseId, [{ questionKey: "cluster-trust", value: 5 }]);
    expect(start.sheet.answers).toEqual({ "cluster-trust": 5 });
    const done = await answered(minna, pulseId, [], { token: start.token, submit: true });
    // The sheet drawn right after submitting shows what was sent …
    expect(done.sheet).toMatchObject({ submitted: true, answers: { "cluster-trust": 5 } });
    // … and the sealed draft is gone: nothing keyed by the member's token remains.
    expect(await db.prisma.pulseDraft.count()).toBe(0);
  });
});

describe("small groups in anonymous pulses", () => {
  it("hides stakeholder types of fewer than 3 in the response rate, with complementary hiding", async () => {
    const all = await create();
    await answered(minna, all.pulseId, [{ questionKey: "cluster-trust", value: 4 }]);
    const status = await pulseStatus(ctx, { actor: chair, conversation: channel, pulseId: all.pulseId });
    if (!status.ok) throw new Error(JSON.stringify(status));
    const rate = status.value.rate;
    // Invited: PUBLIC 2, BUSINESS 7, RESEARCH 1 ("Research: 0/1 answered" would name Minna).
    expect(rate.overall).toMatchObject({ invited: 10, started: 1, completed: 0 });
    expect(rate.byStakeholderType.RESEARCH).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    expect(rate.byStakeholderType.PUBLIC).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    expect(rate.byStakeholderType.BUSINESS).toMatchObject({ invited: 7, started: 0, completed: 0 });

    // Business and research only: the lone RESEARCH row hidden, BUSINESS = overall − RESEARCH would
    // give it back, so BUSINESS is hidden too.
    const two = await create({ audience: { kind: "stakeholders", types: ["BUSINESS", "RESEARCH"] } });
    const s2 = await pulseStatus(ctx, { actor: chair, conversation: channel, pulseId: two.pulseId });
    if (!s2.ok) throw new Error(JSON.stringify(s2));
    expect(s2.value.rate.byStakeholderType.RESEARCH).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    expect(s2.value.rate.byStakeholderType.BUSINESS).toEqual({ hidden: true, reason: "COMPLEMENTARY" });
    expect(s2.value.rate.overall).toMatchObject({ invited: 8 });

    // Named pulses show every group: the respondents agreed to be named.
    const named = await create({ anonymous: false });
    const s3 = await pulseStatus(ctx, { actor: chair, conversation: channel, pulseId: named.pulseId });
    if (!s3.ok) throw new Error(JSON.stringify(s3));
    expect(s3.value.rate.byStakeholderType.RESEARCH).toMatchObject({ invited: 1, completed: 0 });
  });

  it("shows no live results of an anonymous pulse, so no before/after comparison isolates an answer", async () => {
    const { pulseId } = await create({ resultsLive: true });
    const view = () => pulseResults(ctx, { actor: chair, conversation: channel, pulseId });
    for (const user of business.slice(0, 3))
      await answered(user, pulseId, [{ questionKey: "cluster-trust", value: 2 }], { submit: true });
    const before = await view();
    await answered(minna, pulseId, [{ questionKey: "cluster-trust", value: 5 }], { submit: true });
    const after = await view();
    // Both refused: "after − before" would be Minna's answer (the status tells who came in between).
    expect(before).toMatchObject({ ok: false, reason: "RESULTS_NOT_AVAILABLE" });
    expect(after).toMatchObject({ ok: false, reason: "RESULTS_NOT_AVAILABLE" });
    expect((await db.prisma.pulse.findUniqueOrThrow({ where: { id: pulseId } })).resultsLive).toBe(false);
    // Nor through another pulse: one that opened later and has closed compares with its predecessor,
    // and while that is still open the comparison would be its live figures.
    const later = await create({
      anonymous: false,
      opensAt: new Date("2027-05-03T07:00:00Z"),
      closesAt: new Date("2027-05-03T08:00:00Z"),
    });
    now = new Date("2027-05-03T07:00:00Z");
    await answered(secretary, later.pulseId, [{ questionKey: "cluster-trust", value: 3 }], { submit: true });
    now = new Date("2027-05-03T08:00:00Z");
    const laterResults = await pulseResults(ctx, {
      actor: chair,
      conversation: channel,
      pulseId: later.pulseId,
    });
    if (!laterResults.ok) throw new Error(JSON.stringify(laterResults));
    expect(laterResults.value).toMatchObject({ state: "CLOSED", previousPulse: null, comparisons: {} });

    // Closed, the results are there, and the response rate hides the small groups there too.
    const closed = await closePulse(ctx, { actor: chair, conversation: channel, pulseId });
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    expect(closed.value.summary.respondents).toBe(4);
    expect(closed.value.rate.byStakeholderType.RESEARCH).toEqual({ hidden: true, reason: "FEWER_THAN_3" });

    // Named pulses keep live results.
    const named = await create({ anonymous: false, resultsLive: true, opensAt: now });
    await answered(minna, named.pulseId, [{ questionKey: "cluster-trust", value: 5 }], { submit: true });
    expect(
      await pulseResults(ctx, { actor: chair, conversation: channel, pulseId: named.pulseId }),
    ).toMatchObject({ ok: true });
  });
});
