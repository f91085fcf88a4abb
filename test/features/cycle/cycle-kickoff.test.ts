// The cycle rhythm through the real use cases on a real database with an injected clock: kickoffs a
// set number of weeks before each term opens, at the start of working hours in the cluster's zone
// (across the EU DST change), never on a weekend, once per term, year and person, to the chair,
// secretary and coordinator only; the chairs' forum's derived members; and `/cluster cycle` editing
// with its refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { clusterStatus } from "../../../src/features/cycle/app/cluster-status.ts";
import { editCycleTerm, showCycle } from "../../../src/features/cycle/app/cycle-settings.ts";
import { scheduleCycleKickoffs } from "../../../src/features/cycle/app/schedule-cycle-kickoffs.ts";
import { CYCLE_ACTIONS, cycleFields } from "../../../src/features/cycle/surface/cycle-view.ts";
import { bindForum } from "../../../src/features/forum/app/bind-forum.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { clusterSettings } from "../../../src/kernel/domain/cluster-settings.ts";
import { editTerms } from "../../../src/kernel/domain/cycle-terms.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import type { Role } from "../../../src/kernel/domain/roles.ts";
import { utcToZoned } from "../../../src/kernel/domain/zoned-time.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { parseCommand } from "../../../src/kernel/surface/parse-command.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const at = (iso: string | Date) => {
  now = new Date(iso);
};
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const secretary = slackUser("U-SEC", "Sanna", { locale: "fi" });
const coordinator = slackUser("U-COORD", "Kalle");
const vice = slackUser("U-VICE", "Ville");
const member = slackUser("U-MEMBER", "Matti");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  at("2026-12-01T10:00:00Z");
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [secretary, coordinator, vice, member])
    await joinCluster(ctx, { actor: user, conversation: channel });
  await setRole(secretary, "SECRETARY");
  await setRole(coordinator, "COORDINATOR");
  await setRole(vice, "VICE_CHAIR");
});

async function personId(user: PlatformUser): Promise<string> {
  const identity = await db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: user.userId } });
  return identity.personId;
}
async function setRole(user: PlatformUser, role: Role) {
  await db.prisma.membership.updateMany({ where: { personId: await personId(user) }, data: { role } });
}
const tick = () => scheduleCycleKickoffs(ctx);
const kickoffRows = () =>
  db.prisma.outboxMessage.findMany({ where: { key: { startsWith: "cycle:" } }, orderBy: { key: "asc" } });

/** Ticks every `stepMinutes` from `from` to `to`; returns the instants at which something was queued. */
async function run(from: string, to: string, stepMinutes = 60) {
  const queuedAt: { at: Date; enqueued: number }[] = [];
  for (let t = new Date(from).getTime(); t < new Date(to).getTime(); t += stepMinutes * 60_000) {
    at(new Date(t));
    const { enqueued } = await tick();
    if (enqueued > 0) queuedAt.push({ at: new Date(t), enqueued });
  }
  return queuedAt;
}

