// The radar, the agenda's section and the chairs' themes on a real database: the right signals, in the
// right buckets and order, and a bounded number of statements however many signals a cluster saved
// (counted, never timed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { bindForum } from "../../../src/features/forum/app/bind-forum.ts";
import { chairsReport } from "../../../src/features/forum/app/chairs-report.ts";
import { emergingThemes } from "../../../src/features/signals/app/emerging-themes.ts";
import { RADAR_CANDIDATES, signalRadar } from "../../../src/features/signals/app/signal-radar.ts";
import { signalsSinceLastMeeting } from "../../../src/features/signals/app/signals-since.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { forInteraction } from "../../../src/kernel/app/person-memo.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import { heldMeeting, manySignals, seedSignals } from "../../support/signal-fixtures.ts";
import { statementCounter } from "../../support/statements.ts";

const counter = statementCounter();
let db: TestDatabase;
let ctx: AppContext;
// 10 May 2027, 09:00 in Helsinki.
const now = new Date("2027-05-10T06:00:00Z");
const chair = slackUser("U-EC", "Aino");
const energyChannel = slackChannel("C-ENERGY");
const miningChannel = slackChannel("C-MINING");
const radarChannel = slackChannel("C-RADAR");
const agendaChannel = slackChannel("C-AGENDA");
const forum = slackChannel("C-CHAIRS");
const clusterIds: Record<string, string> = {};
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
  for (const [name, channel] of [
    ["Energy", energyChannel],
    ["Mining", miningChannel],
    ["Radar", radarChannel],
    ["Agenda", agendaChannel],
  ] as const) {
    const made = await setupCluster(ctx, { actor: chair, conversation: channel, name, locale: "en" });
    if (!made.ok) throw new Error(JSON.stringify(made));
    clusterIds[name] = (await db.prisma.cluster.findFirstOrThrow({ where: { name } })).id;
  }
  const bound = await bindForum(ctx, { actor: chair, conversation: forum, name: "Chairs" });
  if (!bound.ok) throw new Error(JSON.stringify(bound));
});
afterAll(() => db.close());

