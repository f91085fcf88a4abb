// queueDelphiResults, the call the round-closing job makes once a round has closed: the results are
// queued in the outbox for every channel of the cluster, in the cluster's language, under the subject
// `delphi:<id>` and the stage `results-r<round>`; a second call for the same round queues nothing, a
// later round queues again, and nothing is queued before a round has closed.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { queueDelphiResults } from "../../../src/features/delphi/index.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { AGREED, type SeedStatement, SPLIT, seedDelphi } from "../../support/delphi-fixtures.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const NOW = new Date("2027-04-01T09:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => NOW }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, {
    actor: slackUser("U-CHAIR", "Aino"),
    conversation: slackChannel("C-ENERGY"),
    name: "Energia",
    locale: "fi",
  });
});

const statements: SeedStatement[] = [
  {
    text: "Puolet kaivoksista käyttää autonomista kuljetusta 2030",
    pools: { 1: { ratings: SPLIT }, 2: { ratings: SPLIT } },
  },
  {
    text: "Vetyterästä valmistetaan Torniossa 2032",
    pools: { 1: { ratings: AGREED }, 2: { ratings: AGREED } },
  },
  { text: "Etäohjauskeskukset työllistävät enemmän kuin kaivokset", pools: { 1: { ratings: AGREED } } },
];

const queue = (delphiId: string) => db.prisma.$transaction((tx) => queueDelphiResults(ctx, tx, delphiId));

it("queues the results for the cluster's channel in its language, once per round", async () => {
  const clusterId = (await db.prisma.cluster.findFirstOrThrow()).id;
  const { delphiId } = await seedDelphi(db, {
    clusterId,
    title: "Lappi 2035",
    statements,
    closedRounds: [1],
  });
  expect(await queue(delphiId)).toEqual({ delphiId, title: "Lappi 2035", round: 1, messages: 2 });
  expect(await queue(delphiId)).toMatchObject({ round: 1 });
  const rows = await db.prisma.outboxMessage.findMany({ orderBy: { notBefore: "asc" } });
  expect(rows.map((r) => [r.target, r.subject, r.stage])).toEqual([
    ["C-ENERGY", `delphi:${delphiId}`, "results-r1"],
    ["C-ENERGY", `delphi:${delphiId}`, "results-r1"],
  ]);
  const first = JSON.stringify(rows[0]!.payload);
  expect(first).toContain("📊 Delfoi-tulokset: *Lappi 2035*");
  expect(first).toContain("kierros 1: mediaani 3, IQR 4 (1–5) ✗");
  // Round 1 alone cannot show a persistent disagreement: no agenda button yet.
  expect(first).not.toContain("ennakko.delphi.results.propose");

  await db.prisma.delphiRound.create({
    data: { delphiId, number: 2, opensAt: NOW, closesAt: NOW, closedAt: NOW },
  });
  expect(await queue(delphiId)).toMatchObject({ round: 2, messages: 2 });
  const second = await db.prisma.outboxMessage.findMany({
    where: { stage: "results-r2" },
    orderBy: { notBefore: "asc" },
  });
  expect(second).toHaveLength(2);
  expect(JSON.stringify(second[0]!.payload)).toContain("ennakko.delphi.results.propose");
});

it("queues nothing while no round has closed", async () => {
  const clusterId = (await db.prisma.cluster.findFirstOrThrow()).id;
  const { delphiId } = await seedDelphi(db, { clusterId, statements, closedRounds: [], openRound: 1 });
  expect(await queue(delphiId)).toBeNull();
  expect(await db.prisma.outboxMessage.count()).toBe(0);
});
