// What a pulse puts in the outbox, through the real use cases on a real database with an injected
// clock: the personal invitations and channel announcements waiting for opensAt, the results (a
// header, then one message per question with a chart or a "too few answers" note) exactly once when
// the pulse closes; plus the stakeholder type, skills and answer-sheet rules around them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { answerPulse } from "../../../src/features/pulses/app/answer-pulse.ts";
import { closeDuePulses } from "../../../src/features/pulses/app/close-due-pulses.ts";
import { closePulse } from "../../../src/features/pulses/app/close-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { loadPulseSheet } from "../../../src/features/pulses/app/load-pulse-sheet.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { setStakeholderType } from "../../../src/features/pulses/app/set-stakeholder-type.ts";
import { type StakeholderType, textIn } from "../../../src/features/pulses/domain/question-types.ts";
import { starterQuestion } from "../../../src/features/pulses/domain/starter-bank.ts";
import type { OutboxMessage } from "../../../src/generated/prisma/client.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import type { Role } from "../../../src/kernel/domain/roles.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { Element, View } from "../../../src/kernel/surface/view.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const at = (iso: string) => {
  now = new Date(iso);
};
const channel = slackChannel("C-ENERGY");
const TEAMS_CHANNEL = "19:energy@thread.tacv2";
const chair = slackUser("U-CHAIR", "Aino"); // PUBLIC
const m1 = slackUser("U-M1", "Matti"); // BUSINESS
const m2 = slackUser("U-M2", "Maija", { locale: "fi" }); // BUSINESS, reads Finnish
const m3 = slackUser("U-M3", "Mikko"); // BUSINESS
const m4 = slackUser("U-M4", "Minna"); // RESEARCH
const observer = slackUser("U-OBS", "Otto"); // BUSINESS, but an observer
const outsider = slackUser("U-OUT", "Ulla");
const SKILLS = ["Welding", "Automation", "Hydrogen"];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  at("2027-05-03T06:00:00Z"); // Monday 09:00 in Helsinki
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [m1, m2, m3, m4, observer])
    await joinCluster(ctx, { actor: user, conversation: channel });
  await setRole(observer, "OBSERVER");
  for (const [user, type] of [
    [chair, "PUBLIC"],
    [m1, "BUSINESS"],
    [m2, "BUSINESS"],
    [m3, "BUSINESS"],
    [m4, "RESEARCH"],
    [observer, "BUSINESS"],
  ] as const)
    await typed(user, type);
  // The cluster's channel in Teams too: announcements and results go to both.
  const cluster = await db.prisma.cluster.findFirstOrThrow();
  const workspace = await db.prisma.workspace.create({ data: { platform: "TEAMS", externalId: "tenant-1" } });
  await db.prisma.channelBinding.create({
    data: { clusterId: cluster.id, platform: "TEAMS", workspaceId: workspace.id, channelId: TEAMS_CHANNEL },
  });
  await db.prisma.clusterSkill.createMany({
    data: SKILLS.map((name, position) => ({ clusterId: cluster.id, name, position })),
  });
  await seedQuestionBank(ctx);
});

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
async function typed(user: PlatformUser, type: StakeholderType) {
  const result = await setStakeholderType(ctx, { actor: user, conversation: channel, type });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

async function create(overrides: Record<string, unknown> = {}) {
  const result = await createPulse(ctx, {
    actor: chair,
    conversation: channel,
    title: "Spring 2027 pulse",
    questionKeys: ["cluster-trust", "biggest-bottleneck"],
    anonymous: true,
    opensAt: new Date("2027-05-03T06:00:00Z"),
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

const outbox = (contains: string) =>
  db.prisma.outboxMessage.findMany({
    where: { key: { contains } },
    orderBy: [{ notBefore: "asc" }, { key: "asc" }],
  });
const viewOf = (row: OutboxMessage) => (row.payload as { view: View }).view;
const textsOf = (view: View) =>
  view.elements.flatMap((e: Element) => (e.type === "text" ? [e.text] : [])).join("\n");
const chartsOf = (view: View) => view.elements.filter((e) => e.type === "chart" || e.type === "image");

describe("announcing a pulse", () => {
  it("queues a personal invitation per invited member in their language, and one announcement per channel, for opensAt", async () => {
    const opensAt = new Date("2027-05-05T06:00:00Z"); // Wednesday 09:00
    const pulseId = await create({
      opensAt,
      audience: { kind: "stakeholders", types: ["BUSINESS"] },
      questionKeys: ["cluster-trust"],
    });
    const invitations = await outbox(`pulse:${pulseId}:invitation:`);
    // BUSINESS members only: not the PUBLIC chair, not the RESEARCH member, never the observer.
    const byPerson = new Map(invitations.map((r) => [r.key.split(":")[3], r]));
    const invited = [m1, m2, m3];
    expect(invitations).toHaveLength(invited.length);
    for (const user of invited) {
      const row = byPerson.get((await personOf(user)).id);
      expect(row, user.displayName).toMatchObject({
        platform: "SLACK",
        target: user.userId,
        status: "PENDING",
      });
      expect(row!.notBefore).toEqual(opensAt);
      const view = viewOf(row!);
      const locale = user === m2 ? "fi" : "en";
      const t = translator(locale);
      expect(view.fallback).toBe("📋 Spring 2027 pulse – Energy");
      expect(textsOf(view)).toContain(t("pulse.sheet.anonymous"));
      expect(JSON.stringify(view)).toContain(`"label":"${t("pulse.sheet.submit")}"`);
      expect(textsOf(view)).toContain(textIn(starterQuestion("cluster-trust")!.text, locale));
    }
    // Maija's is in Finnish, question included; the others' in English.
    const maija = viewOf(byPerson.get((await personOf(m2)).id)!);
    expect(textsOf(maija)).toContain("Avoinna");
    expect(JSON.stringify(maija)).toContain("Lähetä vastaukset");
    expect(textsOf(viewOf(byPerson.get((await personOf(m1)).id)!))).toContain("Open until");
    expect(await db.prisma.pulseParticipation.count({ where: { pulseId } })).toBe(3);

    const opened = await outbox(`pulse:${pulseId}:opened:`);
    expect(opened.map((r) => [r.key, r.platform, r.target, r.notBefore])).toEqual([
      [`pulse:${pulseId}:opened:SLACK`, "SLACK", "C-ENERGY", opensAt],
      [`pulse:${pulseId}:opened:TEAMS`, "TEAMS", TEAMS_CHANNEL, opensAt],
    ]);
    for (const row of opened) {
      expect(viewOf(row).fallback).toContain("*Spring 2027 pulse* is open: 3 members got it");
    }
    // Nothing else went out for the pulse.
    expect(await db.prisma.outboxMessage.count({ where: { key: { startsWith: `pulse:${pulseId}:` } } })).toBe(
      5,
    );
  });

  it("invites every member who may answer when the audience is everyone, never observers", async () => {
    const pulseId = await create();
    const targets = (await outbox(`pulse:${pulseId}:invitation:`)).map((r) => r.target).sort();
    expect(targets).toEqual(["U-CHAIR", "U-M1", "U-M2", "U-M3", "U-M4"]);
    for (const row of await outbox(`pulse:${pulseId}:invitation:`))
      expect(row.notBefore).toEqual(new Date("2027-05-03T06:00:00Z"));
  });
});

describe("results when a pulse closes", () => {
  it("closing by time queues the header, then each question with a chart, or a note when fewer than 3 answered", async () => {
    const pulseId = await create();
    for (const [user, trust] of [
      [m1, 2],
      [m2, 4],
      [m3, 5],
    ] as const) {
      // Two of the three also name a bottleneck (an optional question).
      const answers: { questionKey: string; value: unknown }[] = [
        { questionKey: "cluster-trust", value: trust },
      ];
      if (user !== m3) answers.push({ questionKey: "biggest-bottleneck", value: `Housing ${trust}` });
      await answered(user, pulseId, answers, { submit: true });
    }
    at("2027-05-17T14:59:00Z");
    expect(await closeDuePulses(ctx)).toEqual([]);
    expect(await outbox(":results:")).toEqual([]);
    at("2027-05-17T15:00:30Z");
    const closed = await closeDuePulses(ctx);
    expect(closed.map((c) => c.results.pulseId)).toEqual([pulseId]);

    for (const [platform, target] of [
      ["SLACK", "C-ENERGY"],
      ["TEAMS", TEAMS_CHANNEL],
    ] as const) {
      const rows = await outbox(`pulse:${pulseId}:results:${platform}:`);
      // In order: the keys' numbers follow notBefore, which strictly increases from the closing time.
      expect(rows.map((r) => r.key)).toEqual(
        [0, 1, 2].map((n) => `pulse:${pulseId}:results:${platform}:${n}`),
      );
      expect(rows.every((r) => r.platform === platform && r.target === target)).toBe(true);
      const times = rows.map((r) => r.notBefore.getTime());
      expect(times[0]).toBe(now.getTime());
      expect(times[1]).toBeGreaterThan(times[0]!);
      expect(times[2]).toBeGreaterThan(times[1]!);

      const [header, trust, bottleneck] = rows.map(viewOf) as [View, View, View];
      expect(header.fallback).toBe("📊 Results: *Spring 2027 pulse*");
      expect(textsOf(header)).toContain("3");
      expect(chartsOf(header)).toEqual([]);

      expect(trust.fallback).toMatch(/^1\. /);
      expect(textsOf(trust)).toContain("3 answers, average 3.7 on a scale of 1–5.");
      // A native chart, as the outbox stored it: every scale point, this cycle's counts, in words too.
      const [chart, ...more] = chartsOf(trust);
      expect(more).toEqual([]);
      if (chart?.type !== "chart" || chart.kind !== "bar") throw new Error("no chart");
      expect(chart.categories).toHaveLength(5);
      expect(chart.series).toEqual([{ name: "Spring 2027 pulse", values: expect.any(Array) }]);
      expect(chart.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(3);
      expect(trust.fallback).toContain(chart.summary);

      // Two answers: hidden, no chart, and says why.
      expect(bottleneck.fallback).toMatch(/^2\. /);
      expect(chartsOf(bottleneck)).toEqual([]);
      expect(textsOf(bottleneck)).toContain("Fewer than 3 answers (2)");
      expect(bottleneck.elements).toHaveLength(2); // the question and why it is not shown
      expect(JSON.stringify(bottleneck)).not.toContain("Housing");
    }
    expect(await db.prisma.outboxMessage.count({ where: { key: { contains: ":results:" } } })).toBe(6);
  });

  it("hides a Likert question that fewer than 3 answered: no chart", async () => {
    const pulseId = await create({ questionKeys: ["cluster-trust"] });
    await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: 4 }], { submit: true });
    await answered(m2, pulseId, [{ questionKey: "cluster-trust", value: 5 }], { submit: true });
    at("2027-05-18T06:00:00Z");
    expect(await closeDuePulses(ctx)).toHaveLength(1);
    const rows = await outbox(`pulse:${pulseId}:results:SLACK:`);
    expect(rows).toHaveLength(2);
    const trust = viewOf(rows[1]!);
    expect(chartsOf(trust)).toEqual([]);
    expect(textsOf(trust)).toContain("Fewer than 3 answers (2)");
    expect(trust.elements).toHaveLength(2);
  });

  it("queues the results once when a pulse is closed twice (command, then job)", async () => {
    const pulseId = await create({ questionKeys: ["cluster-trust"] });
    for (const user of [m1, m2, m3])
      await answered(user, pulseId, [{ questionKey: "cluster-trust", value: 3 }], { submit: true });
    at("2027-05-10T06:00:00Z");
    expect((await closePulse(ctx, { actor: chair, conversation: channel, pulseId })).ok).toBe(true);
    const first = await outbox(":results:");
    expect(first.map((r) => r.key.split(":").slice(2).join(":"))).toEqual([
      "results:SLACK:0",
      "results:TEAMS:0",
      "results:SLACK:1",
      "results:TEAMS:1",
    ]);
    at("2027-05-17T15:00:00Z");
    expect(await closeDuePulses(ctx)).toEqual([]);
    expect(await closePulse(ctx, { actor: chair, conversation: channel, pulseId })).toMatchObject({
      ok: false,
      reason: "PULSE_CLOSED",
    });
    expect(await outbox(":results:")).toEqual(first);
    expect(await db.prisma.auditEntry.count({ where: { action: "pulse.close" } })).toBe(1);
  });

  it("closes and queues the results once when two scheduler instances tick at the same time", async () => {
    const pulseId = await create({ questionKeys: ["cluster-trust"] });
    at("2027-05-17T15:00:00Z");
    const [a, b] = await Promise.all([closeDuePulses(ctx), closeDuePulses(ctx)]);
    expect([...a!, ...b!].map((c) => c.results.pulseId)).toEqual([pulseId]);
    expect(await outbox(`pulse:${pulseId}:results:`)).toHaveLength(4);
    expect(await db.prisma.auditEntry.count({ where: { action: "pulse.close" } })).toBe(1);
  });

  it("queues the results once when a pulse is closed twice (job, then command)", async () => {
    const pulseId = await create({ questionKeys: ["cluster-trust"] });
    at("2027-05-17T15:00:00Z");
    expect(await closeDuePulses(ctx)).toHaveLength(1);
    expect(await closeDuePulses(ctx)).toEqual([]);
    const first = await outbox(`pulse:${pulseId}:results:`);
    expect(first).toHaveLength(4);
    at("2027-05-17T15:05:00Z");
    expect(await closePulse(ctx, { actor: chair, conversation: channel, pulseId })).toMatchObject({
      ok: false,
      reason: "PULSE_CLOSED",
    });
    expect(await outbox(`pulse:${pulseId}:results:`)).toEqual(first);
    expect(await db.prisma.auditEntry.count({ where: { action: "pulse.close" } })).toBe(1);
  });
});

describe("stakeholder type", () => {
  it("moves the member's not-yet-started participations of open pulses to the new type, nothing answered or closed", async () => {
    const keys = ["cluster-trust"];
    const closedOne = await create({ questionKeys: keys, closesAt: new Date("2027-05-04T06:00:00Z") });
    const closedByTime = await create({ questionKeys: keys, closesAt: new Date("2027-05-05T06:00:00Z") });
    const open = await create({ questionKeys: keys, anonymous: false });
    const scheduled = await create({
      questionKeys: keys,
      opensAt: new Date("2027-06-01T06:00:00Z"),
      closesAt: new Date("2027-06-15T06:00:00Z"),
    });
    // Maija submits the open pulse, Mikko starts it; Matti does nothing.
    await answered(m2, open, [{ questionKey: "cluster-trust", value: 4 }], { submit: true });
    await answered(m3, open, [{ questionKey: "cluster-trust", value: 2 }]);
    at("2027-05-04T06:00:00Z");
    expect(await closeDuePulses(ctx)).toHaveLength(1);
    // The second pulse's closing time has come but the job has not run yet: it is closed all the same.
    at("2027-05-05T06:00:30Z");
    for (const user of [m1, m2, m3]) await typed(user, "EDUCATION");

    const typeOf = async (pulseId: string, user: PlatformUser) =>
      (
        await db.prisma.pulseParticipation.findUniqueOrThrow({
          where: { pulseId_personId: { pulseId, personId: (await personOf(user)).id } },
        })
      ).stakeholderType;
    expect(await typeOf(open, m1)).toBe("EDUCATION");
    expect(await typeOf(scheduled, m1)).toBe("EDUCATION");
    expect(await typeOf(scheduled, m2)).toBe("EDUCATION");
    expect(await typeOf(open, m2)).toBe("BUSINESS"); // completed
    expect(await typeOf(open, m3)).toBe("BUSINESS"); // started
    for (const user of [m1, m2, m3]) {
      expect(await typeOf(closedOne, user)).toBe("BUSINESS");
      expect(await typeOf(closedByTime, user)).toBe("BUSINESS");
    }
    expect((await personOf(m1)).stakeholderType).toBe("EDUCATION");
    // The answer keeps the type it was given with.
    const response = await db.prisma.pulseResponse.findFirstOrThrow({
      where: { pulseId: open, personId: (await personOf(m2)).id },
    });
    expect(response.stakeholderType).toBe("BUSINESS");
  });
});

describe("skills", () => {
  it("replaces the cluster's list when creating a pulse with skills; the pulse keeps its snapshot", async () => {
    const listOf = async () =>
      (await db.prisma.clusterSkill.findMany({ orderBy: { position: "asc" } })).map((s) => s.name);
    // Refused pulses change nothing.
    expect(
      await createPulse(ctx, {
        actor: m1,
        conversation: channel,
        title: "Pulse",
        questionKeys: ["skills-demand"],
        opensAt: now,
        closesAt: new Date("2027-05-10T06:00:00Z"),
        skills: ["Plumbing"],
      }),
    ).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(
      await createPulse(ctx, {
        actor: chair,
        conversation: channel,
        title: "Pulse",
        questionKeys: ["no-such-question"],
        opensAt: now,
        closesAt: new Date("2027-05-10T06:00:00Z"),
        skills: ["Plumbing"],
      }),
    ).toMatchObject({ ok: false, reason: "UNKNOWN_QUESTION" });
    expect(await listOf()).toEqual(SKILLS);

    const first = await create({
      questionKeys: ["skills-demand", "hard-to-fill-roles"],
      skills: [" Mine automation ", "Welding", "Guiding in English", "Welding"],
    });
    const expected = ["Mine automation", "Welding", "Guiding in English"];
    expect(await listOf()).toEqual(expected);
    expect((await db.prisma.pulse.findUniqueOrThrow({ where: { id: first } })).skills).toEqual(expected);
    // Answers are checked against the snapshot: an old skill is gone, a new one is there.
    await expect(
      answerPulse(ctx, {
        actor: m1,
        pulseId: first,
        answers: [{ questionKey: "hard-to-fill-roles", value: ["Hydrogen"] }],
      }),
    ).resolves.toMatchObject({ ok: false, details: { code: "UNKNOWN_OPTION" } });
    await answered(m1, first, [{ questionKey: "hard-to-fill-roles", value: ["Mine automation"] }]);

    // Without skills the cluster's list stays and is snapshotted again; the first pulse keeps its own
    // when the list changes later.
    const second = await create({ questionKeys: ["skills-demand"] });
    expect((await db.prisma.pulse.findUniqueOrThrow({ where: { id: second } })).skills).toEqual(expected);
    await create({ questionKeys: ["skills-demand"], skills: ["Hydrogen"] });
    expect(await listOf()).toEqual(["Hydrogen"]);
    expect((await db.prisma.pulse.findUniqueOrThrow({ where: { id: first } })).skills).toEqual(expected);
  });
});

describe("the answer sheet", () => {
  it("shows an anonymous pulse's answers only with the member's token, and only to members in the audience", async () => {
    const pulseId = await create({
      audience: { kind: "stakeholders", types: ["BUSINESS"] },
      questionKeys: ["cluster-trust", "biggest-bottleneck"],
    });
    const mine = await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: 4 }]);
    const theirs = await answered(m2, pulseId, [{ questionKey: "cluster-trust", value: 2 }]);
    const load = async (user: PlatformUser, token?: string | null, id = pulseId) => {
      const result = await loadPulseSheet(ctx, { actor: user, pulseId: id, token });
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value;
    };
    /** What the sheet shows of the member's own response. */
    const sheet = async (user: PlatformUser, token?: string | null, id = pulseId) => {
      const { answers, token: carried, submitted } = await load(user, token, id);
      return { answers, token: carried, submitted };
    };
    const nothing = { answers: {}, token: null, submitted: false };
    expect(await load(m1, mine.token)).toMatchObject({
      pulseId,
      anonymous: true,
      state: "OPEN",
      questions: [{ key: "cluster-trust" }, { key: "biggest-bottleneck" }],
    });
    expect(await sheet(m1, mine.token)).toEqual({
      answers: { "cluster-trust": 4 },
      token: mine.token,
      submitted: false,
    });
    expect(await sheet(m2, theirs.token)).toEqual({
      answers: { "cluster-trust": 2 },
      token: theirs.token,
      submitted: false,
    });
    // Without the token the member's own answers cannot be found: nothing links them to the person.
    expect(await sheet(m1)).toEqual(nothing);
    expect(await sheet(m1, null)).toEqual(nothing);
    expect(await sheet(m2)).toEqual(nothing);
    // Someone who has not answered yet sees an empty sheet; a made-up token finds nothing.
    expect(await sheet(m3)).toEqual(nothing);
    expect(await sheet(m3, "x".repeat(43))).toEqual(nothing);
    // A token of another pulse finds nothing in this one.
    const other = await create({ questionKeys: ["cluster-trust"] });
    const elsewhere = await answered(m3, other, [{ questionKey: "cluster-trust", value: 1 }]);
    expect(await sheet(m3, elsewhere.token)).toEqual(nothing);
    expect(await sheet(m3, elsewhere.token, other)).toEqual({
      answers: { "cluster-trust": 1 },
      token: elsewhere.token,
      submitted: false,
    });
    // Submitting: the sheet drawn then shows the answers sent; afterwards the sealed draft is gone
    // (its size would be the last thing tying the member to one response), so even the token finds
    // nothing and the sheet only says it was submitted.
    const sent = await answered(m1, pulseId, [], { token: mine.token, submit: true });
    expect(sent.sheet).toMatchObject({ answers: { "cluster-trust": 4 }, submitted: true });
    expect(await sheet(m1, mine.token)).toEqual({ ...nothing, submitted: true });
    expect(await sheet(m1)).toEqual({ ...nothing, submitted: true });
    // After closing the drafts are gone too: nothing can be found by a token.
    at("2027-05-18T06:00:00Z");
    await closeDuePulses(ctx);
    expect(await sheet(m1, mine.token)).toEqual({ ...nothing, submitted: true });
    expect(await load(m1, mine.token)).toMatchObject({ state: "CLOSED" });

    expect(await loadPulseSheet(ctx, { actor: outsider, pulseId })).toMatchObject({
      ok: false,
      reason: "NOT_A_MEMBER",
      details: { cluster: "Energy" },
    });
    for (const user of [m4, observer, chair])
      expect(await loadPulseSheet(ctx, { actor: user, pulseId }), user.displayName).toMatchObject({
        ok: false,
        reason: "NOT_IN_AUDIENCE",
      });
    expect(
      await loadPulseSheet(ctx, { actor: m1, pulseId: "00000000-0000-4000-8000-000000000000" }),
    ).toMatchObject({ ok: false, reason: "PULSE_NOT_FOUND" });
  });

  it("shows a named pulse's answers by person, never another member's", async () => {
    const pulseId = await create({ anonymous: false });
    await answered(m1, pulseId, [{ questionKey: "cluster-trust", value: 4 }]);
    const load = (user: PlatformUser) => loadPulseSheet(ctx, { actor: user, pulseId });
    expect(await load(m1)).toMatchObject({ ok: true, value: { token: null, anonymous: false } });
    const answersOf = async (user: PlatformUser) => {
      const result = await load(user);
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value.answers;
    };
    expect(await answersOf(m1)).toEqual({ "cluster-trust": 4 });
    expect(await answersOf(m2)).toEqual({});
  });
});
