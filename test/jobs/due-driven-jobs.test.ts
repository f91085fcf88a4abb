// Issue 15: the measure follow-ups, cluster digests and cycle kickoffs work with what is due, not with
// history. A quiet tick sends the same number of SQL statements with N or 10×N clusters and measures
// behind it (closed, already served, not yet due); a poison time zone fails alone; a ping survives a
// failed transaction and a purged outbox exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { editCycleTerm } from "../../src/features/cycle/app/cycle-settings.ts";
import { scheduleCycleKickoffs } from "../../src/features/cycle/app/schedule-cycle-kickoffs.ts";
import { scheduleClusterDigests } from "../../src/features/measures/app/schedule-cluster-digests.ts";
import { scheduleMeasureFollowUps } from "../../src/features/measures/app/schedule-measure-follow-ups.ts";
import { updateMeasure } from "../../src/features/measures/app/update-measure.ts";
import type { AppContext, JobItemFailure } from "../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";
import { slackUser } from "../support/people.ts";
import { statementCounter } from "../support/statements.ts";

const counter = statementCounter();
let db: TestDatabase;
let ctx: AppContext;
let now: Date;
let failures: JobItemFailure[];
const at = (iso: string) => {
  now = new Date(iso);
};
const plus = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  ctx = {
    db: db.prisma,
    clock: { now: () => now },
    compose: surfaceComposer,
    onJobItemFailure: (failure) => failures.push(failure),
  };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  failures = [];
});

let seeded = 0;
type Seeded = { clusterId: string; chairId: string; overdueId: string; futureId: string };

/**
 * `n` clusters as old data would be (written straight to the tables): a Slack channel, a chair on
 * Slack who owns three measures — one done, one overdue since 1 April 2027, one due in 2028.
 */
async function seedClusters(
  n: number,
  { clusterZone = "Europe/Helsinki", chairZone = null as string | null } = {},
): Promise<Seeded[]> {
  const workspace = await db.prisma.workspace.upsert({
    where: { platform_externalId: { platform: "SLACK", externalId: "T-LAPLAND" } },
    create: { platform: "SLACK", externalId: "T-LAPLAND" },
    update: {},
  });
  const out: Seeded[] = [];
  for (let i = 0; i < n; i += 1) {
    const k = ++seeded;
    const cluster = await db.prisma.cluster.create({
      data: {
        name: `Cluster ${k}`,
        locale: "en",
        timeZone: clusterZone,
        nextDigestAt: new Date(0),
        nextKickoffAt: new Date(0),
        bindings: { create: { platform: "SLACK", workspaceId: workspace.id, channelId: `C-${k}` } },
      },
    });
    const chair = await db.prisma.person.create({
      data: {
        displayName: `Chair ${k}`,
        timeZone: chairZone,
        identities: { create: { platform: "SLACK", tenant: "T-LAPLAND", externalId: `U-${k}` } },
        memberships: { create: { clusterId: cluster.id, role: "CHAIR" } },
      },
    });
    const measure = (title: string, dueDate: string, status: "DONE" | "STARTED") =>
      db.prisma.measure.create({
        data: {
          clusterId: cluster.id,
          title,
          ownerId: chair.id,
          dueDate: new Date(`${dueDate}T00:00:00Z`),
          status,
          createdAt: new Date("2027-01-04T08:00:00Z"),
          // As the migration leaves them: open measures due at once, closed ones never.
          nextFollowUpAt: status === "DONE" ? null : new Date(0),
        },
      });
    await measure(`Done ${k}`, "2027-03-01", "DONE");
    const overdue = await measure(`Overdue ${k}`, "2027-04-01", "STARTED");
    const future = await measure(`Future ${k}`, "2028-06-01", "STARTED");
    out.push({ clusterId: cluster.id, chairId: chair.id, overdueId: overdue.id, futureId: future.id });
  }
  return out;
}

/** The statements one tick sends. */
const statementsOf = async (tick: () => Promise<unknown>) => (await counter.during(tick)).statements;

const followUps = () => scheduleMeasureFollowUps(ctx);
const digests = () => scheduleClusterDigests(ctx);
const kickoffs = () => scheduleCycleKickoffs(ctx);

