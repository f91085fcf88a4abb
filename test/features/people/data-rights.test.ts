// Data rights through the use cases on a real database: the language choice (and that a platform
// locale arriving later does not override it), my-data contents, erasure (inspecting every table
// for what is left of the person), refusals that change nothing, and retention that deletes raw
// pulse answers but keeps the aggregates for results.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { addMeasure } from "../../../src/features/measures/app/add-measure.ts";
import { listMeasures } from "../../../src/features/measures/app/list-measures.ts";
import {
  ERASED_DISPLAY_NAME,
  eraseMember,
  previewErasure,
} from "../../../src/features/people/app/erase-member.ts";
import { myData } from "../../../src/features/people/app/my-data.ts";
import { setLanguage } from "../../../src/features/people/app/set-language.ts";
import { answerPulse } from "../../../src/features/pulses/app/answer-pulse.ts";
import { closePulse } from "../../../src/features/pulses/app/close-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { exportPulseCsv } from "../../../src/features/pulses/app/export-pulse-csv.ts";
import { pulseResults } from "../../../src/features/pulses/app/pulse-results.ts";
import { applyRetention } from "../../../src/features/pulses/app/retention.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { recordDecision } from "../../../src/features/record/app/record-decision.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { localeOf } from "../../../src/kernel/app/locale-of.ts";
import { preferredLocale } from "../../../src/kernel/app/preferred-locale.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { parseCsv } from "../../support/parse-csv.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const at = (iso: string) => {
  now = new Date(iso);
};
const channel = slackChannel("C-ENERGY");
const dm = { ...slackChannel("D-SANNA"), scope: "PERSONAL" as const };
const chair = slackUser("U-CHAIR", "Aino");
const sanna = slackUser("U-SEC", "Sanna Secretary", { email: "sanna@example.fi", locale: "fi-FI" });
const members = [slackUser("U-M1", "Matti"), slackUser("U-M2", "Maija"), slackUser("U-M3", "Mikko")];
const [m1, m2, m3] = members as [PlatformUser, PlatformUser, PlatformUser];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  at("2027-05-03T06:00:00Z");
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [sanna, ...members]) await joinCluster(ctx, { actor: user, conversation: channel });
  const sannaPerson = await personOf(sanna);
  await db.prisma.membership.updateMany({ where: { personId: sannaPerson.id }, data: { role: "SECRETARY" } });
  await db.prisma.person.update({ where: { id: sannaPerson.id }, data: { organisation: "Lapland College" } });
  await seedQuestionBank(ctx);
});

async function personOf(user: PlatformUser) {
  const identity = await db.prisma.platformIdentity.findFirstOrThrow({
    where: { externalId: user.userId },
    include: { person: true },
  });
  return identity.person;
}

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

async function pulse(title: string, anonymous: boolean, opens: string, closes: string) {
  at(opens);
  return ok(
    await createPulse(ctx, {
      actor: chair,
      conversation: channel,
      title,
      questionKeys: ["cluster-trust"],
      anonymous,
      opensAt: new Date(opens),
      closesAt: new Date(closes),
    }),
  );
}

async function answerTrust(actor: PlatformUser, pulseId: string, value: number, anonymous: boolean) {
  const first = ok(
    await answerPulse(ctx, { actor, pulseId, answers: [{ questionKey: "cluster-trust", value }] }),
  );
  if (anonymous)
    ok(await answerPulse(ctx, { actor, pulseId, answers: [], token: first.token!, submit: true }));
  else ok(await answerPulse(ctx, { actor, pulseId, answers: [], submit: true }));
}

