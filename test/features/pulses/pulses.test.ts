// Pulses through the use cases on a real database with an injected clock: the question bank,
// creating and copying, answering every question type (and refusing bad values with their codes),
// named edits, anonymous submit-once, audience and closing refusals, response rates, results with
// known answers, the CSV export, and an anonymity test that inspects every table.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { answerPulse } from "../../../src/features/pulses/app/answer-pulse.ts";
import { closeDuePulses } from "../../../src/features/pulses/app/close-due-pulses.ts";
import { closePulse } from "../../../src/features/pulses/app/close-pulse.ts";
import { copyPulse } from "../../../src/features/pulses/app/copy-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { exportPulseCsv } from "../../../src/features/pulses/app/export-pulse-csv.ts";
import { pulseResults } from "../../../src/features/pulses/app/pulse-results.ts";
import { pulseStatus } from "../../../src/features/pulses/app/pulse-status.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { STARTER_KEYS } from "../../../src/features/pulses/domain/starter-bank.ts";
import type { StakeholderType } from "../../../src/generated/prisma/client.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import type { Role } from "../../../src/kernel/domain/roles.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { personOf as personIn, setStakeholderType, slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const at = (iso: string) => {
  now = new Date(iso);
};
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const secretary = slackUser("U-SEC", "Sanna");
const vice = slackUser("U-VICE", "Ville");
const observer = slackUser("U-OBS", "Otto");
const outsider = slackUser("U-OUT", "Ulla");
const members = [
  slackUser("U-M1", "Matti"),
  slackUser("U-M2", "Maija"),
  slackUser("U-M3", "Mikko"),
  slackUser("U-M4", "Minna"),
];
const [m1, m2, m3, m4] = members as [PlatformUser, PlatformUser, PlatformUser, PlatformUser];
const SKILLS = ["Welding", "Automation", "Hydrogen"];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  at("2027-05-03T06:00:00Z");
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [secretary, vice, observer, ...members])
    await joinCluster(ctx, { actor: user, conversation: channel });
  await setRole(secretary, "SECRETARY");
  await setRole(vice, "VICE_CHAIR");
  await setRole(observer, "OBSERVER");
  // Chair, secretary and vice chair are EDUCATION/PUBLIC; members BUSINESS except Minna (RESEARCH).
  await setType(chair, "PUBLIC");
  await setType(secretary, "PUBLIC");
  await setType(vice, "EDUCATION");
  for (const m of [m1, m2, m3]) await setType(m, "BUSINESS");
  await setType(m4, "RESEARCH");
  const cluster = await db.prisma.cluster.findFirstOrThrow();
  await db.prisma.clusterSkill.createMany({
    data: SKILLS.map((name, position) => ({ clusterId: cluster.id, name, position })),
  });
  await seedQuestionBank(ctx);
});

const personOf = (user: PlatformUser) => personIn(db, user);
async function setRole(user: PlatformUser, role: Role) {
  const person = await personOf(user);
  await db.prisma.membership.updateMany({ where: { personId: person.id }, data: { role } });
}
const setType = (user: PlatformUser, type: StakeholderType) => setStakeholderType(db, user, type);

const ALL_TYPES = [
  "skills-demand",
  "hard-to-fill-roles",
  "recruitment-obstacle",
  "hiring-next-12m",
  "training-needs-by-level",
  "cluster-trust",
  "biggest-bottleneck",
];

