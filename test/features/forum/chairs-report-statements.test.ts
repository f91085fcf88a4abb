// The chairs' report counts measures in SQL: what it sends does not grow with the measures ever
// recorded (statements counted, never time).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { bindForum } from "../../../src/features/forum/app/bind-forum.ts";
import { chairsReport } from "../../../src/features/forum/app/chairs-report.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { forInteraction } from "../../../src/kernel/app/person-memo.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import { statementCounter } from "../../support/statements.ts";

const counter = statementCounter();
let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-05-03T06:00:00Z");
const forum = slackChannel("C-CHAIRS");
const chair = slackUser("U-EC", "Aino");
const clusters = [slackChannel("C-ENERGY"), slackChannel("C-MINING")];

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
  for (const [i, channel] of clusters.entries())
    await setupCluster(ctx, { actor: chair, conversation: channel, name: `Cluster ${i}`, locale: "en" });
  const bound = await bindForum(ctx, { actor: chair, conversation: forum, name: "Chairs" });
  if (!bound.ok) throw new Error(JSON.stringify(bound));
});
afterAll(() => db.close());

const statuses = ["PLANNED", "STARTED", "BLOCKED", "DONE", "CANCELLED"] as const;

/** `n` measures per cluster, of every status, half overdue, done ones early or late. */
async function recordMeasures(n: number) {
  const bindings = await db.prisma.channelBinding.findMany({ where: { channelId: { not: "C-CHAIRS" } } });
  for (const { clusterId } of bindings)
    await db.prisma.measure.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        clusterId,
        title: `Measure ${i}`,
        status: statuses[i % statuses.length]!,
        dueDate: new Date(i % 2 === 0 ? "2027-04-01T00:00:00Z" : "2027-06-01T00:00:00Z"),
        completedAt: statuses[i % statuses.length] === "DONE" ? new Date("2027-04-15T10:00:00Z") : null,
      })),
    });
}

async function report() {
  const { result, statements } = await counter.during(() =>
    chairsReport(forInteraction(ctx), { actor: chair, conversation: forum }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { report: result.value, statements: statements.length, texts: statements };
}

describe("the chairs' report", () => {
  it("sends as many statements with 10 × the measures, reads no measure row, and counts them all", async () => {
    await recordMeasures(20);
    const small = await report();
    await recordMeasures(180);
    const large = await report();
    console.log(
      `chairs' report: ${small.statements} statements with 20 measures per cluster, ${large.statements} with 200`,
    );
    expect(large.statements).toBe(small.statements);
    // No measure row leaves the database: the one statement that reads measures counts them.
    const measureReads = large.texts.filter((sql) => /"Measure"/.test(sql));
    expect(measureReads).toHaveLength(1);
    expect(measureReads[0]).toMatch(/count\(\*\) FILTER/);
    // 200 per cluster: 40 of each status; of the 120 open, the 60 due on 1 April are overdue;
    // the 40 done were done on 15 April: on time for those due 1 June (i odd), late for the others.
    expect(large.report.clusters.map((c) => c.scorecard)).toEqual([
      { open: 120, onTrack: 60, overdue: 60, done: 40, doneOnTime: 20, onTimeShare: 0.5, cancelled: 40 },
      { open: 120, onTrack: 60, overdue: 60, done: 40, doneOnTime: 20, onTimeShare: 0.5, cancelled: 40 },
    ]);
  });
});
