// The move from the embedded database to PostgreSQL: data written through the bot's use cases on
// PGlite, copied by copyEmbeddedToPostgres, then read back through the same use cases on PostgreSQL.
// Needs a PostgreSQL server (TEST_DATABASE_URL; the CI's PostgreSQL pass has one).
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyEmbeddedToPostgres, TargetNotEmptyError } from "../../src/db/copy-to-postgres.ts";
import { type Database, openDatabase } from "../../src/db/open-database.ts";
import { assignRole } from "../../src/features/clusters/app/assign-role.ts";
import { joinCluster } from "../../src/features/clusters/app/join-cluster.ts";
import { listMembers } from "../../src/features/clusters/app/list-members.ts";
import { setupCluster } from "../../src/features/clusters/app/setup-cluster.ts";
import { finaliseMeeting } from "../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../src/features/meetings/app/plan-meeting.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { withDatabase } from "../support/database-urls.ts";
import { slackChannel, slackUser } from "../support/people.ts";
import { tableDigests } from "../support/table-digests.ts";

const adminUrl = process.env.TEST_DATABASE_URL;
const energy = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino Chair");
const member = slackUser("U-MEMBER", "Mikko Member");
const context = (db: Database): AppContext => ({
  db: db.prisma,
  clock: { now: () => new Date("2026-11-22T10:00:00Z") },
  compose: surfaceComposer,
});

let embedded: Database;
let pglite: PGlite;
const databases: string[] = [];

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function emptyPostgres(): Promise<string> {
  const name = `move_${randomBytes(5).toString("hex")}`;
  databases.push(name);
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return withDatabase(adminUrl!, name);
}

describe.skipIf(!adminUrl)("moving the embedded database to PostgreSQL", () => {
  beforeAll(async () => {
    pglite = await PGlite.create();
    embedded = await openDatabase({ kind: "pglite", pglite });
    const ctx = context(embedded);
    const setup = await setupCluster(ctx, {
      actor: chair,
      conversation: energy,
      name: "Energy",
      sector: "energy",
    });
    if (!setup.ok) throw new Error(setup.reason);
    expect((await joinCluster(ctx, { actor: member, conversation: energy })).ok).toBe(true);
    const assigned = await assignRole(ctx, {
      actor: chair,
      conversation: energy,
      target: member,
      role: "COORDINATOR",
    });
    expect(assigned.ok).toBe(true);
    // A scheduled meeting: Meeting.chosenSlotId and MeetingSlot.meetingId point at each other.
    const planned = await planMeeting(ctx, {
      actor: chair,
      conversation: energy,
      title: "Summer 2027",
      slots: [
        { date: "2027-06-14", time: "10:00", durationMinutes: 120, place: "Rovaniemi" },
        { date: "2027-06-15", time: "10:00", durationMinutes: 120 },
      ],
    });
    if (!planned.ok) throw new Error(planned.reason);
    const { meetingId } = planned.value;
    const slot = await embedded.prisma.meetingSlot.findFirstOrThrow({
      where: { meetingId },
      orderBy: { startsAt: "asc" },
    });
    expect(
      (await finaliseMeeting(ctx, { actor: chair, conversation: energy, meetingId, slotId: slot.id })).ok,
    ).toBe(true);
    expect(await embedded.prisma.outboxMessage.count()).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await embedded?.close();
    for (const name of databases) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it("copies every table onto a migrated PostgreSQL, where the use cases read it", async () => {
    const url = await emptyPostgres();
    const before = await tableDigests(embedded, []);
    const report = await copyEmbeddedToPostgres(pglite, url);
    expect(report.tables.map((t) => t.name).sort()).toEqual(Object.keys(before).sort());
    expect(report.tables.find((t) => t.name === "Cluster")?.rows).toBe(1);
    expect(report.tables.find((t) => t.name === "MeetingSlot")?.rows).toBe(2);

    const moved = await openDatabase({ kind: "postgres", url });
    try {
      expect(moved.migrations.applied).toEqual([]);
      expect(await tableDigests(moved, [])).toEqual(before);
      const meeting = await moved.prisma.meeting.findFirstOrThrow({ include: { chosenSlot: true } });
      expect(meeting.chosenSlot?.startsAt.toISOString()).toBe("2027-06-14T07:00:00.000Z");
      const members = await listMembers(context(moved), { actor: chair, conversation: energy });
      expect(members.ok && members.value.members.map((m) => [m.displayName, m.role])).toEqual(
        expect.arrayContaining([
          ["Aino Chair", "CHAIR"],
          ["Mikko Member", "COORDINATOR"],
        ]),
      );
      // The bot keeps working there: a new member joins on PostgreSQL.
      const late = slackUser("U-LATE", "Liisa Late");
      expect((await joinCluster(context(moved), { actor: late, conversation: energy })).ok).toBe(true);
    } finally {
      await moved.close();
    }
  });

  it("refuses a target that already holds data and writes nothing", async () => {
    const url = await emptyPostgres();
    await copyEmbeddedToPostgres(pglite, url);
    const target = await openDatabase({ kind: "postgres", url });
    try {
      const late = slackUser("U-LATE", "Liisa Late");
      expect((await joinCluster(context(target), { actor: late, conversation: energy })).ok).toBe(true);
      const before = await tableDigests(target, []);
      await expect(copyEmbeddedToPostgres(pglite, url)).rejects.toThrow(TargetNotEmptyError);
      expect(await tableDigests(target, [])).toEqual(before);
    } finally {
      await target.close();
    }
  });
});