describe("cycle kickoff job", () => {
  it("kicks off both default terms once in a year, 3 weeks ahead at 08:00 Helsinki time, across DST", async () => {
    const queued = await run("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z");
    // Spring opens Mon 1 Feb 2027 → Mon 11 Jan 08:00 EET (UTC+2); autumn opens Wed 1 Sep 2027 →
    // Wed 11 Aug 08:00 EEST (UTC+3): the same local time on both sides of the DST change.
    expect(queued).toEqual([
      { at: new Date("2027-01-11T06:00:00Z"), enqueued: 3 },
      { at: new Date("2027-08-11T05:00:00Z"), enqueued: 3 },
    ]);
    const rows = await kickoffRows();
    expect(rows).toHaveLength(6);
    const people = await Promise.all([chair, secretary, coordinator].map(personId));
    const keys = rows.map((r) => r.key).sort();
    const clusterId = rows[0]!.clusterId!;
    expect(keys).toEqual(
      [
        ...people.map((p) => `cycle:${clusterId}:spring:2027:kickoff:${p}`),
        ...people.map((p) => `cycle:${clusterId}:autumn:2027:kickoff:${p}`),
      ].sort(),
    );
    // Personal messages, never the channel; vice-chair and member get none.
    expect(rows.every((r) => r.target.startsWith("U-"))).toBe(true);
    expect(new Set(rows.map((r) => r.target))).toEqual(new Set(["U-CHAIR", "U-SEC", "U-COORD"]));
    for (const row of rows) {
      const local = utcToZoned(row.notBefore, "Europe/Helsinki");
      expect(local.time).toBe("08:00");
      expect(local.weekday).toBeLessThanOrEqual(5);
    }
  }, 240_000);

  it("is idempotent on repeated ticks and says the term in the recipient's language with the three actions", async () => {
    at("2027-01-11T06:00:00Z");
    expect(await tick()).toEqual({ enqueued: 3 });
    expect(await tick()).toEqual({ enqueued: 0 });
    at("2027-01-20T09:00:00Z");
    expect(await tick()).toEqual({ enqueued: 0 });
    const rows = await kickoffRows();
    const finnish = rows.find((r) => r.target === "U-SEC")!;
    const payload = finnish.payload as {
      view: {
        fallback: string;
        elements: { type: string; buttons?: { actionId: string; value: string }[] }[];
      };
    };
    expect(payload.view.fallback).toContain("kevät");
    expect(payload.view.fallback).toContain("Energy");
    const buttons = payload.view.elements.find((e) => e.type === "actions")!.buttons!;
    expect(buttons.map((b) => b.actionId)).toEqual([
      CYCLE_ACTIONS.planMeeting,
      CYCLE_ACTIONS.copyPulse,
      CYCLE_ACTIONS.reviewMeasures,
    ]);
    expect(new Set(buttons.map((b) => b.value))).toEqual(new Set([finnish.clusterId]));
  });

  it("moves a kickoff that falls on a weekend to Monday 08:00, in summer time after the DST change", async () => {
    // A spring term opening Sun 18 Apr 2027: 3 weeks earlier is Sun 28 Mar, the day clocks go forward.
    const edited = await editCycleTerm(ctx, {
      actor: chair,
      conversation: channel,
      term: "spring",
      start: "04-18",
      end: "06-15",
    });
    expect(edited.ok).toBe(true);
    const queued = await run("2027-03-26T00:00:00Z", "2027-04-01T00:00:00Z", 30);
    expect(queued).toEqual([{ at: new Date("2027-03-29T05:00:00Z"), enqueued: 3 }]);
  }, 60_000);

  it("waits for working hours after downtime, and sends nothing once the term has opened", async () => {
    // The scheduler was down over the kickoff: Saturday evening it catches up, for Monday 08:00.
    at("2027-01-16T19:00:00Z");
    expect(await tick()).toEqual({ enqueued: 3 });
    const rows = await kickoffRows();
    expect(rows.map((r) => r.notBefore.toISOString())).toEqual(Array(3).fill("2027-01-18T06:00:00.000Z"));
    await db.prisma.outboxMessage.deleteMany({});
    at("2027-02-01T08:00:00Z"); // spring has opened: too late for its kickoff
    expect(await tick()).toEqual({ enqueued: 0 });
  });

  it("uses the cluster's kickoffWeeksBefore", async () => {
    await db.prisma.cluster.updateMany({ data: { settings: { cycle: { kickoffWeeksBefore: 1 } } } });
    expect(clusterSettings({ cycle: { kickoffWeeksBefore: 1 } }).cycle.terms).toHaveLength(2);
    const queued = await run("2027-01-20T00:00:00Z", "2027-01-27T00:00:00Z");
    expect(queued).toEqual([{ at: new Date("2027-01-25T06:00:00Z"), enqueued: 3 }]);
  }, 60_000);

  it("gives the chairs' forum its own kickoff for its derived members", async () => {
    const forumChannel = slackChannel("C-FORUM");
    const forum = await bindForum(ctx, { actor: chair, conversation: forumChannel, name: "Chairs" });
    expect(forum.ok).toBe(true);
    at("2027-01-11T06:00:00Z");
    await tick();
    const rows = await db.prisma.outboxMessage.findMany({ where: { cluster: { kind: "CHAIRS_FORUM" } } });
    // Chair, vice-chair and coordinator of the workspace's clusters: not the secretary or a member.
    expect(new Set(rows.map((r) => r.target))).toEqual(new Set(["U-CHAIR", "U-VICE", "U-COORD"]));
    const view = (rows[0]!.payload as { view: { fallback: string } }).view;
    expect(view.fallback).toContain("Chairs");
  });
});