async function radar(category: "TECHNOLOGICAL" | null = null) {
  const { result, statements } = await counter.during(() =>
    signalRadar(forInteraction(ctx), { actor: chair, conversation: radarChannel, category }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { radar: result.value, statements: statements.length };
}

describe("the radar", () => {
  it("counts every signal per category and age, and lists the strongest with their ratings", async () => {
    const id = clusterIds.Radar!;
    await seedSignals(db, id, [
      // 4 by the saver, rated 2 by three members: (2·4 + 3·2) / 5 = 2.8.
      {
        title: "Autonomous haulage trial",
        category: "TECHNOLOGICAL",
        significance: 5,
        timeliness: 3,
        createdAt: daysAgo(2),
        ratings: [{ plausibility: 2, significance: 2 }, { plausibility: 2 }, { significance: 2 }],
      },
      // 3 by the saver, one member's 5 and 5: (2·3 + 5) / 3 = 3.67.
      {
        title: "Battery metals price spike",
        category: "ECONOMIC",
        createdAt: daysAgo(40),
        ratings: [{ plausibility: 5, significance: 5 }],
      },
      {
        title: "EU permit reform",
        category: "LEGAL",
        significance: 2,
        timeliness: 2,
        createdAt: daysAgo(200),
      },
      {
        title: "Old mine closure",
        category: "SOCIAL",
        significance: 4,
        timeliness: 4,
        createdAt: daysAgo(500),
      },
      // Saved on 1 May at 00:30 Helsinki time: still April in UTC, this month here.
      { title: "Drone inspections", category: "TECHNOLOGICAL", createdAt: new Date("2027-04-30T21:30:00Z") },
    ]);
    const { radar: r } = await radar();
    expect(r.total).toBe(5);
    expect(r.counts.TECHNOLOGICAL).toEqual({ THIS_MONTH: 2, MONTHS_1_3: 0, MONTHS_3_12: 0, OLDER: 0 });
    expect(r.counts.ECONOMIC).toEqual({ THIS_MONTH: 0, MONTHS_1_3: 1, MONTHS_3_12: 0, OLDER: 0 });
    expect(r.counts.LEGAL).toEqual({ THIS_MONTH: 0, MONTHS_1_3: 0, MONTHS_3_12: 1, OLDER: 0 });
    expect(r.counts.SOCIAL).toEqual({ THIS_MONTH: 0, MONTHS_1_3: 0, MONTHS_3_12: 0, OLDER: 1 });
    expect(r.signals.map((s) => [s.title, s.ratings, Number(s.strength.toFixed(2)), s.age])).toEqual([
      ["Old mine closure", 0, 4, "OLDER"],
      ["Battery metals price spike", 1, 3.67, "MONTHS_1_3"],
      ["Drone inspections", 0, 3, "THIS_MONTH"],
      ["Autonomous haulage trial", 3, 2.8, "THIS_MONTH"],
      ["EU permit reform", 0, 2, "MONTHS_3_12"],
    ]);
    const filtered = (await radar("TECHNOLOGICAL")).radar;
    expect(filtered.total).toBe(2);
    expect(filtered.signals.map((s) => s.title)).toEqual(["Drone inspections", "Autonomous haulage trial"]);
  });

  it("sends as many statements with ten times the signals and lists 15 of the newest candidates", async () => {
    const id = clusterIds.Energy!;
    await seedSignals(db, id, manySignals(40, daysAgo(1)));
    const small = await radar0(energyChannel);
    await seedSignals(db, id, manySignals(400, daysAgo(1), "More"));
    const large = await radar0(energyChannel);
    console.log(`radar: ${small.statements} statements with 40 signals, ${large.statements} with 440`);
    expect(large.statements).toBe(small.statements);
    expect(large.radar.total).toBe(440);
    expect(large.radar.signals).toHaveLength(15);
    expect(large.radar.considered).toBe(RADAR_CANDIDATES);
  });
});

async function radar0(conversation: typeof energyChannel) {
  const { result, statements } = await counter.during(() =>
    signalRadar(forInteraction(ctx), { actor: chair, conversation }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { radar: result.value, statements: statements.length };
}

describe("the agenda's signals since the last meeting", () => {
  it("takes the last 6 months before the first meeting, then only what came after the last held one", async () => {
    const id = clusterIds.Agenda!;
    const cluster = { id, timeZone: "Europe/Helsinki" };
    await seedSignals(db, id, [
      { title: "Eight months old", createdAt: daysAgo(240), significance: 5, timeliness: 5 },
      { title: "Three months old", createdAt: daysAgo(90) },
      { title: "Last week", createdAt: daysAgo(7), significance: 4, timeliness: 4 },
    ]);
    const first = await signalsSinceLastMeeting(db.prisma, cluster, now);
    expect(first.sinceMeeting).toBe(false);
    expect(first.signals.map((s) => s.title)).toEqual(["Last week", "Three months old"]);

    await heldMeeting(db, id, daysAgo(30));
    const since = await signalsSinceLastMeeting(db.prisma, cluster, now);
    expect(since.sinceMeeting).toBe(true);
    expect(since.since.toISOString()).toBe(daysAgo(30).toISOString());
    expect(since.signals.map((s) => s.title)).toEqual(["Last week"]);
  });

  it("lists the 5 strongest and counts the rest, in as many statements with ten times the signals", async () => {
    const id = clusterIds.Mining!;
    const cluster = { id, timeZone: "Europe/Helsinki" };
    await heldMeeting(db, id, daysAgo(60));
    await seedSignals(db, id, manySignals(12, daysAgo(1)));
    const small = await counter.during(() => signalsSinceLastMeeting(db.prisma, cluster, now));
    await seedSignals(db, id, manySignals(120, daysAgo(1), "More"));
    const large = await counter.during(() => signalsSinceLastMeeting(db.prisma, cluster, now));
    expect(large.statements.length).toBe(small.statements.length);
    // 59 days of signals after the meeting, twice over (the "More" ones the same days).
    expect(small.result.total).toBe(12);
    expect(large.result.signals).toHaveLength(5);
    const strengths = large.result.signals.map((s) => s.strength);
    expect([...strengths].sort((a, b) => b - a)).toEqual(strengths);
  });
});

describe("the chairs' themes", () => {
  it("reads the workspace's recent signals in one statement, as many with ten times the signals", async () => {
    const clusters = await db.prisma.cluster.findMany({ where: { kind: "CLUSTER" } });
    const themes = () => counter.during(() => emergingThemes(db.prisma, clusters, now, "Europe/Helsinki"));
    const small = await themes();
    for (const c of clusters) await seedSignals(db, c.id, manySignals(60, daysAgo(1), "Bulk"));
    const large = await themes();
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.filter((sql) => /"Signal"/.test(sql))).toHaveLength(1);
  });

  it("are part of the chairs' report", async () => {
    // Only these signals: the bulk ones above share their generated words across every cluster.
    await db.prisma.signal.deleteMany();
    await seedSignals(db, clusterIds.Energy!, [
      { title: "Hydrogen investments in Lapland", createdAt: daysAgo(3) },
    ]);
    await seedSignals(db, clusterIds.Mining!, [
      { title: "New hydrogen investment plans for Lapland", createdAt: daysAgo(4) },
    ]);
    const report = await chairsReport(forInteraction(ctx), { actor: chair, conversation: forum });
    if (!report.ok) throw new Error(JSON.stringify(report));
    const theme = report.value.themes.themes.find((t) => t.words.includes("hydrogen"))!;
    expect(theme.words).toEqual(["hydrogen", "investments", "lapland"]);
    expect(report.value.themes.themes).toHaveLength(1);
    expect(theme.counts).toEqual(
      [
        { clusterId: clusterIds.Energy!, signals: 1 },
        { clusterId: clusterIds.Mining!, signals: 1 },
      ].sort((a, b) => (a.clusterId < b.clusterId ? -1 : 1)),
    );
  });
});
