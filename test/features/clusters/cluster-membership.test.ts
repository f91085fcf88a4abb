import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assignRole } from "../../../src/features/clusters/app/assign-role.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { leaveCluster } from "../../../src/features/clusters/app/leave-cluster.ts";
import { listMembers } from "../../../src/features/clusters/app/list-members.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { clusterStatus } from "../../../src/features/cycle/app/cluster-status.ts";
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
beforeEach(() => truncateAll(db));

async function setUpEnergy() {
  const result = await setupCluster(ctx, {
    actor: chair,
    conversation: energy,
    name: "Energy",
    sector: "energy",
  });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe("setting up a cluster", () => {
  it("binds the channel, makes the caller chair and writes the audit log", async () => {
    const cluster = await setUpEnergy();
    expect(cluster).toMatchObject({
      name: "Energy",
      sector: "energy",
      timeZone: "Europe/Helsinki",
      locale: "fi",
    });
    const members = await listMembers(ctx, { actor: chair, conversation: energy });
    expect(members).toEqual({
      ok: true,
      value: {
        clusterName: "Energy",
        members: [expect.objectContaining({ displayName: "Aino Chair", role: "CHAIR" })],
      },
    });
    const audit = await db.prisma.auditEntry.findMany({ where: { clusterId: cluster.id } });
    expect(audit.map((a) => a.action)).toEqual(["cluster.setup"]);
  });

  it("refuses a second cluster in the same channel and a personal chat", async () => {
    await setUpEnergy();
    expect(await setupCluster(ctx, { actor: member, conversation: energy, name: "Mining" })).toEqual({
      ok: false,
      reason: "CHANNEL_ALREADY_BOUND",
      details: { cluster: "Energy" },
    });
    const dm = { ...energy, channelId: "D-1", scope: "PERSONAL" as const };
    expect(await setupCluster(ctx, { actor: chair, conversation: dm, name: "X cluster" })).toMatchObject({
      ok: false,
      reason: "NEEDS_CHANNEL",
    });
    expect(await db.prisma.cluster.count()).toBe(1);
  });

  it("lets exactly one of two racing setups win", async () => {
    const results = await Promise.all([
      setupCluster(ctx, { actor: chair, conversation: energy, name: "Energy" }),
      setupCluster(ctx, { actor: member, conversation: energy, name: "Energy too" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.prisma.channelBinding.count()).toBe(1);
  });

  it("rejects bad input with the field that was wrong and writes nothing", async () => {
    const result = await setupCluster(ctx, {
      actor: chair,
      conversation: energy,
      name: "E",
      timeZone: "Mars/Olympus",
    });
    expect(result).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { field: "name" } });
    const zone = await setupCluster(ctx, {
      actor: chair,
      conversation: energy,
      name: "Energy",
      timeZone: "Mars/Olympus",
    });
    expect(zone).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { field: "timeZone" } });
    expect(await db.prisma.cluster.count()).toBe(0);
  });
});

