// The person's home across clusters: waiting polls and pulses (a finished pulse never shows), their
// open measures with the overdue one flagged, the next meetings, and the organiser's action items.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { loadHome } from "../../../src/features/home/app/load-home.ts";
import { HOME_ACTIONS, homeView } from "../../../src/features/home/surface/home-view.ts";
import { MEASURE_ACTIONS } from "../../../src/features/measures/surface/measure-views.ts";
import { PULSE_ACTIONS, sheetValue } from "../../../src/features/pulses/surface/pulse-sheet-view.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { ActionsElement } from "../../../src/kernel/surface/view.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-04-01T09:00:00Z");
const energy = slackChannel("C-ENERGY");
const mining = slackChannel("C-MINING");
const aino = slackUser("U-AINO", "Aino");
const pekka = slackUser("U-PEKKA", "Pekka");
const olli = slackUser("U-OLLI", "Olli");
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());

const personId = async (name: string) =>
  (await db.prisma.person.findFirstOrThrow({ where: { displayName: name } })).id;
const clusterId = async (name: string) => (await db.prisma.cluster.findFirstOrThrow({ where: { name } })).id;

async function poll(cluster: string, title: string, voters: string[]) {
  const meeting = await db.prisma.meeting.create({
    data: {
      clusterId: cluster,
      title,
      status: "POLLING",
      slots: {
        create: [
          { startsAt: new Date("2027-05-10T07:00:00Z"), durationMinutes: 120 },
          { startsAt: new Date("2027-05-11T07:00:00Z"), durationMinutes: 120 },
        ],
      },
    },
    include: { slots: true },
  });
  for (const personId of voters)
    await db.prisma.slotVote.create({ data: { slotId: meeting.slots[0]!.id, personId, answer: "YES" } });
  return meeting.id;
}

async function pulse(cluster: string, title: string, personId: string, status: "INVITED" | "COMPLETED") {
  const created = await db.prisma.pulse.create({
    data: {
      clusterId: cluster,
      title,
      anonymous: true,
      status: "OPEN",
      opensAt: new Date("2027-03-25T08:00:00Z"),
      closesAt: new Date("2027-04-15T13:00:00Z"),
      participations: { create: { personId, status } },
    },
  });
  return created.id;
}

beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: aino, conversation: energy, name: "Energy", locale: "en" });
  await setupCluster(ctx, { actor: pekka, conversation: mining, name: "Mining", locale: "en" });
  await joinCluster(ctx, { actor: olli, conversation: energy });
  await joinCluster(ctx, { actor: olli, conversation: mining });
  const [energyId, miningId, ainoId, olliId] = await Promise.all([
    clusterId("Energy"),
    clusterId("Mining"),
    personId("Aino"),
    personId("Olli"),
  ]);
  ids.spring = await poll(energyId, "Spring meeting", []);
  ids.autumn = await poll(energyId, "Autumn meeting", [ainoId, olliId]);
  ids.miningPulse = await pulse(miningId, "Mining skills pulse", olliId, "INVITED");
  ids.energyPulse = await pulse(energyId, "Energy skills pulse", olliId, "COMPLETED");
  const measure = (cluster: string, title: string, dueDate: string, status: "PLANNED" | "DONE" = "PLANNED") =>
    db.prisma.measure.create({
      data: { clusterId: cluster, title, ownerId: olliId, dueDate: new Date(`${dueDate}T00:00:00Z`), status },
    });
  ids.overdue = (await measure(energyId, "Welding course", "2027-03-15")).id;
  ids.onTrack = (await measure(miningId, "Automation survey", "2027-06-01")).id;
  await measure(energyId, "Finished study", "2027-03-01", "DONE");
  const scheduled = await db.prisma.meeting.create({
    data: {
      clusterId: miningId,
      title: "Mining spring meeting",
      status: "SCHEDULED",
      slots: { create: { startsAt: new Date("2027-04-20T07:00:00Z"), durationMinutes: 90 } },
    },
    include: { slots: true },
  });
  await db.prisma.meeting.update({
    where: { id: scheduled.id },
    data: { chosenSlotId: scheduled.slots[0]!.id },
  });
  const past = await db.prisma.meeting.create({
    data: {
      clusterId: miningId,
      title: "Last autumn",
      status: "SCHEDULED",
      slots: { create: { startsAt: new Date("2027-03-01T07:00:00Z"), durationMinutes: 90 } },
    },
    include: { slots: true },
  });
  await db.prisma.meeting.update({ where: { id: past.id }, data: { chosenSlotId: past.slots[0]!.id } });
});

