// Merging two people into one on a real database: every table that can point at a person has rows
// for both, the collision rules decide (higher role, latest slot answer, submitted response, furthest
// participation…), and afterwards the merged id is nowhere in the database, in any table.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../../src/features/pulses/app/pulse-drafts.ts";
import { seedQuestionBank } from "../../src/features/pulses/app/seed-question-bank.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { ensurePerson } from "../../src/kernel/app/identity.ts";
import { MergeRefused, type MergeSummary, mergePeople } from "../../src/kernel/app/merge-people.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";

let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-05-03T06:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await seedQuestionBank(ctx);
});

async function person(displayName: string, platform: "SLACK" | "TEAMS", externalId: string, extra = {}) {
  return db.prisma.person.create({
    data: { displayName, ...extra, identities: { create: { platform, tenant: "T-1", externalId } } },
  });
}

const merge = (keepId: string, mergeId: string): Promise<MergeSummary> =>
  db.prisma.$transaction((tx) => mergePeople(tx, { keepId, mergeId }));

/** Every row of every table whose text contains the id: what a merge must leave at zero. */
async function tablesMentioning(id: string): Promise<Record<string, number>> {
  const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const hits: Record<string, number> = {};
  for (const { tablename } of tables) {
    const rows = await db.prisma.$queryRawUnsafe<{ hit: number }[]>(
      `SELECT count(*)::int AS hit FROM "${tablename}" t WHERE strpos(t::text, $1) > 0`,
      id,
    );
    if (rows[0]!.hit > 0) hits[tablename] = rows[0]!.hit;
  }
  return hits;
}

/**
 * Kaisa (kept, Slack) and Kalle (merged, Teams) are the same human. Both have rows everywhere, many
 * of them for the same thing.
 */
type Slot = { id: string };