describe("membership", () => {
  it("joins once even when clicked twice at the same time", async () => {
    await setUpEnergy();
    const [a, b] = await Promise.all([
      joinCluster(ctx, { actor: member, conversation: energy }),
      joinCluster(ctx, { actor: member, conversation: energy }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await db.prisma.membership.count()).toBe(2);
    expect(await db.prisma.person.count()).toBe(2);
  });

  it("answers CHANNEL_NOT_BOUND in an unbound channel", async () => {
    expect(await joinCluster(ctx, { actor: member, conversation: slackChannel("C-NONE") })).toEqual({
      ok: false,
      reason: "CHANNEL_NOT_BOUND",
    });
  });

  it("keeps the last chair from leaving, lets members leave", async () => {
    await setUpEnergy();
    await joinCluster(ctx, { actor: member, conversation: energy });
    expect(await leaveCluster(ctx, { actor: chair, conversation: energy })).toEqual({
      ok: false,
      reason: "LAST_CHAIR",
    });
    expect(await leaveCluster(ctx, { actor: member, conversation: energy })).toMatchObject({ ok: true });
    expect(await leaveCluster(ctx, { actor: member, conversation: energy })).toMatchObject({
      ok: false,
      reason: "NOT_A_MEMBER",
    });
  });
});

describe("roles", () => {
  const target = { platform: "SLACK" as const, tenant: "T-LAPLAND", userId: "U-MEMBER" };

  it("lets the chair name a secretary and records who changed what", async () => {
    const cluster = await setUpEnergy();
    await joinCluster(ctx, { actor: member, conversation: energy });
    const result = await assignRole(ctx, { actor: chair, conversation: energy, target, role: "SECRETARY" });
    expect(result).toEqual({
      ok: true,
      value: { clusterName: "Energy", displayName: "Mikko Member", from: "MEMBER", to: "SECRETARY" },
    });
    const entry = await db.prisma.auditEntry.findFirstOrThrow({
      where: { clusterId: cluster.id, action: "member.role" },
    });
    expect(entry.details).toEqual({ from: "MEMBER", to: "SECRETARY" });
  });

  it("refuses members, unknown users and demoting the last chair", async () => {
    await setUpEnergy();
    await joinCluster(ctx, { actor: member, conversation: energy });
    const chairRef = { ...target, userId: "U-CHAIR" };
    expect(
      await assignRole(ctx, { actor: member, conversation: energy, target: chairRef, role: "MEMBER" }),
    ).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    expect(
      await assignRole(ctx, {
        actor: chair,
        conversation: energy,
        target: { ...target, userId: "U-GHOST" },
        role: "MEMBER",
      }),
    ).toMatchObject({
      ok: false,
      reason: "UNKNOWN_USER",
    });
    expect(
      await assignRole(ctx, { actor: chair, conversation: energy, target: chairRef, role: "MEMBER" }),
    ).toEqual({ ok: false, reason: "LAST_CHAIR" });
    expect(
      await assignRole(ctx, { actor: chair, conversation: energy, target, role: "KING" as never }),
    ).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
  });
});

describe("isolation between clusters", () => {
  it("a member of one cluster can neither see nor change another", async () => {
    await setUpEnergy();
    const mining = slackChannel("C-MINING");
    const miner = slackUser("U-MINER", "Minna Miner");
    await setupCluster(ctx, { actor: miner, conversation: mining, name: "Mining" });
    expect(await listMembers(ctx, { actor: chair, conversation: mining })).toMatchObject({
      ok: false,
      reason: "NOT_A_MEMBER",
    });
    expect(await clusterStatus(ctx, { actor: chair, conversation: mining })).toMatchObject({
      ok: false,
      reason: "NOT_A_MEMBER",
    });
    const minerRef = { platform: "SLACK" as const, tenant: "T-LAPLAND", userId: "U-MINER" };
    expect(
      await assignRole(ctx, { actor: chair, conversation: energy, target: minerRef, role: "MEMBER" }),
    ).toMatchObject({
      ok: false,
      reason: "UNKNOWN_USER",
    });
    expect(
      await assignRole(ctx, { actor: chair, conversation: mining, target: minerRef, role: "MEMBER" }),
    ).toMatchObject({
      ok: false,
      reason: "NOT_A_MEMBER",
    });
  });
});

describe("status", () => {
  it("counts members by role and shows the caller's role", async () => {
    await setUpEnergy();
    await joinCluster(ctx, { actor: member, conversation: energy });
    const status = await clusterStatus(ctx, { actor: member, conversation: energy });
    expect(status).toMatchObject({
      ok: true,
      value: {
        name: "Energy",
        memberCount: 2,
        roleCounts: { CHAIR: 1, MEMBER: 1 },
        platforms: ["SLACK"],
        yourRole: "MEMBER",
      },
    });
  });
});