describe("flat in history: a quiet tick costs the same with N and 10×N items behind it", () => {
  it("measure follow-ups", async () => {
    at("2027-05-03T06:00:00Z"); // Monday 09:00 in Helsinki
    await seedClusters(3);
    await followUps(); // serves the overdue ones (and escalates: a month overdue)
    plus(1);
    const small = await statementsOf(followUps);
    await seedClusters(27);
    plus(1);
    await followUps();
    plus(1);
    const large = await statementsOf(followUps);
    expect(large.length).toBe(small.length);
    expect(small.length).toBeLessThanOrEqual(1);
    expect(small.join("\n")).toContain("nextFollowUpAt");
    expect(failures).toEqual([]);
  }, 120_000);

  it("cluster digests", async () => {
    at("2027-05-10T06:00:00Z"); // a Monday: a new digest period
    await seedClusters(3);
    expect(await digests()).toEqual({ enqueued: 3 }); // the overdue measures slip
    plus(5);
    const small = await statementsOf(digests);
    await seedClusters(27);
    plus(5);
    expect(await digests()).toEqual({ enqueued: 27 });
    plus(5);
    const large = await statementsOf(digests);
    expect(large.length).toBe(small.length);
    expect(small.length).toBeLessThanOrEqual(1);
    expect(small.join("\n")).toContain("nextDigestAt");
  }, 120_000);

  it("cycle kickoffs", async () => {
    at("2027-01-11T06:00:00Z"); // spring's kickoff: 3 weeks before 1 February, 08:00 in Helsinki
    await seedClusters(3);
    expect(await kickoffs()).toEqual({ enqueued: 3 });
    plus(5); // still inside the kickoff window: everything is sent, nothing is due
    const small = await statementsOf(kickoffs);
    await seedClusters(27);
    plus(5);
    expect(await kickoffs()).toEqual({ enqueued: 27 });
    plus(5);
    const large = await statementsOf(kickoffs);
    expect(large.length).toBe(small.length);
    expect(small.length).toBeLessThanOrEqual(1);
    expect(small.join("\n")).toContain("nextKickoffAt");
  }, 120_000);
});

describe("a poison time zone fails alone", () => {
  it("an owner with a Windows zone stored raw still gets pinged, a cluster with one fails alone and is reported", async () => {
    at("2027-05-03T06:00:00Z");
    const [helsinki] = await seedClusters(1);
    const [raw] = await seedClusters(1, { chairZone: "Eastern Standard Time" }); // old data, unchecked
    const [stockholm] = await seedClusters(1, { clusterZone: "Europe/Stockholm" });
    const [poison] = await seedClusters(1, { clusterZone: "Eastern Standard Time" }); // before zones were checked
    const result = await followUps();
    const overduePings = await db.prisma.outboxMessage.findMany({
      where: { stage: { startsWith: "overdue-" } },
      select: { subject: true, target: true, notBefore: true },
    });
    const subjects = new Set(overduePings.map((r) => r.subject));
    // Everyone else's reminder is there, the raw zone's owner's too (read in the cluster's zone).
    for (const s of [helsinki!, raw!, stockholm!]) expect(subjects).toContain(`measure:${s.overdueId}`);
    expect(subjects).not.toContain(`measure:${poison!.overdueId}`);
    // The poison cluster's two open measures failed, each reported with its ids, and are tried later.
    expect(result.failed).toBe(2);
    expect(failures.map((f) => f.item.measureId).sort()).toEqual(
      [poison!.overdueId, poison!.futureId].sort(),
    );
    expect(failures.every((f) => f.job === "measure-follow-ups" && f.error instanceof RangeError)).toBe(true);
    expect(failures.every((f) => f.item.clusterId === poison!.clusterId)).toBe(true);
    plus(1);
    failures = [];
    await followUps();
    expect(failures).toEqual([]); // deferred: not failing (and logging) every minute
  }, 60_000);
});

