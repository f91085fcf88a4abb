// `/cluster timezone`: everyone sees the cluster's zone; only a chair or coordinator changes it, to a
// real IANA zone, once (a repeat changes nothing), audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setTimeZone, showTimeZone } from "../../../src/features/clusters/app/cluster-time-zone.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const energy = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino Chair");
const member = slackUser("U-MEMBER", "Mikko Member");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => new Date("2026-11-22T10:00:00Z") }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  const set = await setupCluster(ctx, { actor: chair, conversation: energy, name: "Energy" });
  if (!set.ok) throw new Error(set.reason);
  await joinCluster(ctx, { actor: member, conversation: energy });
});

const zoneInDb = async () => (await db.prisma.cluster.findFirstOrThrow()).timeZone;
const zoneAudits = () => db.prisma.auditEntry.findMany({ where: { action: "cluster.time-zone-changed" } });

describe("the cluster's time zone", () => {
  it("is shown to a member", async () => {
    expect(await showTimeZone(ctx, { actor: member, conversation: energy })).toEqual({
      ok: true,
      value: { clusterName: "Energy", timeZone: "Europe/Helsinki" },
    });
  });

  it("is changed by the chair, spelled as Intl spells it, and audited with both zones", async () => {
    const changed = await setTimeZone(ctx, {
      actor: chair,
      conversation: energy,
      timeZone: "europe/stockholm",
    });
    expect(changed).toEqual({
      ok: true,
      value: {
        clusterName: "Energy",
        timeZone: "Europe/Stockholm",
        previous: "Europe/Helsinki",
        by: "Aino Chair",
        changed: true,
      },
    });
    expect(await zoneInDb()).toBe("Europe/Stockholm");
    expect((await zoneAudits()).map((a) => a.details)).toEqual([
      { from: "Europe/Helsinki", to: "Europe/Stockholm" },
    ]);
  });

  it("changes nothing when set to the zone it has: no second audit entry", async () => {
    await setTimeZone(ctx, { actor: chair, conversation: energy, timeZone: "Europe/Stockholm" });
    const again = await setTimeZone(ctx, {
      actor: chair,
      conversation: energy,
      timeZone: "Europe/Stockholm",
    });
    expect(again).toMatchObject({ ok: true, value: { changed: false } });
    expect(await zoneAudits()).toHaveLength(1);
  });

  it("refuses a member, and a name that is no zone, writing nothing", async () => {
    expect(
      await setTimeZone(ctx, { actor: member, conversation: energy, timeZone: "Europe/Oslo" }),
    ).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    for (const bad of ["Eastern Standard Time", "Mars/Olympus", ""])
      expect(await setTimeZone(ctx, { actor: chair, conversation: energy, timeZone: bad })).toMatchObject({
        ok: false,
        reason: "INVALID_INPUT",
        details: { field: "timeZone" },
      });
    expect(await zoneInDb()).toBe("Europe/Helsinki");
    expect(await zoneAudits()).toEqual([]);
  });
});