async function homeOf(actor: typeof olli) {
  const result = await loadHome(ctx, { actor });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

describe("a member's home", () => {
  it("collects what waits for them across both clusters", async () => {
    const home = await homeOf(olli);
    expect(home.clusters.map((c) => c.name)).toEqual(["Energy", "Mining"]);
    expect(home.polls).toEqual([{ meetingId: ids.spring, title: "Spring meeting", clusterName: "Energy" }]);
    // The finished (anonymous) pulse is not shown; nothing about responses is read.
    expect(home.pulses.map((p) => p.title)).toEqual(["Mining skills pulse"]);
    expect(home.measures.map((m) => [m.title, m.clusterName, m.dueDate, m.overdue])).toEqual([
      ["Welding course", "Energy", "2027-03-15", true],
      ["Automation survey", "Mining", "2027-06-01", false],
    ]);
    expect(home.meetings.map((m) => m.title)).toEqual(["Mining spring meeting"]);
    expect(home.organiser).toEqual([]);
  });

  it("renders one-click actions: open the pulse, measure check-ins, refresh", async () => {
    const v = homeView(await homeOf(olli), translator("en"), "en");
    const buttons = v.elements
      .filter((e): e is ActionsElement => e.type === "actions")
      .flatMap((e) => e.buttons);
    expect(buttons).toContainEqual(
      expect.objectContaining({
        actionId: PULSE_ACTIONS.open,
        value: sheetValue(ids.miningPulse!, null),
        label: "Open the pulse",
      }),
    );
    expect(buttons.filter((b) => b.actionId === MEASURE_ACTIONS.done).map((b) => b.value)).toEqual([
      ids.overdue,
      ids.onTrack,
    ]);
    expect(buttons.at(-1)).toMatchObject({ actionId: HOME_ACTIONS.refresh, label: "Refresh" });
    expect(JSON.stringify(v)).not.toContain("Energy skills pulse");
    expect(JSON.stringify(v)).toContain("overdue");
  });
});

describe("an organiser's home", () => {
  it("lists what needs the chair's action in their cluster only", async () => {
    const home = await homeOf(aino);
    expect(home.polls.map((p) => p.title)).toEqual(["Spring meeting"]);
    expect(home.organiser).toEqual([
      {
        clusterName: "Energy",
        pollsReady: [{ meetingId: ids.autumn, title: "Autumn meeting" }],
        minutesPending: [],
        overdueMeasures: 1,
        blockedMeasures: 0,
        failedDeliveries: 0,
      },
    ]);
    const text = JSON.stringify(homeView(home, translator("en"), "en"));
    expect(text).toContain("everyone has answered the date poll *Autumn meeting*");
    expect(text).toContain("overdue measures: 1");
  });

  it("shows an empty state to someone in no cluster", async () => {
    const home = await homeOf(slackUser("U-NEW", "Niina"));
    expect(home.clusters).toEqual([]);
    const v = homeView(home, translator("fi"), "fi");
    expect(v.elements.map((e) => (e.type === "text" ? e.text : e.type))).toEqual([
      "Hei Niina: tämä odottaa sinua",
      translator("fi")("home.noClusters"),
      "actions",
    ]);
  });
});
