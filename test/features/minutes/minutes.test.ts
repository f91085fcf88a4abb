// Minutes through the use cases on the real database: the draft built from the record (attendance,
// outcomes, decisions, new and followed-up measures, the latest pulse), saving the secretary's words,
// approving (frozen, audited), a change after approval as version 2, the files, and refusals: the
// wrong role, a meeting of another cluster, a meeting that does not exist, nothing held yet.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addAgendaItem } from "../../../src/features/agenda/app/add-agenda-item.ts";
import { curateAgendaItem } from "../../../src/features/agenda/app/curate-agenda-item.ts";
import { assignRole } from "../../../src/features/clusters/app/assign-role.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { addMeasure } from "../../../src/features/measures/app/add-measure.ts";
import { finaliseMeeting } from "../../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import { approveMinutes } from "../../../src/features/minutes/app/minutes-approve.ts";
import { minutesDraft } from "../../../src/features/minutes/app/minutes-draft.ts";
import { exportMinutes } from "../../../src/features/minutes/app/minutes-export.ts";
import { saveMinutes } from "../../../src/features/minutes/app/minutes-save.ts";
import { parseMinutesContent } from "../../../src/features/minutes/domain/minutes-content.ts";
import { answerPulse } from "../../../src/features/pulses/app/answer-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { recordAgendaOutcome } from "../../../src/features/record/app/record-agenda-outcome.ts";
import { recordAttendance } from "../../../src/features/record/app/record-attendance.ts";
import { recordDecision } from "../../../src/features/record/app/record-decision.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { Conversation, PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { parseCsv } from "../../support/parse-csv.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import { docxText, unzip } from "../../support/unzip.ts";

let db: TestDatabase;
let ctx: AppContext;
const START = new Date("2027-03-01T10:00:00Z");
let now = START;
const channel = slackChannel("C-ENERGY");
const mining = slackChannel("C-MINING");
const chair = slackUser("U-CHAIR", "Aino");
const emma = slackUser("U-EMMA", "Emma");
const olli = slackUser("U-OLLI", "Olli");
const miner = slackUser("U-MINER", "Mira");
// Friday 26 March 2027, 10:00 in Helsinki (UTC+2).
const STARTS = new Date("2027-03-26T08:00:00.000Z");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await seedQuestionBank(ctx);
  now = START;
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: emma, conversation: channel });
  await joinCluster(ctx, { actor: olli, conversation: channel });
  await assignRole(ctx, {
    actor: chair,
    conversation: channel,
    target: { platform: "SLACK", tenant: "T-LAPLAND", userId: "U-EMMA" },
    role: "SECRETARY",
  });
  await setupCluster(ctx, { actor: miner, conversation: mining, name: "Mining", locale: "fi" });
});

const personId = async (name: string) =>
  (await db.prisma.person.findFirstOrThrow({ where: { displayName: name } })).id;
const must = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
};

async function scheduledMeeting(conversation: Conversation, actor: PlatformUser, title: string) {
  const { meetingId } = must(
    await planMeeting(ctx, {
      actor,
      conversation,
      title,
      slots: [
        { date: "2027-03-26", time: "10:00", durationMinutes: 120, place: "Rovaniemi" },
        { date: "2027-03-29", time: "10:00", durationMinutes: 120 },
      ],
    }),
  );
  const items: string[] = [];
  for (const itemTitle of ["Hydrogen valley", "Welding skills"]) {
    const added = must(
      await addAgendaItem(ctx, { actor, conversation, meetingId, title: itemTitle, kind: "TOPIC" }),
    );
    items.push(added.itemId!);
    must(
      await curateAgendaItem(ctx, {
        actor,
        conversation,
        itemId: added.itemId!,
        curation: { kind: "accept" },
      }),
    );
  }
  const slot = await db.prisma.meetingSlot.findFirstOrThrow({ where: { meetingId, startsAt: STARTS } });
  must(await finaliseMeeting(ctx, { actor, conversation, meetingId, slotId: slot.id }));
  return { meetingId, items: items as [string, string] };
}