describe("each ping exactly once", () => {
  const pings = (measureId: string) =>
    db.prisma.outboxMessage.findMany({ where: { subject: `measure:${measureId}` }, orderBy: { key: "asc" } });

  it("across two ticks, and after a transaction that failed half-way", async () => {
    at("2027-05-03T06:00:00Z");
    const [s] = await seedClusters(1);
    // The first attempt dies after queueing, while advancing the measure: everything rolls back.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION fail_once() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'crash'; END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER fail_once BEFORE UPDATE OF "followUpStage" ON "Measure" FOR EACH ROW EXECUTE FUNCTION fail_once()`,
    );
    await followUps();
    expect(failures).toHaveLength(1);
    expect(await pings(s!.overdueId)).toEqual([]); // nothing half-done
    await db.prisma.$executeRawUnsafe(`DROP TRIGGER fail_once ON "Measure"`);
    plus(61); // the failed measure is tried again an hour later
    await followUps();
    plus(1);
    await followUps();
    const rows = await pings(s!.overdueId);
    expect(rows.map((r) => r.stage)).toEqual(["escalate", "overdue-w4"]);
  }, 60_000);

  it("never again once the outbox has purged the sent row, even when the measure is recomputed", async () => {
    at("2027-05-03T06:00:00Z");
    const [s] = await seedClusters(1);
    await followUps();
    expect((await pings(s!.overdueId)).map((r) => r.stage)).toEqual(["escalate", "overdue-w4"]);
    // Sent, then purged after the retention period.
    await db.prisma.outboxMessage.deleteMany({});
    // A check-in marks the measure due: the tick recomputes it but has nothing new to say.
    plus(60);
    const updated = await updateMeasure(ctx, {
      actor: slackUser(`U-${seeded}`),
      measureId: s!.overdueId,
      change: { kind: "progress", progress: 40 },
    });
    expect(updated.ok).toBe(true);
    await followUps();
    expect(await pings(s!.overdueId)).toEqual([]);
    // A week later the next overdue ping comes, once.
    at("2027-05-06T06:00:00Z");
    await followUps();
    await followUps();
    expect((await pings(s!.overdueId)).map((r) => r.stage)).toEqual(["overdue-w5"]);
  }, 60_000);
});

describe("withdrawals and marks", () => {
  it("a newer owner ping and Done withdraw the waiting one by subject and stage, never a key prefix", async () => {
    // Friday evening: the due-soon ping for a Friday due date waits for Monday 08:00.
    at("2027-05-07T17:00:00Z");
    const [s] = await seedClusters(1);
    await db.prisma.measure.update({
      where: { id: s!.futureId },
      data: { dueDate: new Date("2027-05-14T00:00:00Z"), nextFollowUpAt: now },
    });
    await followUps();
    const waiting = () =>
      db.prisma.outboxMessage.findMany({ where: { subject: `measure:${s!.futureId}`, status: "PENDING" } });
    expect((await waiting()).map((r) => r.stage)).toEqual(["due-7d"]);
    // The outbox was down: on the due day the due-today ping replaces the due-soon one still waiting.
    at("2027-05-14T06:00:00Z");
    const tick = await counter.during(followUps);
    expect((await waiting()).map((r) => r.stage)).toEqual(["due-0d"]);
    const done = await counter.during(() =>
      updateMeasure(ctx, {
        actor: slackUser(`U-${seeded}`),
        measureId: s!.futureId,
        change: { kind: "done" },
      }),
    );
    expect(done.result.ok).toBe(true);
    expect(await waiting()).toEqual([]);
    for (const sql of [...tick.statements, ...done.statements]) expect(sql).not.toMatch(/\bLIKE\b/i);
    expect(
      (await db.prisma.measure.findUniqueOrThrow({ where: { id: s!.futureId } })).nextFollowUpAt,
    ).toBeNull();
  }, 60_000);

  it("an edited term marks the cluster's kickoff due", async () => {
    at("2027-05-03T06:00:00Z");
    const [s] = await seedClusters(1);
    await kickoffs();
    const next = await db.prisma.cluster.findUniqueOrThrow({ where: { id: s!.clusterId } });
    expect(next.nextKickoffAt).toEqual(new Date("2027-08-11T05:00:00Z")); // autumn: 3 weeks before 1 Sep
    plus(60);
    const edited = await editCycleTerm(ctx, {
      actor: slackUser(`U-${seeded}`),
      conversation: { platform: "SLACK", tenant: "T-LAPLAND", channelId: `C-${seeded}`, scope: "CHANNEL" },
      term: "autumn",
      start: "08-15",
      end: "12-15",
    });
    expect(edited.ok).toBe(true);
    expect(
      (await db.prisma.cluster.findUniqueOrThrow({ where: { id: s!.clusterId } })).nextKickoffAt,
    ).toEqual(now);
    await kickoffs();
    // 3 weeks before 15 August 2027 (a Sunday) is Sunday 25 July: Monday 26 July 08:00 EEST.
    expect(
      (await db.prisma.cluster.findUniqueOrThrow({ where: { id: s!.clusterId } })).nextKickoffAt,
    ).toEqual(new Date("2027-07-26T05:00:00Z"));
  }, 60_000);
});