describe("language", () => {
  it("sets the language explicitly, and a platform locale arriving later does not override it", async () => {
    expect(await preferredLocale(ctx, sanna, channel)).toBe("fi");
    expect(ok(await setLanguage(ctx, { actor: sanna, conversation: dm }))).toMatchObject({
      locale: "fi",
      changed: false,
    });
    expect(ok(await setLanguage(ctx, { actor: sanna, conversation: channel, locale: "SV" }))).toMatchObject({
      locale: "sv",
      changed: true,
    });
    // The platform keeps saying fi-FI (and a new one nl-NL): the explicit choice stays.
    expect(await preferredLocale(ctx, sanna, channel)).toBe("sv");
    expect(await preferredLocale(ctx, { ...sanna, locale: "nl-NL" }, channel)).toBe("sv");
    expect((await personOf(sanna)).locale).toBe("sv");
    expect(await db.prisma.auditEntry.count({ where: { action: "member.language" } })).toBe(1);
  });

  it("a locale seen on first contact is not stored as chosen: a later fi-FI activity is answered in Finnish", async () => {
    const kalle = slackUser("U-KALLE", "Kalle Newcomer", { locale: "en-GB" });
    expect(await preferredLocale(ctx, kalle, channel)).toBe("en");
    expect(await personOf(kalle)).toMatchObject({ locale: null, seenLocale: "en" });
    // Kalle switches his Slack to Finnish: the next activity is answered in Finnish, and
    // notifications (which have no activity to read) follow what was seen last.
    expect(await preferredLocale(ctx, { ...kalle, locale: "fi-FI" }, channel)).toBe("fi");
    const person = await personOf(kalle);
    expect(person).toMatchObject({ locale: null, seenLocale: "fi" });
    expect(localeOf(person, { locale: "en" })).toBe("fi");
    // Only a choice is stored as one.
    ok(await setLanguage(ctx, { actor: kalle, conversation: channel, locale: "sv" }));
    expect(await preferredLocale(ctx, { ...kalle, locale: "fi-FI" }, channel)).toBe("sv");
    expect(localeOf(await personOf(kalle), { locale: "en" })).toBe("sv");
  });

  it("notifications to the person use the chosen language", async () => {
    ok(await setLanguage(ctx, { actor: sanna, conversation: channel, locale: "sv" }));
    ok(
      await addMeasure(ctx, {
        actor: chair,
        conversation: channel,
        title: "Map the welding teachers",
        ownerPersonId: (await personOf(sanna)).id,
        dueDate: "2027-09-30",
      }),
    );
    const dm = await db.prisma.outboxMessage.findFirstOrThrow({ where: { target: "U-SEC" } });
    expect(JSON.stringify(dm.payload)).toContain("gav dig en åtgärd");
  });

  it("refuses an unknown language and changes nothing", async () => {
    expect(await setLanguage(ctx, { actor: sanna, conversation: channel, locale: "de" })).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
    });
    // Nothing chosen: fi-FI is only what her platform says.
    expect(await personOf(sanna)).toMatchObject({ locale: null, seenLocale: "fi" });
  });
});