/** A closed pulse with three named answers, an earlier measure, and the meeting recorded. */
async function heldMeeting() {
  const pulse = must(
    await createPulse(ctx, {
      actor: chair,
      conversation: channel,
      title: "Winter pulse",
      questionKeys: ["cluster-trust", "hiring-next-12m"],
      anonymous: false,
      opensAt: START,
      closesAt: new Date("2027-03-08T15:00:00Z"),
    }),
  );
  for (const [who, trust] of [
    [chair, 4],
    [emma, 5],
    [olli, 3],
  ] as const)
    must(
      await answerPulse(ctx, {
        actor: who,
        pulseId: pulse.pulseId,
        answers: [
          { questionKey: "cluster-trust", value: trust },
          { questionKey: "hiring-next-12m", value: 2 },
        ],
        submit: true,
      }),
    );
  // Before the meeting: a measure to follow up.
  must(
    await addMeasure(ctx, {
      actor: chair,
      conversation: channel,
      title: "Survey employers",
      ownerPersonId: await personId("Olli"),
      dueDate: "2027-04-15",
    }),
  );
  const meeting = await scheduledMeeting(channel, chair, "Spring 2027");
  now = new Date(STARTS.getTime() + 30 * 60_000);
  must(
    await recordAttendance(ctx, {
      actor: emma,
      conversation: channel,
      meetingId: meeting.meetingId,
      presentPersonIds: [await personId("Aino"), await personId("Emma")],
    }),
  );
  must(
    await recordAgendaOutcome(ctx, {
      actor: emma,
      conversation: channel,
      itemId: meeting.items[0],
      outcome: "DISCUSSED",
    }),
  );
  must(
    await recordAgendaOutcome(ctx, {
      actor: emma,
      conversation: channel,
      itemId: meeting.items[1],
      outcome: "DEFERRED",
    }),
  );
  const decision = must(
    await recordDecision(ctx, {
      actor: emma,
      conversation: channel,
      meetingId: meeting.meetingId,
      agendaItemId: meeting.items[0],
      text: "Apply for hydrogen valley funding",
    }),
  );
  must(
    await addMeasure(ctx, {
      actor: chair,
      conversation: channel,
      title: "Write the funding application",
      ownerPersonId: await personId("Emma"),
      dueDate: "2027-06-30",
      decisionId: decision.decisionId!,
    }),
  );
  return meeting;
}

describe("drafting", () => {
  it("builds the draft from the record, the measures and the latest closed pulse", async () => {
    const { meetingId } = await heldMeeting();
    const draft = must(await minutesDraft(ctx, { actor: emma, conversation: channel }));
    expect(draft.meetingId).toBe(meetingId);
    expect(draft.version).toBe(1);
    expect(draft.approvedVersion).toBeNull();
    const c = draft.content;
    expect(c.meeting).toMatchObject({
      title: "Spring 2027",
      location: "Rovaniemi",
      startsAt: STARTS.toISOString(),
    });
    expect(c.attendance).toEqual({ present: ["Aino", "Emma"], absent: ["Olli"], unrecorded: [] });
    expect(c.items).toEqual([
      { title: "Hydrogen valley", kind: "TOPIC", outcome: "DISCUSSED" },
      { title: "Welding skills", kind: "TOPIC", outcome: "DEFERRED" },
    ]);
    expect(c.decisions).toEqual([{ text: "Apply for hydrogen valley funding", item: "Hydrogen valley" }]);
    expect(c.newMeasures).toEqual([
      {
        title: "Write the funding application",
        owner: "Emma",
        due: "2027-06-30",
        status: "PLANNED",
        progress: 0,
      },
    ]);
    expect(c.followUp).toEqual([
      { title: "Survey employers", owner: "Olli", due: "2027-04-15", status: "PLANNED", progress: 0 },
    ]);
    expect(c.pulse).toMatchObject({ title: "Winter pulse", invited: 3, completed: 3, rate: 1 });
    expect(c.pulse!.questions[0]).toMatchObject({ n: 3, mean: 4, hidden: false });
    expect(c.pulse!.questions[1]).toMatchObject({ n: 3, mean: 2 });
    expect(c.summary).toBe("");
    // Reading writes nothing.
    expect(await db.prisma.minutes.count()).toBe(0);
  });

  it("is for the roles that record the meeting; others and other clusters' meetings are refused", async () => {
    const { meetingId } = await heldMeeting();
    expect(await minutesDraft(ctx, { actor: olli, conversation: channel })).toMatchObject({
      reason: "FORBIDDEN",
    });
    expect(
      await saveMinutes(ctx, { actor: olli, conversation: channel, meetingId, summary: "x" }),
    ).toMatchObject({ reason: "FORBIDDEN" });
    // Mining's chair names Energy's meeting from the Mining channel.
    expect(
      await minutesDraft(ctx, { actor: miner, conversation: mining, meeting: meetingId.slice(0, 8) }),
    ).toEqual({
      ok: false,
      reason: "MINUTES_MEETING_NOT_FOUND",
      details: { meeting: meetingId.slice(0, 8) },
    });
    expect(
      await saveMinutes(ctx, { actor: miner, conversation: mining, meetingId, summary: "x" }),
    ).toMatchObject({
      reason: "MINUTES_MEETING_NOT_FOUND",
    });
    expect(await approveMinutes(ctx, { actor: miner, conversation: mining, meetingId })).toMatchObject({
      reason: "MINUTES_MEETING_NOT_FOUND",
    });
    expect(await minutesDraft(ctx, { actor: miner, conversation: mining })).toEqual({
      ok: false,
      reason: "NO_HELD_MEETING",
    });
    expect(await exportMinutes(ctx, { actor: emma, conversation: channel, meeting: "Autumn 2031" })).toEqual({
      ok: false,
      reason: "MINUTES_MEETING_NOT_FOUND",
      details: { meeting: "Autumn 2031" },
    });
    expect(await db.prisma.minutes.count()).toBe(0);
  });

  it("finds a meeting by title (any case, or a unique part) or by the start of its id", async () => {
    const { meetingId } = await heldMeeting();
    for (const meeting of ["Spring 2027", "spring 2027", "spring", meetingId.slice(0, 6), meetingId])
      expect(must(await minutesDraft(ctx, { actor: emma, conversation: channel, meeting })).meetingId).toBe(
        meetingId,
      );
  });
});