async function twoSidedWorld() {
  const keep = await person("Kaisa", "SLACK", "U-KAISA", { locale: "fi" });
  const gone = await person("Kalle", "TEAMS", "29:kalle", {
    email: "kaisa@example.fi",
    locale: "sv",
    timeZone: "Europe/Stockholm",
    organisation: "Lapland College",
    stakeholderType: "EDUCATION",
  });
  const other = await person("Olli", "SLACK", "U-OLLI");
  const energy = await db.prisma.cluster.create({ data: { name: "Energy" } });
  const mining = await db.prisma.cluster.create({ data: { name: "Mining" } });
  const tourism = await db.prisma.cluster.create({ data: { name: "Tourism" } });
  await db.prisma.membership.createMany({
    data: [
      { clusterId: energy.id, personId: keep.id, role: "MEMBER", joinedAt: minutesAgo(10) },
      { clusterId: energy.id, personId: gone.id, role: "SECRETARY", joinedAt: minutesAgo(50) },
      { clusterId: mining.id, personId: keep.id, role: "CHAIR", joinedAt: minutesAgo(90) },
      { clusterId: mining.id, personId: gone.id, role: "OBSERVER", joinedAt: minutesAgo(5) },
      { clusterId: tourism.id, personId: gone.id, role: "COORDINATOR", joinedAt: minutesAgo(30) },
      { clusterId: energy.id, personId: other.id, role: "CHAIR" },
    ],
  });

  const meeting = await db.prisma.meeting.create({
    data: {
      clusterId: energy.id,
      title: "Spring",
      organiserId: gone.id,
      slots: {
        create: [0, 1, 2].map((d) => ({
          startsAt: new Date(`2027-06-1${d}T07:00:00Z`),
          durationMinutes: 90,
        })),
      },
    },
    include: { slots: { orderBy: { startsAt: "asc" } } },
  });
  const slot = (i: number): Slot => meeting.slots[i]!;
  const [s1, s2, s3] = [slot(0), slot(1), slot(2)];
  // Slot 1: Kalle answered last; slot 2: Kaisa did; slot 3: only Kalle.
  await db.prisma.slotVote.createMany({
    data: [
      { slotId: s1.id, personId: keep.id, answer: "NO", updatedAt: minutesAgo(20) },
      { slotId: s1.id, personId: gone.id, answer: "YES", updatedAt: minutesAgo(2) },
      { slotId: s2.id, personId: keep.id, answer: "IF_NEED_BE", updatedAt: minutesAgo(1) },
      { slotId: s2.id, personId: gone.id, answer: "YES", updatedAt: minutesAgo(30) },
      { slotId: s3.id, personId: gone.id, answer: "NO", updatedAt: minutesAgo(40) },
    ],
  });
  const held = await db.prisma.meeting.create({
    data: { clusterId: energy.id, title: "Winter", status: "HELD" },
  });
  await db.prisma.attendance.createMany({
    data: [
      { meetingId: meeting.id, personId: keep.id, present: false },
      { meetingId: meeting.id, personId: gone.id, present: true },
      { meetingId: held.id, personId: gone.id, present: true },
    ],
  });
  const item1 = await db.prisma.agendaItem.create({
    data: { clusterId: energy.id, meetingId: meeting.id, title: "Welding", proposedById: gone.id },
  });
  const item2 = await db.prisma.agendaItem.create({
    data: { clusterId: energy.id, meetingId: meeting.id, title: "Hydrogen", proposedById: keep.id },
  });
  await db.prisma.agendaVote.createMany({
    data: [
      { itemId: item1.id, personId: keep.id },
      { itemId: item1.id, personId: gone.id },
      { itemId: item2.id, personId: gone.id },
    ],
  });
  const decision = await db.prisma.decision.create({
    data: { clusterId: energy.id, meetingId: held.id, text: "Start a course", recordedById: gone.id },
  });
  // A Delphi Kalle created; both answered statement 1 of round 1, only Kalle statement 2.
  const delphi = await db.prisma.delphi.create({
    data: {
      clusterId: energy.id,
      title: "Energy 2035",
      scales: [{ key: "probability", kind: "likert5" }],
      createdById: gone.id,
      statements: { create: [1, 2, 3].map((position) => ({ position, text: `Statement ${position}` })) },
    },
    include: { statements: { orderBy: { position: "asc" } } },
  });
  const [st1, st2] = [delphi.statements[0]!, delphi.statements[1]!];
  await db.prisma.delphiAnswered.createMany({
    data: [
      { delphiId: delphi.id, statementId: st1.id, round: 1, personId: keep.id },
      { delphiId: delphi.id, statementId: st1.id, round: 1, personId: gone.id },
      { delphiId: delphi.id, statementId: st2.id, round: 1, personId: gone.id },
    ],
  });
  // A signal Kalle saved, which both rated (Kaisa's rating stays), and one only Kalle rated.
  const signal = await db.prisma.signal.create({
    data: {
      clusterId: energy.id,
      title: "Heat pumps in mines",
      description: "Seen at a supplier",
      category: "TECHNOLOGICAL",
      significance: 4,
      timeliness: 3,
      savedById: gone.id,
    },
  });
  const signal2 = await db.prisma.signal.create({
    data: {
      clusterId: energy.id,
      title: "Grid fee",
      description: "-",
      category: "ECONOMIC",
      significance: 2,
      timeliness: 2,
    },
  });
  await db.prisma.signalRating.createMany({
    data: [
      { signalId: signal.id, personId: keep.id, plausibility: 5 },
      { signalId: signal.id, personId: gone.id, plausibility: 1 },
      { signalId: signal2.id, personId: gone.id, significance: 3 },
    ],
  });
  const measure = await db.prisma.measure.create({
    data: {
      clusterId: energy.id,
      decisionId: decision.id,
      title: "Plan the course",
      ownerId: gone.id,
      createdById: gone.id,
      dueDate: new Date("2027-09-30"),
    },
  });
  await db.prisma.measureUpdate.create({
    data: { measureId: measure.id, authorId: gone.id, status: "STARTED", progress: 10 },
  });
  await db.prisma.minutes.create({
    data: {
      meetingId: held.id,
      version: 1,
      status: "APPROVED",
      approvedById: gone.id,
      approvedAt: minutesAgo(60),
      content: { attendance: { presentIds: [gone.id, other.id] } },
    },
  });

  const question = await db.prisma.question.findFirstOrThrow({ where: { key: "cluster-trust" } });
  const pulseOf = async (title: string, anonymous: boolean) =>
    db.prisma.pulse.create({
      data: {
        clusterId: energy.id,
        title,
        anonymous,
        status: "OPEN",
        opensAt: minutesAgo(600),
        closesAt: new Date("2027-05-20T15:00:00Z"),
        createdById: gone.id,
        questions: { create: { questionId: question.id, position: 0 } },
      },
      include: { questions: true },
    });
  const answered = async (p: Awaited<ReturnType<typeof pulseOf>>, personId: string | null, value: number) =>
    db.prisma.pulseResponse.create({
      data: {
        pulseId: p.id,
        personId,
        submittedAt: personId ? minutesAgo(value) : null,
        ...(personId ? {} : { submitted: true }),
        answers: { create: { pulseQuestionId: p.questions[0]!.id, value } },
      },
    });
  // Named A: Kalle submitted, Kaisa only started → Kalle's response survives.
  const namedA = await pulseOf("Named A", false);
  await db.prisma.pulseParticipation.createMany({
    data: [
      { pulseId: namedA.id, personId: keep.id, status: "STARTED", remindersSent: 1 },
      {
        pulseId: namedA.id,
        personId: gone.id,
        status: "COMPLETED",
        remindersSent: 2,
        stakeholderType: "EDUCATION",
      },
    ],
  });
  const keptA = await answered(namedA, keep.id, 2);
  const goneA = await answered(namedA, gone.id, 5);
  // Named B: neither submitted → Kaisa's stays.
  const namedB = await pulseOf("Named B", false);
  await db.prisma.pulseParticipation.createMany({
    data: [
      { pulseId: namedB.id, personId: keep.id, status: "STARTED", remindersSent: 3 },
      { pulseId: namedB.id, personId: gone.id, status: "INVITED", remindersSent: 0 },
    ],
  });
  const keptB = await answered(namedB, keep.id, 3);
  const goneB = await answered(namedB, gone.id, 4);
  // Anonymous: only Kalle, submitted (no trace of him on the response), and a second draft he
  // started under a token hashed with his id.
  const anonymous = await pulseOf("Anonymous", true);
  await db.prisma.pulseParticipation.create({
    data: { pulseId: anonymous.id, personId: gone.id, status: "COMPLETED", updatedAt: minutesAgo(77) },
  });
  const anonymousResponse = await answered(anonymous, null, 1);
  await db.prisma.pulseDraft.create({
    data: { pulseId: anonymous.id, tokenHash: hashToken("secret-token", gone.id), sealed: "v1.sealed" },
  });

  const personal = await db.prisma.conversationRef.create({
    data: {
      platform: "TEAMS",
      conversationId: "a:personal-kalle",
      scope: "PERSONAL",
      personId: gone.id,
      reference: { user: { id: "29:kalle" } },
    },
  });
  await db.prisma.auditEntry.createMany({
    data: [
      {
        clusterId: energy.id,
        actorId: gone.id,
        action: "member.join",
        subjectType: "person",
        subjectId: gone.id,
      },
      { clusterId: energy.id, actorId: other.id, action: "member.role", details: { personId: gone.id } },
      {
        clusterId: energy.id,
        actorId: keep.id,
        action: "member.join",
        subjectType: "person",
        subjectId: keep.id,
      },
    ],
  });
  await db.prisma.downloadFile.create({
    data: {
      tokenHash: "hash-1",
      personId: gone.id,
      filename: "my-data.json",
      mimeType: "application/json",
      title: "My data",
      content: Buffer.from("{}"),
      expiresAt: new Date(now.getTime() + 86_400_000),
    },
  });
  await db.prisma.linkCode.create({
    data: {
      code: "code-hash",
      kind: "person",
      personId: gone.id,
      expiresAt: new Date(now.getTime() + 900_000),
    },
  });
  // Reminders for both to the same pulse (one survives), one only for Kalle, one naming him inside.
  await db.prisma.outboxMessage.createMany({
    data: [
      { key: `pulse:${namedB.id}:reminder-1:${keep.id}`, platform: "SLACK", target: "U-KAISA", payload: {} },
      { key: `pulse:${namedB.id}:reminder-1:${gone.id}`, platform: "TEAMS", target: "29:kalle", payload: {} },
      { key: `meeting:${meeting.id}:nudge-1:${gone.id}`, platform: "TEAMS", target: "29:kalle", payload: {} },
      {
        key: `measure:${measure.id}:assigned`,
        platform: "TEAMS",
        target: "29:kalle",
        payload: { fallback: "", elements: [{ type: "button", value: `owner:${gone.id}` }] },
      },
    ],
  });
  await db.prisma.postedMessage.create({
    data: {
      platform: "TEAMS",
      conversationId: "a:personal-kalle",
      messageId: "1",
      subjectType: "home",
      subjectId: gone.id,
    },
  });

  return {
    keep,
    gone,
    other,
    energy,
    mining,
    tourism,
    meeting,
    held,
    s1,
    s2,
    s3,
    item1,
    item2,
    decision,
    measure,
    namedA,
    namedB,
    anonymous,
    keptA,
    goneA,
    keptB,
    goneB,
    anonymousResponse,
    personal,
  };
}