async function create(overrides: Record<string, unknown> = {}) {
  const result = await createPulse(ctx, {
    actor: chair,
    conversation: channel,
    title: "Spring 2027 pulse",
    questionKeys: ALL_TYPES,
    anonymous: false,
    opensAt: new Date("2027-05-03T06:00:00Z"),
    closesAt: new Date("2027-05-17T15:00:00Z"),
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}
const answer = (
  actor: PlatformUser,
  pulseId: string,
  answers: { questionKey: string; value: unknown }[],
  extra = {},
) => answerPulse(ctx, { actor, pulseId, answers, ...extra });
async function answered(
  actor: PlatformUser,
  pulseId: string,
  answers: { questionKey: string; value: unknown }[],
  extra = {},
) {
  const result = await answer(actor, pulseId, answers, extra);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

/** The submitted answers of an open anonymous pulse. */
async function poolOf(pulseId: string) {
  const pool = await db.prisma.pulsePool.findUnique({ where: { pulseId } });
  return (pool?.responses ?? []) as { type: StakeholderType | null; answers: { q: string; v: unknown }[] }[];
}

/** A full, valid answer set for ALL_TYPES. */
const fullAnswers = (trust: number, levels: string[], hires: number) => [
  { questionKey: "skills-demand", value: [{ skill: "Welding", horizon: 1, level: "GROWING" }] },
  { questionKey: "hard-to-fill-roles", value: ["Welding"] },
  { questionKey: "recruitment-obstacle", value: "few-applicants" },
  { questionKey: "hiring-next-12m", value: hires },
  { questionKey: "training-needs-by-level", value: levels },
  { questionKey: "cluster-trust", value: trust },
];

describe("question bank", () => {
  it("seeds the starter bank once, as shared questions", async () => {
    expect(await seedQuestionBank(ctx)).toEqual({ created: 0, updated: 0, unchanged: STARTER_KEYS.length });
    const rows = await db.prisma.question.findMany();
    expect(rows).toHaveLength(STARTER_KEYS.length);
    expect(rows.every((q) => q.clusterId === null)).toBe(true);
    expect(await db.prisma.auditEntry.count({ where: { action: "question-bank.seed" } })).toBe(1);
  });
});

describe("creating and copying a pulse", () => {
  it("creates questions in order, invites the audience (never observers) and snapshots the skills", async () => {
    const pulse = await create();
    expect(pulse.questionKeys).toEqual(ALL_TYPES);
    expect(pulse.invited).toBe(7); // chair, secretary, vice chair, four members
    const row = await db.prisma.pulse.findUniqueOrThrow({ where: { id: pulse.pulseId } });
    expect(row.skills).toEqual(SKILLS);
    const observerId = (await personOf(observer)).id;
    expect(await db.prisma.pulseParticipation.count({ where: { personId: observerId } })).toBe(0);
    expect(
      await db.prisma.pulseParticipation.count({ where: { pulseId: pulse.pulseId, status: "INVITED" } }),
    ).toBe(7);
    // A later change of the cluster's list does not change the pulse's list.
    await db.prisma.clusterSkill.deleteMany({ where: { name: "Hydrogen" } });
    expect((await db.prisma.pulse.findUniqueOrThrow({ where: { id: pulse.pulseId } })).skills).toEqual(
      SKILLS,
    );
  });

  it("invites only the chosen stakeholder types", async () => {
    const pulse = await create({ audience: { kind: "stakeholders", types: ["BUSINESS", "RESEARCH"] } });
    expect(pulse.invited).toBe(4);
  });

  it("refuses members, unknown questions, bad dates and empty question lists, writing nothing", async () => {
    const base = {
      conversation: channel,
      title: "Pulse",
      questionKeys: ["cluster-trust"],
      opensAt: new Date("2027-05-04T06:00:00Z"),
      closesAt: new Date("2027-05-10T06:00:00Z"),
    };
    expect(await createPulse(ctx, { ...base, actor: m1 })).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(
      await createPulse(ctx, { ...base, actor: chair, questionKeys: ["no-such-question"] }),
    ).toMatchObject({
      ok: false,
      reason: "UNKNOWN_QUESTION",
      details: { question: "no-such-question" },
    });
    expect(
      await createPulse(ctx, { ...base, actor: chair, opensAt: new Date("2027-05-02T06:00:00Z") }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { problem: "OPENS_IN_PAST" } });
    expect(
      await createPulse(ctx, { ...base, actor: chair, closesAt: new Date("2027-05-04T05:00:00Z") }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { problem: "CLOSES_BEFORE_OPENS" } });
    expect(await createPulse(ctx, { ...base, actor: chair, questionKeys: [] })).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
      details: { field: "questionKeys" },
    });
    expect(
      await createPulse(ctx, { ...base, actor: chair, questionKeys: ["cluster-trust", "cluster-trust"] }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { problem: "DUPLICATE_QUESTION" } });
    expect(await db.prisma.pulse.count()).toBe(0);
  });

  it("refuses a pulse whose skill questions would have no skills to ask about, writing nothing", async () => {
    // The form's defaults: every bank question, the skills field left empty. The grid would have no
    // rows (a required question with no input) and "hard-to-fill roles" no choices: never submittable.
    await db.prisma.clusterSkill.deleteMany();
    const defaults = {
      actor: chair,
      conversation: channel,
      title: "Autumn pulse",
      questionKeys: ALL_TYPES,
      opensAt: new Date("2027-05-04T06:00:00Z"),
      closesAt: new Date("2027-05-10T06:00:00Z"),
    };
    const refusal = {
      ok: false,
      reason: "INVALID_INPUT",
      details: { field: "skills", problem: "NO_SKILLS" },
    };
    expect(await createPulse(ctx, defaults)).toMatchObject(refusal);
    expect(await createPulse(ctx, { ...defaults, skills: [] })).toMatchObject(refusal);
    expect(await createPulse(ctx, { ...defaults, questionKeys: ["hard-to-fill-roles"] })).toMatchObject(
      refusal,
    );
    // A list emptied in the same submit is refused, and the cluster's list is left as it was.
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    await db.prisma.clusterSkill.create({ data: { clusterId: cluster.id, name: "Welding", position: 0 } });
    expect(await createPulse(ctx, { ...defaults, skills: [] })).toMatchObject(refusal);
    expect((await db.prisma.clusterSkill.findMany()).map((s) => s.name)).toEqual(["Welding"]);
    expect(await db.prisma.pulse.count()).toBe(0);
    // Without the skill questions, or with skills to ask about, the pulse is created.
    await db.prisma.clusterSkill.deleteMany();
    expect(await createPulse(ctx, { ...defaults, questionKeys: ["cluster-trust"] })).toMatchObject({
      ok: true,
    });
    expect(await createPulse(ctx, { ...defaults, title: "With skills", skills: ["Welding"] })).toMatchObject({
      ok: true,
    });
  });

  it("refuses to copy a pulse with skill questions while the cluster's skill list is empty", async () => {
    await create();
    await db.prisma.clusterSkill.deleteMany();
    const again = {
      actor: chair,
      conversation: channel,
      opensAt: new Date("2027-11-01T06:00:00Z"),
      closesAt: new Date("2027-11-15T06:00:00Z"),
    };
    expect(await copyPulse(ctx, again)).toMatchObject({ ok: false, reason: "PULSE_NEEDS_SKILLS" });
    expect(await db.prisma.pulse.count()).toBe(1);
  });

  it("copies the previous pulse with new dates in one step", async () => {
    expect(
      await copyPulse(ctx, {
        actor: chair,
        conversation: channel,
        opensAt: new Date("2027-11-01T06:00:00Z"),
        closesAt: new Date("2027-11-15T06:00:00Z"),
      }),
    ).toMatchObject({ ok: false, reason: "NO_PREVIOUS_PULSE" });
    const first = await create({ anonymous: true, audience: { kind: "stakeholders", types: ["BUSINESS"] } });
    const copy = await copyPulse(ctx, {
      actor: secretary,
      conversation: channel,
      opensAt: new Date("2027-11-01T06:00:00Z"),
      closesAt: new Date("2027-11-15T06:00:00Z"),
    });
    expect(copy).toMatchObject({
      ok: true,
      value: { title: "Spring 2027 pulse", questionKeys: ALL_TYPES, anonymous: true, invited: 3 },
    });
    if (!copy.ok) return;
    const row = await db.prisma.pulse.findUniqueOrThrow({ where: { id: copy.value.pulseId } });
    expect(row).toMatchObject({
      copiedFromId: first.pulseId,
      audience: { kind: "stakeholders", types: ["BUSINESS"] },
    });
    expect(
      await copyPulse(ctx, {
        actor: m1,
        conversation: channel,
        opensAt: new Date("2028-05-01T06:00:00Z"),
        closesAt: new Date("2028-05-15T06:00:00Z"),
      }),
    ).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(
      await copyPulse(ctx, {
        actor: chair,
        conversation: channel,
        opensAt: new Date("2028-05-15T06:00:00Z"),
        closesAt: new Date("2028-05-01T06:00:00Z"),
      }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { problem: "CLOSES_BEFORE_OPENS" } });
  });
});

describe("answering", () => {
  it("takes every question type and refuses bad values with their codes, writing nothing", async () => {
    const { pulseId } = await create();
    const bad: [string, unknown, string][] = [
      ["cluster-trust", 7, "OUT_OF_RANGE"],
      ["cluster-trust", "lots", "WRONG_TYPE"],
      ["recruitment-obstacle", "bad-weather", "UNKNOWN_OPTION"],
      ["hard-to-fill-roles", ["Welding", "Welding"], "DUPLICATE_OPTION"],
      ["hard-to-fill-roles", ["Plumbing"], "UNKNOWN_OPTION"],
      ["training-needs-by-level", ["none", "vocational"], "EXCLUSIVE_OPTION_COMBINED"],
      ["training-needs-by-level", [], "REQUIRED"],
      ["hiring-next-12m", 20000, "OUT_OF_RANGE"],
      ["hiring-next-12m", 2.5, "NOT_AN_INTEGER"],
      ["biggest-bottleneck", "   ", "EMPTY"],
      ["skills-demand", [{ skill: "Plumbing", horizon: 1, level: "GROWING" }], "UNKNOWN_SKILL"],
      ["skills-demand", [{ skill: "Welding", horizon: 3, level: "GROWING" }], "BAD_HORIZON"],
      ["skills-demand", [{ skill: "Welding", horizon: 1, level: "HUGE" }], "BAD_LEVEL"],
    ];
    for (const [questionKey, value, code] of bad) {
      expect(
        await answer(m1, pulseId, [{ questionKey, value }]),
        `${questionKey} ${JSON.stringify(value)}`,
      ).toMatchObject({
        ok: false,
        reason: "INVALID_ANSWER",
        details: { question: questionKey, code },
      });
    }
    // A bad value among good ones: nothing of the call is written.
    expect(
      await answer(m1, pulseId, [
        { questionKey: "cluster-trust", value: 4 },
        { questionKey: "hiring-next-12m", value: -1 },
      ]),
    ).toMatchObject({ ok: false, details: { code: "OUT_OF_RANGE" } });
    expect(await answer(m1, pulseId, [{ questionKey: "no-such", value: 1 }])).toMatchObject({
      ok: false,
      reason: "UNKNOWN_QUESTION",
    });
    expect(await db.prisma.pulseAnswer.count()).toBe(0);

    const done = await answered(m1, pulseId, [
      ...fullAnswers(4, ["vocational", "uas"], 12),
      { questionKey: "biggest-bottleneck", value: "  Housing for new hires  " },
    ]);
    expect(done.answeredKeys).toEqual(ALL_TYPES);
    expect(done.missingRequired).toEqual([]);
    const values = await db.prisma.pulseAnswer.findMany({
      include: { pulseQuestion: { include: { question: true } } },
    });
    const byKey = Object.fromEntries(values.map((a) => [a.pulseQuestion.question.key, a.value]));
    expect(byKey).toMatchObject({
      "cluster-trust": 4,
      "hiring-next-12m": 12,
      "training-needs-by-level": ["vocational", "uas"],
      "biggest-bottleneck": "Housing for new hires",
      "skills-demand": [{ skill: "Welding", horizon: 1, level: "GROWING" }],
    });
  });

  it("keeps partial answers, lets a named answer change until closing, and submits only when complete", async () => {
    const { pulseId } = await create();
    const first = await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: "2" }]);
    expect(first).toMatchObject({
      anonymous: false,
      token: null,
      answeredKeys: ["cluster-trust"],
      submitted: false,
    });
    expect(first.missingRequired).toContain("hiring-next-12m");
    const me = await personOf(m1);
    const participation = () =>
      db.prisma.pulseParticipation.findUniqueOrThrow({
        where: { pulseId_personId: { pulseId, personId: me.id } },
      });
    expect((await participation()).status).toBe("STARTED");
    // Later, one more question; the first is still there.
    at("2027-05-04T06:00:00Z");
    const second = await answered(m1, pulseId, [{ questionKey: "hiring-next-12m", value: "1 250" }]);
    expect(second.answeredKeys).toEqual(["hiring-next-12m", "cluster-trust"]);
    // Submitting with required questions missing is refused and changes nothing.
    expect(await answer(m1, pulseId, [], { submit: true })).toMatchObject({
      ok: false,
      reason: "INVALID_ANSWER",
      details: { code: "REQUIRED" },
    });
    expect((await participation()).status).toBe("STARTED");
    await answered(m1, pulseId, fullAnswers(2, ["continuing"], 3), { submit: true });
    expect((await participation()).status).toBe("COMPLETED");
    // A named answer can be changed after submitting, until closing.
    const changed = await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: 5 }]);
    expect(changed.submitted).toBe(true);
    const response = await db.prisma.pulseResponse.findFirstOrThrow({ include: { answers: true } });
    expect(response).toMatchObject({ personId: me.id, stakeholderType: "BUSINESS" });
    expect(response.submittedAt).toEqual(now);
    expect(response.answers.map((a) => a.value)).toContain(5);
    expect(await db.prisma.pulseResponse.count()).toBe(1);
    at("2027-05-17T15:00:00Z");
    expect(await answer(m1, pulseId, [{ questionKey: "cluster-trust", value: 1 }])).toMatchObject({
      ok: false,
      reason: "PULSE_CLOSED",
    });
  });

  it("anonymous: collects answers under a token, submits once, refuses edits after submitting", async () => {
    const { pulseId } = await create({ anonymous: true, questionKeys: ["cluster-trust", "hiring-next-12m"] });
    const start = await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: 4 }]);
    expect(start.token).toMatch(/^[\w-]{40,}$/);
    const token = start.token!;
    const more = await answered(m1, pulseId, [{ questionKey: "hiring-next-12m", value: 3 }], { token });
    expect(more.answeredKeys).toEqual(["cluster-trust", "hiring-next-12m"]);
    // Unsubmitted: one sealed draft, no response yet.
    expect(await db.prisma.pulseDraft.count()).toBe(1);
    expect(await db.prisma.pulseResponse.count()).toBe(0);
    // A token is bound to its holder: in another member's hands (a forwarded message) it opens nothing.
    expect(await answer(m2, pulseId, [{ questionKey: "cluster-trust", value: 1 }], { token })).toMatchObject({
      ok: false,
      reason: "RESPONSE_NOT_FOUND",
    });
    // Before submitting the answers may still change.
    await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: 5 }], { token });
    const submitted = await answered(m1, pulseId, [], { token, submit: true });
    expect(submitted.submitted).toBe(true);
    const me = await personOf(m1);
    expect(
      (
        await db.prisma.pulseParticipation.findUniqueOrThrow({
          where: { pulseId_personId: { pulseId, personId: me.id } },
        })
      ).status,
    ).toBe("COMPLETED");
    // No edit after submitting, no second submission with a fresh token, retries change nothing.
    const edit = await answer(m1, pulseId, [{ questionKey: "cluster-trust", value: 1 }], { token });
    expect(edit).toMatchObject({ ok: false, reason: "PULSE_ALREADY_SUBMITTED" });
    expect(await answer(m1, pulseId, [{ questionKey: "cluster-trust", value: 1 }])).toMatchObject({
      ok: false,
      reason: "PULSE_ALREADY_SUBMITTED",
    });
    expect(await answer(m1, pulseId, [], { token, submit: true })).toMatchObject({
      ok: false,
      reason: "PULSE_ALREADY_SUBMITTED",
    });
    // Submitted answers wait in the pulse's pool until it closes; the draft is gone.
    const pool = await poolOf(pulseId);
    expect(pool).toHaveLength(1);
    expect(pool[0]!.answers.map((a) => a.v).sort()).toEqual([3, 5]);
    expect(await db.prisma.pulseDraft.count()).toBe(0);
    // Another member cannot use someone else's token after it was submitted, nor a made-up one.
    expect(await answer(m2, pulseId, [{ questionKey: "cluster-trust", value: 1 }], { token })).toMatchObject({
      ok: false,
      reason: "RESPONSE_NOT_FOUND",
    });
    expect(
      await answer(m2, pulseId, [{ questionKey: "cluster-trust", value: 1 }], { token: "x".repeat(43) }),
    ).toMatchObject({ ok: false, reason: "RESPONSE_NOT_FOUND" });
    // Submitting with a required answer missing is refused and rolls back: the member can still submit.
    const other = await answered(m2, pulseId, [{ questionKey: "cluster-trust", value: 2 }]);
    expect(await answer(m2, pulseId, [], { token: other.token, submit: true })).toMatchObject({
      ok: false,
      details: { code: "REQUIRED", question: "hiring-next-12m" },
    });
    expect(
      (
        await answered(m2, pulseId, [{ questionKey: "hiring-next-12m", value: 0 }], {
          token: other.token,
          submit: true,
        })
      ).submitted,
    ).toBe(true);
  });

  it("double clicks and concurrent submissions change nothing twice", async () => {
    const named = await create({ questionKeys: ["cluster-trust"] });
    const one = [{ questionKey: "cluster-trust", value: 3 }];
    const both = await Promise.all([answer(m1, named.pulseId, one), answer(m1, named.pulseId, one)]);
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    expect(await db.prisma.pulseResponse.count({ where: { pulseId: named.pulseId } })).toBe(1);
    expect(await db.prisma.pulseAnswer.count()).toBe(1);

    const anon = await create({ anonymous: true, questionKeys: ["cluster-trust"] });
    const a = await answered(m2, anon.pulseId, one);
    const b = await answered(m2, anon.pulseId, one);
    const submits = await Promise.all([
      answer(m2, anon.pulseId, [], { token: a.token, submit: true }),
      answer(m2, anon.pulseId, [], { token: b.token, submit: true }),
    ]);
    expect(submits.filter((r) => r.ok)).toHaveLength(1);
    expect(submits.find((r) => !r.ok)).toMatchObject({ reason: "PULSE_ALREADY_SUBMITTED" });
    expect(await poolOf(anon.pulseId)).toHaveLength(1);
  });

  it("refuses outsiders, observers, members outside the audience, and answers before opening or after closing", async () => {
    const { pulseId } = await create({
      audience: { kind: "stakeholders", types: ["BUSINESS"] },
      opensAt: new Date("2027-05-05T06:00:00Z"),
    });
    const one = [{ questionKey: "cluster-trust", value: 3 }];
    expect(await answer(m1, pulseId, one)).toMatchObject({ ok: false, reason: "PULSE_NOT_OPEN" });
    at("2027-05-05T06:00:00Z");
    expect(await answer(outsider, pulseId, one)).toMatchObject({ ok: false, reason: "NOT_A_MEMBER" });
    expect(await answer(observer, pulseId, one)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await answer(m4, pulseId, one)).toMatchObject({ ok: false, reason: "NOT_IN_AUDIENCE" });
    expect(
      await answerPulse(ctx, { actor: m1, pulseId: "00000000-0000-4000-8000-000000000000", answers: one }),
    ).toMatchObject({ ok: false, reason: "PULSE_NOT_FOUND" });
    expect((await answer(m1, pulseId, one)).ok).toBe(true);
    expect(await closePulse(ctx, { actor: m1, conversation: channel, pulseId })).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    expect((await closePulse(ctx, { actor: chair, conversation: channel, pulseId })).ok).toBe(true);
    expect(await closePulse(ctx, { actor: chair, conversation: channel, pulseId })).toMatchObject({
      ok: false,
      reason: "PULSE_CLOSED",
    });
    expect(await answer(m2, pulseId, one)).toMatchObject({ ok: false, reason: "PULSE_CLOSED" });
    expect(await db.prisma.pulseAnswer.count()).toBe(1);
  });
});