describe("/cluster cycle", () => {
  it("parses show and edit, and refuses other shapes", () => {
    expect(parseCommand("cycle")).toEqual({ ok: true, command: { name: "cycle" } });
    expect(parseCommand("cycle spring 02-01 05-31")).toEqual({
      ok: true,
      command: { name: "cycle", edit: { term: "spring", start: "02-01", end: "05-31" } },
    });
    expect(parseCommand("cycle spring 02-01")).toMatchObject({ ok: false, key: "parse.usage" });
  });

  it("shows the default terms to members", async () => {
    const shown = await showCycle(ctx, { actor: member, conversation: channel });
    expect(shown).toEqual({
      ok: true,
      value: {
        clusterName: "Energy",
        timeZone: "Europe/Helsinki",
        kickoffWeeksBefore: 3,
        terms: [
          { name: "spring", start: "02-01", end: "05-31" },
          { name: "autumn", start: "09-01", end: "11-30" },
        ],
      },
    });
  });

  it("edits a term for the chair or coordinator and keeps other settings", async () => {
    await db.prisma.cluster.updateMany({ data: { settings: { pulse: { remindAfterDays: [4] } } } });
    const edited = await editCycleTerm(ctx, {
      actor: coordinator,
      conversation: channel,
      term: "Autumn",
      start: "08-15",
      end: "12-15",
    });
    expect(edited.ok && edited.value.terms).toEqual([
      { name: "spring", start: "02-01", end: "05-31" },
      { name: "autumn", start: "08-15", end: "12-15" },
    ]);
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    expect(clusterSettings(cluster.settings).pulse.remindAfterDays).toEqual([4]);
    expect(clusterSettings(cluster.settings).cycle.terms[1]).toEqual({
      name: "autumn",
      start: "08-15",
      end: "12-15",
    });
  });

  it("refuses overlapping, empty and malformed windows and other roles, changing nothing", async () => {
    const edit = (user: PlatformUser, start: string, end: string, term = "spring") =>
      editCycleTerm(ctx, { actor: user, conversation: channel, term, start, end });
    expect(await edit(chair, "02-01", "09-15")).toMatchObject({
      ok: false,
      reason: "CYCLE_WINDOWS_OVERLAP",
      details: { other: "autumn" },
    });
    expect(await edit(chair, "05-31", "02-01")).toMatchObject({ ok: false, reason: "CYCLE_WINDOW_EMPTY" });
    expect(await edit(chair, "02-30", "05-31")).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await edit(chair, "2-1", "05-31")).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await edit(secretary, "02-15", "05-31")).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(await edit(member, "02-15", "05-31")).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    expect(clusterSettings(cluster.settings).cycle.terms[0]).toEqual({
      name: "spring",
      start: "02-01",
      end: "05-31",
    });
  });

  it("treats one shared day as an overlap and a single day as a window", () => {
    const terms = [{ name: "spring", start: "02-01", end: "05-31" }];
    expect(editTerms(terms, { name: "summer", start: "05-31", end: "06-30" })).toMatchObject({ ok: false });
    expect(editTerms(terms, { name: "summer", start: "06-01", end: "06-01" })).toMatchObject({ ok: true });
  });
});