describe("my data, erasure", () => {
  /** Sanna records a decision, owns a measure and answers a named and an anonymous pulse. */
  async function sannasFootprint() {
    const sannaId = (await personOf(sanna)).id;
    const decision = ok(
      await recordDecision(ctx, {
        actor: sanna,
        conversation: channel,
        text: "Start a welding course in Kemi",
      }),
    );
    const measure = ok(
      await addMeasure(ctx, {
        actor: chair,
        conversation: channel,
        title: "Plan the welding course",
        ownerPersonId: sannaId,
        dueDate: "2027-09-30",
        decisionId: decision.decisionId!,
      }),
    );
    const named = await pulse("Named pulse", false, "2027-05-03T06:00:00Z", "2027-05-17T15:00:00Z");
    for (const [user, value] of [
      [sanna, 5],
      [m1, 4],
      [m2, 3],
    ] as const)
      await answerTrust(user, named.pulseId, value, false);
    const anonymous = await pulse("Anonymous pulse", true, "2027-05-03T07:00:00Z", "2027-05-17T15:00:00Z");
    for (const [user, value] of [
      [sanna, 2],
      [m1, 4],
      [m3, 5],
    ] as const)
      await answerTrust(user, anonymous.pulseId, value, true);
    at("2027-05-20T06:00:00Z");
    ok(await closePulse(ctx, { actor: chair, conversation: channel, pulseId: anonymous.pulseId }));
    return { sannaId, decision, measure, named, anonymous };
  }

  it("my-data has everything about the member, and no anonymous answers", async () => {
    const { named } = await sannasFootprint();
    const data = ok(await myData(ctx, { actor: sanna, conversation: dm }));
    const doc = JSON.parse(data.json.content);
    expect(doc.person).toMatchObject({
      displayName: "Sanna Secretary",
      email: "sanna@example.fi",
      organisation: "Lapland College",
    });
    expect(doc.identities).toEqual([expect.objectContaining({ platform: "SLACK", userId: "U-SEC" })]);
    expect(doc.memberships).toEqual([expect.objectContaining({ cluster: "Energy", role: "SECRETARY" })]);
    expect(doc.decisionsRecorded).toEqual([
      expect.objectContaining({ text: "Start a welding course in Kemi" }),
    ]);
    expect(doc.measuresOwned).toEqual([
      expect.objectContaining({ title: "Plan the welding course", dueDate: "2027-09-30" }),
    ]);
    expect(doc.pulseParticipations).toHaveLength(2);
    // Only the named response: the anonymous one is not linked to her.
    expect(doc.namedPulseResponses).toEqual([
      expect.objectContaining({ pulse: "Named pulse", answers: { "cluster-trust": 5 } }),
    ]);
    expect(doc.auditEntries.map((a: { action: string }) => a.action)).toContain("decision.record");
    expect(JSON.stringify(doc.conversations)).not.toContain("serviceUrl");
    expect(named.pulseId).toBeTruthy();
    // The CSV: in Sanna's language (fi) and a Finnish spreadsheet's format, one row per item.
    const rows = parseCsv(data.csv.content, ";");
    expect(rows[0]).toEqual(["Tyyppi", "Klusteri", "Aika", "Kuvaus"]);
    const decision = rows.find((r) => r[0] === "päätös")!;
    expect(decision.slice(0, 2)).toEqual(["päätös", "Energy"]);
    expect(decision[2]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/); // a date-time to a spreadsheet
    expect(decision[3]).toContain("welding course in Kemi");
    expect(
      rows.some((r) => r[0] === "pulssikyselyn vastaus" && r[3] === "Named pulse / cluster-trust: 5"),
    ).toBe(true);
    expect(rows.some((r) => r[3]!.includes("Anonymous pulse / cluster-trust"))).toBe(false);
    expect(rows.find((r) => r[0] === "toimenpide")![3]).toBe(
      "Plan the welding course (PLANNED, 0 %, määräaika 2027-09-30)",
    );
    expect(await db.prisma.auditEntry.count({ where: { action: "member.my-data" } })).toBe(1);
  });

  it("my-data writes a free-text answer as the text itself, not as escaped JSON, and local times", async () => {
    await sannasFootprint();
    const answer = await db.prisma.pulseAnswer.findFirstOrThrow({
      where: { response: { pulse: { title: "Named pulse" }, person: { displayName: "Sanna Secretary" } } },
    });
    const text = 'Asuntopula, "junat"\nja tiet';
    await db.prisma.pulseAnswer.update({ where: { id: answer.id }, data: { value: text } });
    const data = ok(await myData(ctx, { actor: sanna, conversation: dm }));
    const rows = parseCsv(data.csv.content, ";");
    const row = rows.find((r) => r[0] === "pulssikyselyn vastaus")!;
    expect(row[3]).toBe(`Named pulse / cluster-trust: ${text}`);
    // Submitted at 2027-05-0x in UTC; the cell is the Helsinki wall clock (cluster zone, UTC+3).
    const response = await db.prisma.pulseResponse.findFirstOrThrow({ where: { id: answer.responseId } });
    const helsinki = new Date(response.submittedAt!.getTime() + 3 * 3_600_000).toISOString();
    expect(row[2]).toBe(`${helsinki.slice(0, 10)} ${helsinki.slice(11, 19)}`);
  });

  it("erases a member: nothing personal left, records kept with a former member, anonymous answers unchanged", async () => {
    const { sannaId, decision, measure, named, anonymous } = await sannasFootprint();
    const anonymousBefore = await db.prisma.pulseAnswer.findMany({
      where: { response: { pulseId: anonymous.pulseId } },
      orderBy: { id: "asc" },
    });
    expect(
      await db.prisma.outboxMessage.count({ where: { target: "U-SEC", status: "PENDING" } }),
    ).toBeGreaterThan(0);
    // The DM channel the bot opened for her (kept in the database so instances share it).
    await db.prisma.slackDmChannel.create({ data: { userId: "U-SEC", channelId: "D-SEC" } });

    // Frozen minutes that list her by name.
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    const meeting = await db.prisma.meeting.create({
      data: { clusterId: cluster.id, title: "Spring meeting" },
    });
    const minutes = await db.prisma.minutes.create({
      data: {
        meetingId: meeting.id,
        version: 1,
        status: "APPROVED",
        content: { attendance: { present: ["Aino", "Sanna Secretary"] }, notes: "Sanna Secretary's notes" },
      },
    });

    const preview = ok(
      await previewErasure(ctx, {
        actor: chair,
        conversation: channel,
        target: { platform: "SLACK", tenant: "T-LAPLAND", userId: "U-SEC" },
      }),
    );
    expect(preview).toMatchObject({ personId: sannaId, displayName: "Sanna Secretary" });
    at("2027-05-21T09:00:00Z");
    ok(await eraseMember(ctx, { actor: chair, conversation: channel, personId: sannaId }));

    // Names in frozen documents are replaced where they stand alone; free text is left as written.
    expect((await db.prisma.minutes.findUniqueOrThrow({ where: { id: minutes.id } })).content).toEqual({
      attendance: { present: ["Aino", ERASED_DISPLAY_NAME] },
      notes: "Sanna Secretary's notes",
    });
    // (free text naming her is for the secretary to edit; out of the scan below)
    await db.prisma.minutes.delete({ where: { id: minutes.id } });
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: sannaId } });
    expect(person).toMatchObject({
      displayName: ERASED_DISPLAY_NAME,
      email: null,
      locale: null,
      timeZone: null,
      organisation: null,
      stakeholderType: null,
      erasedAt: new Date("2027-05-21T09:00:00Z"),
    });
    for (const count of [
      db.prisma.platformIdentity.count({ where: { personId: sannaId } }),
      db.prisma.conversationRef.count({ where: { personId: sannaId } }),
      db.prisma.membership.count({ where: { personId: sannaId } }),
      db.prisma.pulseResponse.count({ where: { personId: sannaId } }),
      db.prisma.measure.count({ where: { ownerId: sannaId } }),
      db.prisma.decision.count({ where: { recordedById: sannaId } }),
      db.prisma.outboxMessage.count({ where: { target: "U-SEC", status: "PENDING" } }),
      db.prisma.slackDmChannel.count({ where: { userId: "U-SEC" } }),
    ])
      expect(await count).toBe(0);
    // Her name and e-mail are nowhere in the database, in any table.
    const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    for (const { tablename } of tables) {
      const rows = await db.prisma.$queryRawUnsafe<{ hit: number }[]>(
        `SELECT count(*)::int AS hit FROM "${tablename}" t WHERE t::text ILIKE '%Sanna%' OR t::text ILIKE '%sanna@example%' OR t::text ILIKE '%U-SEC%'`,
      );
      expect(rows[0]!.hit, tablename).toBe(0);
    }
    // Decisions and measures stay, with a former member as owner (null owner → "former member").
    expect(await db.prisma.decision.findUniqueOrThrow({ where: { id: decision.decisionId! } })).toMatchObject(
      {
        text: "Start a welding course in Kemi",
        recordedById: null,
      },
    );
    expect(await db.prisma.measure.findUniqueOrThrow({ where: { id: measure.measureId } })).toMatchObject({
      title: "Plan the welding course",
      ownerId: null,
    });
    const register = ok(await listMeasures(ctx, { actor: chair, conversation: channel, filter: "all" }));
    expect(JSON.stringify(register)).toContain("Plan the welding course");
    // No owner left: the register (and every view) shows "former member" in the reader's language.
    expect(JSON.stringify(register)).toContain('"ownerName":null');
    // Her named answer stays in the aggregates, unlinked; anonymous answers are exactly as before.
    expect(await db.prisma.pulseResponse.count({ where: { pulseId: named.pulseId } })).toBe(3);
    expect(
      await db.prisma.pulseAnswer.findMany({
        where: { response: { pulseId: anonymous.pulseId } },
        orderBy: { id: "asc" },
      }),
    ).toEqual(anonymousBefore);
    // The audit log: who erased whom and when, without the name.
    const entry = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "member.erase" } });
    expect(entry).toMatchObject({
      actorId: (await personOf(chair)).id,
      subjectType: "person",
      subjectId: sannaId,
      createdAt: expect.any(Date),
    });
    expect(JSON.stringify(entry)).not.toContain("Sanna");
    // She cannot be reached or found again: a second erasure finds no member.
    expect(await eraseMember(ctx, { actor: chair, conversation: channel, personId: sannaId })).toMatchObject({
      ok: false,
      reason: "UNKNOWN_USER",
    });
  });

  it("refuses members, self-erasure and the last chair, changing nothing", async () => {
    const sannaId = (await personOf(sanna)).id;
    const chairId = (await personOf(chair)).id;
    const target = { platform: "SLACK" as const, tenant: "T-LAPLAND", userId: "U-SEC" };
    expect(await previewErasure(ctx, { actor: m1, conversation: channel, target })).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    expect(await eraseMember(ctx, { actor: m1, conversation: channel, personId: sannaId })).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    // Even the secretary is not allowed: chairs and coordinators only.
    expect(
      await eraseMember(ctx, { actor: sanna, conversation: channel, personId: (await personOf(m1)).id }),
    ).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    expect(await eraseMember(ctx, { actor: chair, conversation: channel, personId: chairId })).toMatchObject({
      ok: false,
      reason: "ERASE_SELF",
    });
    // A coordinator may erase, but not the cluster's only chair.
    await db.prisma.membership.updateMany({
      where: { personId: (await personOf(m1)).id },
      data: { role: "COORDINATOR" },
    });
    expect(await eraseMember(ctx, { actor: m1, conversation: channel, personId: chairId })).toMatchObject({
      ok: false,
      reason: "LAST_CHAIR",
    });
    expect((await personOf(sanna)).erasedAt).toBeNull();
    expect((await personOf(chair)).erasedAt).toBeNull();
    expect(await db.prisma.auditEntry.count({ where: { action: "member.erase" } })).toBe(0);
  });
});