describe("saving, approving and versions", () => {
  it("saves the draft, approves it frozen and audited, and makes version 2 on a later change", async () => {
    const { meetingId } = await heldMeeting();
    const saved = must(
      await saveMinutes(ctx, {
        actor: emma,
        conversation: channel,
        meetingId,
        summary: "The chair opened the meeting.",
        discussion: "Funding looks likely.",
        nextSteps: "Apply by June.",
      }),
    );
    expect(saved).toMatchObject({ version: 1, newVersion: false });
    const again = must(
      await saveMinutes(ctx, {
        actor: emma,
        conversation: channel,
        meetingId,
        summary: "Opened at 10.",
        nextSteps: "Apply by June.",
      }),
    );
    expect(again).toMatchObject({ version: 1, newVersion: false });
    expect(await db.prisma.minutes.count()).toBe(1);

    // Members see no files before approval; the secretary gets the draft.
    expect(await exportMinutes(ctx, { actor: olli, conversation: channel })).toEqual({
      ok: false,
      reason: "MINUTES_NOT_APPROVED",
      details: { meeting: "Spring 2027" },
    });
    const draftFiles = must(await exportMinutes(ctx, { actor: emma, conversation: channel }));
    expect(draftFiles.status).toBe("DRAFT");

    now = new Date(STARTS.getTime() + 3 * 3_600_000);
    const approved = must(await approveMinutes(ctx, { actor: chair, conversation: channel }));
    expect(approved).toMatchObject({ version: 1, approvedBy: "Aino", approvedAt: now });
    expect(approved.content.summary).toBe("Opened at 10.");
    const row = await db.prisma.minutes.findFirstOrThrow({ where: { meetingId, version: 1 } });
    expect(row).toMatchObject({ status: "APPROVED", approvedById: await personId("Aino"), approvedAt: now });
    expect(
      await db.prisma.auditEntry.count({ where: { action: "minutes.approve", subjectId: row.id } }),
    ).toBe(1);
    expect(await approveMinutes(ctx, { actor: chair, conversation: channel, meetingId })).toEqual({
      ok: false,
      reason: "MINUTES_ALREADY_APPROVED",
      details: { version: 1 },
    });

    // The files: approved version 1, for every member.
    const files = must(await exportMinutes(ctx, { actor: olli, conversation: channel }));
    expect(files).toMatchObject({ status: "APPROVED", version: 1 });
    expect(files.files.map((f) => f.filename)).toEqual([
      "minutes-spring-2027-v1.docx",
      "minutes-spring-2027-v1.md",
      "measures-spring-2027-v1.csv",
    ]);
    const text = docxText(unzip(files.files[0]!.bytes).get("word/document.xml")!.toString("utf8"));
    expect(text).toContain("Approved by Aino on 26 March 2027");
    expect(text).toContain("Present: Aino, Emma");
    expect(text).toContain("Absent: Olli");
    expect(text).toContain("Hydrogen valley: Apply for hydrogen valley funding");
    expect(text).toContain("Write the funding application");
    expect(text).toContain("Survey employers");
    expect(text).toContain("Latest pulse: Winter pulse");
    expect(text).toContain("Response rate: 3/3 (100 %)");
    const md = files.files[1]!.bytes.toString("utf8");
    expect(md).toContain("## Decisions");
    expect(md).toContain("Opened at 10.");
    // An English cluster's file: "," and a decimal point, as an English spreadsheet expects.
    const csv = parseCsv(files.files[2]!.bytes.toString("utf8"), ",");
    expect(csv.map((r) => r[0])).toEqual(["Measure", "Write the funding application", "Survey employers"]);

    // A change after approval: version 2 as a new draft, version 1 untouched.
    const frozen = row.content;
    const draft = must(await minutesDraft(ctx, { actor: emma, conversation: channel }));
    expect(draft).toMatchObject({ version: 2, approvedVersion: 1 });
    expect(draft.content.summary).toBe("Opened at 10.");
    must(
      await recordDecision(ctx, {
        actor: emma,
        conversation: channel,
        meetingId,
        text: "Invite the university",
      }),
    );
    const v2 = must(
      await saveMinutes(ctx, {
        actor: emma,
        conversation: channel,
        meetingId,
        summary: "Corrected: opened at 10.05.",
      }),
    );
    expect(v2).toMatchObject({ version: 2, newVersion: true });
    expect(v2.content.decisions).toHaveLength(2);
    const v1 = await db.prisma.minutes.findFirstOrThrow({ where: { meetingId, version: 1 } });
    expect(v1.status).toBe("APPROVED");
    expect(v1.content).toEqual(frozen);
    expect(parseMinutesContent(v1.content).decisions).toHaveLength(1);
    // Members still get the approved version until version 2 is approved.
    expect(must(await exportMinutes(ctx, { actor: olli, conversation: channel })).version).toBe(1);
    const approved2 = must(
      await approveMinutes(ctx, { actor: emma, conversation: channel, meeting: "spring 2027" }),
    );
    expect(approved2.version).toBe(2);
    expect(must(await exportMinutes(ctx, { actor: olli, conversation: channel })).version).toBe(2);
    expect(await db.prisma.minutes.count({ where: { status: "APPROVED" } })).toBe(2);
  });

  it("approves the record as version 1 when nothing was saved", async () => {
    const { meetingId } = await heldMeeting();
    const approved = must(await approveMinutes(ctx, { actor: emma, conversation: channel, meetingId }));
    expect(approved.version).toBe(1);
    expect(approved.content.decisions).toHaveLength(1);
    expect(await approveMinutes(ctx, { actor: olli, conversation: channel, meetingId })).toMatchObject({
      reason: "FORBIDDEN",
    });
    // Two saves at once after approval: one version 2, both saved.
    const both = await Promise.all(
      ["First edit", "Second edit"].map((summary) =>
        saveMinutes(ctx, { actor: emma, conversation: channel, meetingId, summary }),
      ),
    );
    expect(both.map((r) => r.ok && r.value.version)).toEqual([2, 2]);
    // Two approvals at once: one wins, the other is told.
    const approvals = await Promise.all(
      [chair, emma].map((actor) => approveMinutes(ctx, { actor, conversation: channel, meetingId })),
    );
    expect(approvals.filter((r) => r.ok)).toHaveLength(1);
    expect(approvals.find((r) => !r.ok)).toMatchObject({ reason: "MINUTES_ALREADY_APPROVED" });
    expect((await db.prisma.minutes.findMany({ orderBy: { version: "asc" } })).map((m) => m.status)).toEqual([
      "APPROVED",
      "APPROVED",
    ]);
  });
});