describe("mergePeople", () => {
  it("moves every row onto the kept person, resolves collisions, and leaves the merged id nowhere", async () => {
    const w = await twoSidedWorld();
    const summary = await merge(w.keep.id, w.gone.id);

    expect(await tablesMentioning(w.gone.id)).toEqual({});
    expect(await db.prisma.person.findUnique({ where: { id: w.gone.id } })).toBeNull();
    expect(summary).toEqual({
      moved: {
        identities: 1,
        conversations: 1,
        memberships: 1,
        slotVotes: 2,
        agendaVotes: 1,
        attendances: 1,
        participations: 1,
        namedResponses: 1,
        measuresOwned: 1,
        measureUpdates: 1,
        records: 10,
        auditEntries: 3,
        downloads: 1,
        linkCodes: 1,
        outbox: 2,
        delphiAnswered: 1,
        signalRatings: 1,
      },
      dropped: {
        memberships: 2,
        slotVotes: 2,
        agendaVotes: 1,
        attendances: 1,
        participations: 2,
        namedResponses: 2,
        outbox: 1,
        delphiAnswered: 1,
        signalRatings: 1,
      },
    });

    // The profile: Kaisa's own fields stay, the rest comes from Kalle; the name stays hers.
    expect(await db.prisma.person.findUniqueOrThrow({ where: { id: w.keep.id } })).toMatchObject({
      displayName: "Kaisa",
      email: "kaisa@example.fi",
      locale: "fi",
      timeZone: "Europe/Stockholm",
      organisation: "Lapland College",
      stakeholderType: "EDUCATION",
    });
    const identities = await db.prisma.platformIdentity.findMany({
      where: { personId: w.keep.id },
      orderBy: { platform: "asc" },
    });
    expect(identities.map((i) => i.externalId)).toEqual(["U-KAISA", "29:kalle"]);

    // Memberships: the higher role and the earlier date, per cluster.
    const memberships = await db.prisma.membership.findMany({ where: { personId: w.keep.id } });
    const byCluster = Object.fromEntries(memberships.map((m) => [m.clusterId, m]));
    expect(memberships).toHaveLength(3);
    expect(byCluster[w.energy.id]).toMatchObject({ role: "SECRETARY", joinedAt: minutesAgo(50) });
    expect(byCluster[w.mining.id]).toMatchObject({ role: "CHAIR", joinedAt: minutesAgo(90) });
    expect(byCluster[w.tourism.id]).toMatchObject({ role: "COORDINATOR", joinedAt: minutesAgo(30) });

    // Slot votes: the later answer of each slot, with its own time.
    const votes = await db.prisma.slotVote.findMany({ where: { personId: w.keep.id } });
    const bySlot = Object.fromEntries(votes.map((v) => [v.slotId, v]));
    expect(votes).toHaveLength(3);
    expect(bySlot[w.s1.id]).toMatchObject({ answer: "YES", updatedAt: minutesAgo(2) });
    expect(bySlot[w.s2.id]).toMatchObject({ answer: "IF_NEED_BE", updatedAt: minutesAgo(1) });
    expect(bySlot[w.s3.id]).toMatchObject({ answer: "NO", updatedAt: minutesAgo(40) });

    // One upvote per item, the kept person's attendance record where both had one.
    expect(await db.prisma.agendaVote.count({ where: { personId: w.keep.id } })).toBe(2);
    expect(await db.prisma.agendaVote.count({ where: { itemId: w.item1.id } })).toBe(1);
    // A Delphi statement both answered is marked once; a signal both rated keeps Kaisa's rating.
    expect(await db.prisma.delphiAnswered.count({ where: { personId: w.keep.id } })).toBe(2);
    expect(
      (
        await db.prisma.signalRating.findMany({
          where: { personId: w.keep.id },
          orderBy: { plausibility: "asc" },
        })
      ).map((r) => [r.plausibility, r.significance]),
    ).toEqual([
      [5, null],
      [null, 3],
    ]);
    const attendance = await db.prisma.attendance.findMany({ where: { personId: w.keep.id } });
    expect(Object.fromEntries(attendance.map((a) => [a.meetingId, a.present]))).toEqual({
      [w.meeting.id]: false,
      [w.held.id]: true,
    });

    // Records now name Kaisa.
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: w.meeting.id } })).toMatchObject({
      organiserId: w.keep.id,
    });
    expect(await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: w.item1.id } })).toMatchObject({
      proposedById: w.keep.id,
    });
    expect(await db.prisma.decision.findUniqueOrThrow({ where: { id: w.decision.id } })).toMatchObject({
      recordedById: w.keep.id,
    });
    expect(await db.prisma.measure.findUniqueOrThrow({ where: { id: w.measure.id } })).toMatchObject({
      ownerId: w.keep.id,
      createdById: w.keep.id,
    });
    expect(await db.prisma.measureUpdate.count({ where: { authorId: w.keep.id } })).toBe(1);
    const minutes = await db.prisma.minutes.findFirstOrThrow();
    expect(minutes).toMatchObject({
      approvedById: w.keep.id,
      content: { attendance: { presentIds: [w.keep.id, w.other.id] } },
    });
    expect(await db.prisma.pulse.count({ where: { createdById: w.keep.id } })).toBe(3);
    expect(await db.prisma.downloadFile.count({ where: { personId: w.keep.id } })).toBe(1);
    expect(await db.prisma.linkCode.count({ where: { personId: w.keep.id } })).toBe(1);
    // The personal chat moves with its original time (the "latest personal chat" stays truthful).
    expect(await db.prisma.conversationRef.findUniqueOrThrow({ where: { id: w.personal.id } })).toMatchObject(
      {
        personId: w.keep.id,
        updatedAt: w.personal.updatedAt,
      },
    );

    // Named A: Kalle's submitted response is now Kaisa's, with its answer; hers went with its answer.
    expect(await db.prisma.pulseResponse.findMany({ where: { pulseId: w.namedA.id } })).toEqual([
      expect.objectContaining({ id: w.goneA.id, personId: w.keep.id }),
    ]);
    expect(await db.prisma.pulseAnswer.count({ where: { responseId: w.keptA.id } })).toBe(0);
    expect(await db.prisma.pulseAnswer.count({ where: { responseId: w.goneA.id } })).toBe(1);
    // Named B: nobody submitted, Kaisa's stays.
    expect(await db.prisma.pulseResponse.findMany({ where: { pulseId: w.namedB.id } })).toEqual([
      expect.objectContaining({ id: w.keptB.id, personId: w.keep.id }),
    ]);
    // Participations: the furthest status, the most reminders; the anonymous one moves untouched.
    const participations = await db.prisma.pulseParticipation.findMany({ where: { personId: w.keep.id } });
    const byPulse = Object.fromEntries(participations.map((p) => [p.pulseId, p]));
    expect(participations).toHaveLength(3);
    expect(byPulse[w.namedA.id]).toMatchObject({
      status: "COMPLETED",
      remindersSent: 2,
      stakeholderType: "EDUCATION",
    });
    expect(byPulse[w.namedB.id]).toMatchObject({ status: "STARTED", remindersSent: 3 });
    expect(byPulse[w.anonymous.id]).toMatchObject({ status: "COMPLETED", updatedAt: minutesAgo(77) });
    // The anonymous answer stays, unlinked; the draft stays under its old token hash (nobody can
    // re-key it).
    expect(
      await db.prisma.pulseResponse.findUniqueOrThrow({ where: { id: w.anonymousResponse.id } }),
    ).toMatchObject({ personId: null, submitted: true });
    expect(await db.prisma.pulseDraft.findMany()).toEqual([
      expect.objectContaining({ pulseId: w.anonymous.id, tokenHash: hashToken("secret-token", w.gone.id) }),
    ]);

    // Notifications: one reminder per pulse for the one person; the others re-keyed.
    const keys = (await db.prisma.outboxMessage.findMany({ orderBy: { key: "asc" } })).map((m) => m.key);
    expect(keys).toEqual(
      [
        `measure:${w.measure.id}:assigned`,
        `meeting:${w.meeting.id}:nudge-1:${w.keep.id}`,
        `pulse:${w.namedB.id}:reminder-1:${w.keep.id}`,
      ].sort(),
    );
    expect(
      await db.prisma.outboxMessage.findUniqueOrThrow({
        where: { key: `pulse:${w.namedB.id}:reminder-1:${w.keep.id}` },
      }),
    ).toMatchObject({ target: "U-KAISA" });
    // The audit log tells one person's story.
    expect(await db.prisma.auditEntry.count({ where: { actorId: w.keep.id, action: "member.join" } })).toBe(
      2,
    );
    // Nobody else was touched.
    expect(await db.prisma.membership.findFirstOrThrow({ where: { personId: w.other.id } })).toMatchObject({
      role: "CHAIR",
    });
  });

  it("the merged person's platform identity now finds the kept person", async () => {
    const w = await twoSidedWorld();
    await merge(w.keep.id, w.gone.id);
    const found = await ensurePerson(ctx, { platform: "TEAMS", tenant: "T-1", userId: "29:kalle" });
    expect(found.id).toBe(w.keep.id);
  });

  it("refuses the same person, an erased one and an unknown one, changing nothing", async () => {
    const keep = await person("Kaisa", "SLACK", "U-KAISA");
    const gone = await person("Kalle", "TEAMS", "29:kalle");
    const erased = await person("Former member", "TEAMS", "29:erased", { erasedAt: minutesAgo(5) });
    const refusal = async (keepId: string, mergeId: string) => {
      const error = await merge(keepId, mergeId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MergeRefused);
      return (error as MergeRefused).reason;
    };
    expect(await refusal(keep.id, keep.id)).toBe("SAME_PERSON");
    expect(await refusal(keep.id, erased.id)).toBe("PERSON_ERASED");
    expect(await refusal(erased.id, gone.id)).toBe("PERSON_ERASED");
    expect(await refusal(keep.id, "00000000-0000-4000-8000-000000000000")).toBe("PERSON_NOT_FOUND");
    expect(await refusal(keep.id, '\'; DROP TABLE "Person"; --')).toBe("PERSON_NOT_FOUND");
    expect(await db.prisma.person.count()).toBe(3);
    expect(await db.prisma.platformIdentity.count({ where: { personId: gone.id } })).toBe(1);
  });

  it("rolls back with the caller's transaction", async () => {
    const w = await twoSidedWorld();
    const before = await tablesMentioning(w.gone.id);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await mergePeople(tx, { keepId: w.keep.id, mergeId: w.gone.id });
        throw new Error("the caller changed its mind");
      }),
    ).rejects.toThrow("changed its mind");
    expect(await tablesMentioning(w.gone.id)).toEqual(before);
  });
});