describe("retention", () => {
  it("deletes raw answers beyond the kept cycles and keeps the aggregates for results", async () => {
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    await db.prisma.cluster.update({
      where: { id: cluster.id },
      data: { settings: { retention: { keepPulseCycles: 1 } } },
    });
    const first = await pulse("Spring", false, "2027-05-03T06:00:00Z", "2027-05-17T15:00:00Z");
    for (const [user, value] of [
      [m1, 2],
      [m2, 3],
      [m3, 4],
    ] as const)
      await answerTrust(user, first.pulseId, value, false);
    at("2027-05-18T06:00:00Z");
    const before = ok(
      await pulseResults(ctx, { actor: chair, conversation: channel, pulseId: first.pulseId }),
    );
    const second = await pulse("Autumn", true, "2027-11-01T06:00:00Z", "2027-11-15T15:00:00Z");
    for (const [user, value] of [
      [m1, 4],
      [m2, 5],
      [m3, 5],
    ] as const)
      await answerTrust(user, second.pulseId, value, true);
    at("2027-11-16T06:00:00Z");
    ok(await closePulse(ctx, { actor: chair, conversation: channel, pulseId: second.pulseId }));
    await db.prisma.pulse.update({ where: { id: first.pulseId }, data: { status: "CLOSED" } });
    const secondBefore = ok(
      await pulseResults(ctx, { actor: chair, conversation: channel, pulseId: second.pulseId }),
    );

    expect(await applyRetention(ctx)).toEqual({ pulses: 1, responses: 3 });
    expect(await db.prisma.pulseResponse.count({ where: { pulseId: first.pulseId } })).toBe(0);
    expect(await db.prisma.pulseAnswer.count({ where: { response: { pulseId: first.pulseId } } })).toBe(0);
    expect(await db.prisma.pulseResponse.count({ where: { pulseId: second.pulseId } })).toBe(3);
    // The aggregates survive: the old pulse's results and the newer one's comparison are unchanged.
    const after = ok(
      await pulseResults(ctx, { actor: chair, conversation: channel, pulseId: first.pulseId }),
    );
    expect(after.summary).toEqual(before.summary);
    expect(after.rate).toEqual(before.rate);
    expect(after.summary.respondents).toBe(3);
    const secondAfter = ok(
      await pulseResults(ctx, { actor: chair, conversation: channel, pulseId: second.pulseId }),
    );
    expect(secondAfter.comparisons).toEqual(secondBefore.comparisons);
    expect(Object.keys(secondAfter.comparisons)).toEqual(["cluster-trust"]);
    // The export: no raw answer rows left, the summary from the stored aggregates.
    const exported = ok(
      await exportPulseCsv(ctx, { actor: chair, conversation: channel, pulseId: first.pulseId }),
    );
    expect(exported.answers.content.trim().split("\r\n")).toHaveLength(1);
    expect(exported.summary.content).toContain("cluster-trust");
    // Idempotent: a second run finds nothing to do.
    expect(await applyRetention(ctx)).toEqual({ pulses: 0, responses: 0 });
    expect(await db.prisma.auditEntry.count({ where: { action: "pulse.retention" } })).toBe(1);
  });
});