describe("/cluster status: where the cluster is in its cycle", () => {
  /** A meeting with its chosen slot at `startsAt`. */
  async function meeting(
    clusterId: string,
    title: string,
    status: "SCHEDULED" | "HELD",
    startsAt: string,
    deadline?: string,
  ) {
    const created = await db.prisma.meeting.create({
      data: { clusterId, title, status, agendaDeadline: deadline ? new Date(deadline) : null },
    });
    const slot = await db.prisma.meetingSlot.create({
      data: { meetingId: created.id, startsAt: new Date(startsAt), durationMinutes: 120 },
    });
    await db.prisma.meeting.update({ where: { id: created.id }, data: { chosenSlotId: slot.id } });
  }

  it("shows the term, next meeting and deadline, latest pulse rate and measures since the last meeting", async () => {
    at("2027-03-10T10:00:00Z");
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    await meeting(cluster.id, "Autumn meeting", "HELD", "2026-10-20T09:00:00Z");
    await meeting(cluster.id, "Spring meeting", "SCHEDULED", "2027-04-14T07:00:00Z", "2027-04-07T14:00:00Z");
    const measure = (
      title: string,
      status: "PLANNED" | "STARTED" | "BLOCKED" | "DONE",
      due: string,
      completedAt?: string,
    ) =>
      db.prisma.measure.create({
        data: {
          clusterId: cluster.id,
          title,
          status,
          dueDate: new Date(`${due}T00:00:00Z`),
          completedAt: completedAt ? new Date(completedAt) : null,
        },
      });
    await measure("On track", "STARTED", "2027-06-01");
    await measure("Late", "PLANNED", "2027-03-01");
    await measure("Stuck and late", "BLOCKED", "2027-02-01");
    await measure("Done before the meeting", "DONE", "2026-10-01", "2026-10-01T10:00:00Z");
    await measure("Done since", "DONE", "2027-01-15", "2027-01-10T10:00:00Z");
    const pulse = await db.prisma.pulse.create({
      data: {
        clusterId: cluster.id,
        title: "Spring pulse",
        status: "OPEN",
        opensAt: new Date("2027-03-01T08:00:00Z"),
        closesAt: new Date("2027-03-20T08:00:00Z"),
      },
    });
    const people = await Promise.all([chair, secretary, coordinator, member].map(personId));
    await db.prisma.pulseParticipation.createMany({
      data: people.map((p, i) => ({
        pulseId: pulse.id,
        personId: p,
        status: i === 0 ? "COMPLETED" : "INVITED",
      })),
    });

    const status = await clusterStatus(ctx, { actor: member, conversation: channel });
    if (!status.ok) throw new Error(status.reason);
    expect(status.value.cycle).toMatchObject({
      term: { term: { name: "spring" }, current: true, opens: "2027-02-01", closes: "2027-05-31" },
      nextMeeting: { title: "Spring meeting", startsAt: new Date("2027-04-14T07:00:00Z") },
      latestPulse: { title: "Spring pulse", invited: 4, completed: 1 },
      measures: { open: 3, overdue: 2, doneSinceLastMeeting: 1 },
    });
    const fields = cycleFields(status.value.cycle, "Europe/Helsinki", translator("en"), "en");
    expect(fields.map((f) => `${f.label}: ${f.value}`)).toEqual([
      "Cycle: spring term, until Mon, 31 May 2027",
      "Next meeting: Spring meeting, Wed, 14 Apr 2027",
      "Agenda deadline: Wed, 7 Apr 2027, 17:00",
      "Latest pulse: Spring pulse: 25% answered (1/4)",
      "Measures: 3 open, 2 overdue, 1 done since the last meeting",
    ]);
  });

  it("names the next term between terms and says when nothing is planned yet", async () => {
    at("2027-07-01T10:00:00Z");
    const status = await clusterStatus(ctx, { actor: member, conversation: channel });
    if (!status.ok) throw new Error(status.reason);
    const fields = cycleFields(status.value.cycle, "Europe/Helsinki", translator("fi"), "fi");
    expect(fields.map((f) => `${f.label}: ${f.value}`)).toEqual([
      "Sykli: seuraava: kausi syksy, alkaa ke 1.9.2027",
      "Seuraava kokous: ei sovittu",
      "Viimeisin pulssi: ei vielä",
      "Toimenpiteet: 0 avoinna, 0 myöhässä, 0 valmistunut edellisen kokouksen jälkeen",
    ]);
  });
});
