// Time zones are checked where they enter and where they are read: Teams reports Windows names, old
// rows hold whatever was stored before zones were checked. Nothing unknown is stored, and a stored
// zone no engine knows counts as absent (the cluster's zone applies) instead of stopping a tick.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setTimeZone } from "../../src/features/clusters/app/cluster-time-zone.ts";
import { setupCluster } from "../../src/features/clusters/app/setup-cluster.ts";
import { addMeasure } from "../../src/features/measures/app/add-measure.ts";
import { scheduleMeasureFollowUps } from "../../src/features/measures/app/schedule-measure-follow-ups.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { ensurePerson } from "../../src/kernel/app/identity.ts";
import { toTimeZone, zoneOr } from "../../src/kernel/domain/time-zone.ts";
import { nextWorkingTime, WorkingHoursSchema } from "../../src/kernel/domain/working-hours.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";
import { slackChannel, slackUser } from "../support/people.ts";

describe("toTimeZone and zoneOr", () => {
  it("keeps IANA names as Intl spells them, maps common Windows names, drops the rest", () => {
    expect(toTimeZone("Europe/Helsinki")).toBe("Europe/Helsinki");
    expect(toTimeZone("europe/helsinki")).toBe("Europe/Helsinki");
    expect(toTimeZone("Eastern Standard Time")).toBe("America/New_York");
    expect(toTimeZone("FLE Standard Time")).toBe("Europe/Helsinki");
    expect(toTimeZone("W. Europe Standard Time")).toBe("Europe/Berlin");
    expect(toTimeZone("Mars Standard Time")).toBeUndefined();
    expect(toTimeZone("EST")).toBeUndefined(); // an abbreviation, not a place
    expect(toTimeZone("")).toBeUndefined();
    expect(toTimeZone(undefined)).toBeUndefined();
  });

  it("reads a zone that fails as absent: the cluster's zone applies", () => {
    expect(zoneOr("America/New_York", "Europe/Helsinki")).toBe("America/New_York");
    expect(zoneOr("Eastern Standard Time", "Europe/Helsinki")).toBe("Europe/Helsinki");
    expect(zoneOr(null, "Europe/Helsinki")).toBe("Europe/Helsinki");
    // Saturday noon in Helsinki → Monday 08:00 there, not a RangeError.
    const hours = WorkingHoursSchema.parse({});
    const saturday = new Date("2027-05-08T09:00:00Z");
    expect(nextWorkingTime(saturday, zoneOr("Eastern Standard Time", "Europe/Helsinki"), hours)).toEqual(
      new Date("2027-05-10T05:00:00Z"),
    );
  });
});

describe("where zones enter", () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let now: Date;
  beforeAll(async () => {
    db = await createTestDatabase();
    ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    now = new Date("2027-05-03T06:00:00Z");
  });
  const teamsUser = (userId: string, timeZone: string) => ({
    platform: "TEAMS" as const,
    tenant: "tenant-1",
    userId,
    displayName: userId,
    timeZone,
  });

  it("stores a Windows zone as its IANA name and an unknown one not at all", async () => {
    expect((await ensurePerson(ctx, teamsUser("29:east", "Eastern Standard Time"))).timeZone).toBe(
      "America/New_York",
    );
    expect((await ensurePerson(ctx, teamsUser("29:mars", "Mars Standard Time"))).timeZone).toBeNull();
  });

  it("replaces a zone stored raw by old code at the person's next turn, and recomputes their follow-ups", async () => {
    const chair = slackUser("U-CHAIR", "Aino");
    await setupCluster(ctx, {
      actor: chair,
      conversation: slackChannel("C-1"),
      name: "Energy",
      locale: "en",
    });
    const person = await db.prisma.person.update({
      where: { id: (await db.prisma.platformIdentity.findFirstOrThrow()).personId },
      data: { timeZone: "Eastern Standard Time" },
    });
    const added = await addMeasure(ctx, {
      actor: chair,
      conversation: slackChannel("C-1"),
      title: "Welding course",
      ownerPersonId: person.id,
      dueDate: "2027-06-30",
    });
    if (!added.ok) throw new Error(added.reason);
    await scheduleMeasureFollowUps(ctx);
    const planned = await db.prisma.measure.findFirstOrThrow();
    expect(planned.nextFollowUpAt!.getTime()).toBeGreaterThan(now.getTime());
    now = new Date("2027-05-03T07:00:00Z");
    await ensurePerson(ctx, { ...chair, timeZone: "Eastern Standard Time" });
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).timeZone).toBe(
      "America/New_York",
    );
    // Their measure's pings wait for their working hours now: due for a recompute.
    expect((await db.prisma.measure.findFirstOrThrow()).nextFollowUpAt).toEqual(now);
  });

  it("marks the cluster's measures, digest and kickoff due when its zone changes", async () => {
    const chair = slackUser("U-CHAIR", "Aino");
    const channel = slackChannel("C-1");
    await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
    const person = await db.prisma.person.findFirstOrThrow();
    await addMeasure(ctx, {
      actor: chair,
      conversation: channel,
      title: "Welding course",
      ownerPersonId: person.id,
      dueDate: "2027-06-30",
    });
    await scheduleMeasureFollowUps(ctx);
    await db.prisma.cluster.updateMany({
      data: {
        nextDigestAt: new Date("2027-05-10T00:00:00Z"),
        nextKickoffAt: new Date("2027-08-11T05:00:00Z"),
      },
    });
    now = new Date("2027-05-03T08:00:00Z");
    const changed = await setTimeZone(ctx, {
      actor: chair,
      conversation: channel,
      timeZone: "Europe/Stockholm",
    });
    expect(changed.ok).toBe(true);
    expect((await db.prisma.measure.findFirstOrThrow()).nextFollowUpAt).toEqual(now);
    expect(await db.prisma.cluster.findFirstOrThrow()).toMatchObject({
      nextDigestAt: now,
      nextKickoffAt: now,
    });
  });
});