describe("status, results and export", () => {
  it("shows the response rate overall and by stakeholder type", async () => {
    const { pulseId } = await create({ questionKeys: ["cluster-trust"] });
    await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: 4 }], { submit: true });
    await answered(m2, pulseId, [{ questionKey: "cluster-trust", value: 4 }], { submit: true });
    await answered(m4, pulseId, [{ questionKey: "cluster-trust", value: 4 }], { submit: true });
    const status = await pulseStatus(ctx, { actor: observer, conversation: channel });
    expect(status).toMatchObject({ ok: true, value: { pulseId, state: "OPEN" } });
    if (!status.ok) return;
    expect(status.value.rate.overall).toEqual({ invited: 7, started: 0, completed: 3, rate: 3 / 7 });
    expect(status.value.rate.byStakeholderType.BUSINESS).toMatchObject({ invited: 3, completed: 2 });
    expect(status.value.rate.byStakeholderType.RESEARCH).toMatchObject({ invited: 1, completed: 1 });
    expect(status.value.rate.byStakeholderType.PUBLIC).toMatchObject({ invited: 2, completed: 0 });
  });

  it("summarises known answers (multiple choice per option), compares with the previous cycle, exports CSV", async () => {
    const keys = ["cluster-trust", "training-needs-by-level", "hiring-next-12m"];
    const spring = await create({ questionKeys: keys, closesAt: new Date("2027-05-10T06:00:00Z") });
    for (const [user, trust] of [
      [m1, 2],
      [m2, 3],
      [m3, 4],
    ] as const)
      await answered(
        user,
        spring.pulseId,
        [
          { questionKey: "cluster-trust", value: trust },
          { questionKey: "training-needs-by-level", value: ["vocational"] },
          { questionKey: "hiring-next-12m", value: 1 },
        ],
        { submit: true },
      );
    at("2027-05-10T06:00:00Z");
    const autumn = await copyPulse(ctx, {
      actor: chair,
      conversation: channel,
      title: "Autumn 2027 pulse",
      opensAt: new Date("2027-05-10T06:00:00Z"),
      closesAt: new Date("2027-05-20T06:00:00Z"),
    });
    if (!autumn.ok) throw new Error(JSON.stringify(autumn));
    const pulseId = autumn.value.pulseId;
    const answersOf: [PlatformUser, number, string[]][] = [
      [m1, 4, ["vocational", "uas"]],
      [m2, 5, ["vocational", "university"]],
      [m3, 5, ["uas"]],
      [m4, 3, ["none"]],
    ];
    for (const [user, trust, levels] of answersOf)
      await answered(
        user,
        pulseId,
        [
          { questionKey: "cluster-trust", value: trust },
          { questionKey: "training-needs-by-level", value: levels },
          { questionKey: "hiring-next-12m", value: 10 },
        ],
        { submit: true },
      );
    expect(await pulseResults(ctx, { actor: m1, conversation: channel })).toMatchObject({
      ok: false,
      reason: "RESULTS_NOT_AVAILABLE",
    });
    expect(await exportPulseCsv(ctx, { actor: secretary, conversation: channel })).toMatchObject({
      ok: false,
      reason: "RESULTS_NOT_AVAILABLE",
    });
    const closed = await closePulse(ctx, { actor: secretary, conversation: channel });
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    const results = await pulseResults(ctx, { actor: m1, conversation: channel });
    expect(results).toEqual(closed);
    const value = closed.value;
    expect(value).toMatchObject({ pulseId, state: "CLOSED", previousPulse: { pulseId: spring.pulseId } });
    expect(value.summary.respondents).toBe(4);
    const training = value.summary.questions.find((q) => q.key === "training-needs-by-level")!;
    expect(training.overall.hidden).toBe(false);
    if (training.overall.hidden || training.type !== "MULTIPLE_CHOICE") throw new Error("hidden");
    const counts = Object.fromEntries(training.overall.stats.options.map((o) => [o.id, o.count]));
    expect(counts).toMatchObject({ vocational: 2, uas: 2, university: 1, none: 1, continuing: 0 });
    expect(training.overall.stats.selections).toBe(6);
    // The lone RESEARCH answer is hidden; the three BUSINESS ones would then give it away by
    // subtraction from the overall figure, so they are hidden too.
    expect(training.byStakeholderType.RESEARCH).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    expect(training.byStakeholderType.BUSINESS).toEqual({ hidden: true, reason: "COMPLEMENTARY" });
    const trust = value.summary.questions.find((q) => q.key === "cluster-trust")!;
    expect(trust.overall).toMatchObject({ hidden: false, stats: { n: 4, mean: 4.25 } });
    expect(value.comparisons["cluster-trust"]).toMatchObject({
      comparable: true,
      mean: { previous: 3, current: 4.25, change: 1.25 },
    });
    expect(value.comparisons["hiring-next-12m"]).toMatchObject({
      sum: { previous: 3, current: 40, change: 37 },
    });
    expect(value.rate.overall).toMatchObject({ invited: 7, completed: 4 });

    // Export: secretaries, coordinators and chairs only.
    for (const who of [m1, vice])
      expect(await exportPulseCsv(ctx, { actor: who, conversation: channel })).toMatchObject({
        ok: false,
        reason: "FORBIDDEN",
      });
    const csv = await exportPulseCsv(ctx, { actor: secretary, conversation: channel });
    if (!csv.ok) throw new Error(JSON.stringify(csv));
    expect(csv.value.answers.filename).toBe("autumn-2027-pulse-answers.csv");
    // Headers in the reader's language (English here), with "," and a decimal point.
    expect(csv.value.answers.content).toContain("Name,Organisation,Submitted");
    expect(csv.value.answers.content).toContain("Matti");
    expect(csv.value.summary.content.split("\r\n")[0]).toContain("Question key");
    expect(await db.prisma.auditEntry.count({ where: { action: "pulse.export" } })).toBe(1);
  });
});

