// Pulse retention (a daily job) costs the same whatever the closed history: summarised pulses, which
// are all of history but the latest few per cluster, are never read one by one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention } from "../../../src/features/pulses/app/retention.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { statementCounter } from "../../support/statements.ts";

const counter = statementCounter();
let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-04-20T06:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());

/** `clusters` clusters, each with `summarised` long-closed pulses (raw answers already gone). */
async function seed(from: number, clusters: number, summarised: number) {
  for (let c = from; c < from + clusters; c++) {
    const cluster = await db.prisma.cluster.create({ data: { name: `Cluster ${c}` } });
    await db.prisma.pulse.createMany({
      data: Array.from({ length: summarised }, (_, i) => ({
        clusterId: cluster.id,
        title: `Old pulse ${i}`,
        status: "CLOSED" as const,
        opensAt: new Date(now.getTime() - (400 + i) * 86_400_000),
        closesAt: new Date(now.getTime() - (390 + i) * 86_400_000),
        summary: { version: 1, summary: [], rate: { invited: 0, responded: 0 } },
      })),
    });
  }
}

describe("pulse retention", () => {
  it("sends as many statements with ten times the closed history, and touches no summarised pulse", async () => {
    await seed(0, 3, 4);
    const small = await counter.during(() => applyRetention(ctx));
    await seed(3, 27, 40);
    const large = await counter.during(() => applyRetention(ctx));
    expect(large.result).toEqual({ pulses: 0, responses: 0 });
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(2);
  });
});