describe("anonymity", () => {
  it("after an anonymous pulse, no table links a response or an answer to a person or a time", async () => {
    const { pulseId } = await create({
      anonymous: true,
      questionKeys: ["cluster-trust", "biggest-bottleneck"],
    });
    const people = await Promise.all(members.map(personOf));
    for (const [i, user] of members.entries()) {
      at(`2027-05-0${4 + i}T06:00:00Z`);
      const start = await answered(user, pulseId, [{ questionKey: "cluster-trust", value: 2 + i }]);
      await answered(user, pulseId, [{ questionKey: "biggest-bottleneck", value: `Reason ${i}` }], {
        token: start.token,
        submit: true,
      });
    }
    // One member starts but never submits: that response never counts and is gone after closing.
    await answered(chair, pulseId, [{ questionKey: "cluster-trust", value: 1 }]);
    at("2027-05-12T06:00:00Z");
    const closed = await closePulse(ctx, { actor: chair, conversation: channel, pulseId });
    if (!closed.ok) throw new Error(JSON.stringify(closed));
    expect(closed.value.summary.respondents).toBe(4);

    const responses = await db.prisma.pulseResponse.findMany({ include: { answers: true } });
    expect(responses).toHaveLength(4);
    // Closing rewrote them in one transaction: one transaction id for all, so xmin tells no order.
    const xmins = await db.prisma.$queryRawUnsafe<{ xmin: string }[]>(
      `SELECT DISTINCT r.xmin::text AS xmin FROM "PulseResponse" r UNION SELECT DISTINCT a.xmin::text FROM "PulseAnswer" a`,
    );
    expect(xmins).toHaveLength(1);
    // The counted answers are the submitted ones, unchanged.
    expect(responses.flatMap((r) => r.answers.map((a) => a.value)).sort()).toEqual(
      [2, 3, 4, 5, "Reason 0", "Reason 1", "Reason 2", "Reason 3"].sort(),
    );
    // Minna is the only RESEARCH respondent; her type would name her, and the three BUSINESS ones
    // would give it away by subtraction: after closing no response carries a stakeholder type.
    for (const r of responses)
      expect(r).toMatchObject({
        stakeholderType: null,
        personId: null,
        submittedAt: null,
        submitted: true,
      });

    // Every column of every table: PulseResponse and PulseAnswer carry no person and no time, and
    // nothing else anywhere mentions a response or an answer.
    const columns = await db.prisma.$queryRawUnsafe<
      { table_name: string; column_name: string; data_type: string }[]
    >(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const responseColumns = columns.filter((c) => c.table_name === "PulseResponse").map((c) => c.column_name);
    const answerColumns = columns.filter((c) => c.table_name === "PulseAnswer").map((c) => c.column_name);
    expect(responseColumns.sort()).toEqual(
      ["id", "personId", "pulseId", "stakeholderType", "submitted", "submittedAt"].sort(),
    );
    expect(answerColumns.sort()).toEqual(["id", "pulseQuestionId", "responseId", "value"].sort());
    const ids = [...responses.map((r) => r.id), ...responses.flatMap((r) => r.answers.map((a) => a.id))];
    const tables = [...new Set(columns.map((c) => c.table_name))].filter((t) => t !== "_prisma_migrations");
    for (const table of tables) {
      const rows = await db.prisma.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(t)::text AS row FROM "${table}" t`,
      );
      for (const { row } of rows) {
        const mentioned = ids.filter((id) => row.includes(id));
        if (table === "PulseResponse") expect(mentioned.length, row).toBeLessThanOrEqual(1);
        else if (table === "PulseAnswer") {
          const parsed = JSON.parse(row) as { id: string; responseId: string };
          expect(mentioned.sort(), row).toEqual([parsed.id, parsed.responseId].sort());
        } else expect(mentioned, `${table}: ${row}`).toEqual([]);
        // No row of the responses' tables holds a person id, a name or a time.
        if (table === "PulseResponse" || table === "PulseAnswer") {
          for (const person of people) {
            expect(row).not.toContain(person.id);
            expect(row).not.toContain(person.displayName);
          }
          expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        }
      }
    }
    // The audit log records submitting (like participation does), never which answers.
    const audits = await db.prisma.auditEntry.findMany({ where: { subjectId: pulseId } });
    expect(audits.map((a) => a.action).sort()).toEqual(
      ["pulse.close", "pulse.create", ...Array(4).fill("pulse.submit")].sort(),
    );

    // The export has no identity columns and no names.
    const csv = await exportPulseCsv(ctx, { actor: chair, conversation: channel, pulseId });
    if (!csv.ok) throw new Error(JSON.stringify(csv));
    const header = csv.value.answers.content.replace("\uFEFF", "").split("\r\n")[0]!;
    expect(header).toBe(
      "Response,Stakeholder type,Question key,Question type,Question,Item,Horizon,Value,Value label",
    );
    for (const person of people) expect(csv.value.answers.content).not.toContain(person.displayName);
  });
});

describe("anonymity keeps what is safe", () => {
  it("keeps a stakeholder type that at least 3 anonymous respondents share", async () => {
    const { pulseId } = await create({ anonymous: true, questionKeys: ["cluster-trust"] });
    for (const user of [m1, m2, m3])
      await answered(user, pulseId, [{ questionKey: "cluster-trust", value: 4 }], { submit: true });
    expect((await closePulse(ctx, { actor: chair, conversation: channel, pulseId })).ok).toBe(true);
    const types = await db.prisma.pulseResponse.findMany({ select: { stakeholderType: true } });
    expect(types).toEqual([
      { stakeholderType: "BUSINESS" },
      { stakeholderType: "BUSINESS" },
      { stakeholderType: "BUSINESS" },
    ]);
    const results = await pulseResults(ctx, { actor: m1, conversation: channel, pulseId });
    if (!results.ok) throw new Error(JSON.stringify(results));
    expect(results.value.summary.questions[0]!.byStakeholderType.BUSINESS).toMatchObject({
      hidden: false,
      stats: { n: 3, mean: 4 },
    });
  });
});

describe("closing by time", () => {
  it("closes each due pulse once and returns its results", async () => {
    const { pulseId } = await create({ anonymous: true, questionKeys: ["cluster-trust"] });
    for (const user of [m1, m2, m3])
      await answered(user, pulseId, [{ questionKey: "cluster-trust", value: 3 }], { submit: true });
    expect(await closeDuePulses(ctx)).toEqual([]);
    at("2027-05-17T15:00:00Z");
    const closed = await closeDuePulses(ctx);
    expect(closed).toHaveLength(1);
    expect(closed[0]!.results).toMatchObject({ pulseId, state: "CLOSED", summary: { respondents: 3 } });
    expect(await closeDuePulses(ctx)).toEqual([]);
    expect(await db.prisma.auditEntry.count({ where: { action: "pulse.close", actorId: null } })).toBe(1);
  });
});
