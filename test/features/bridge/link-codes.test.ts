// One cluster on both platforms: channel link codes and account link codes, against the real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acceptLinkCode } from "../../../src/features/bridge/app/accept-link-code.ts";
import {
  issueChannelLinkCode,
  issuePersonLinkCode,
} from "../../../src/features/bridge/app/issue-link-code.ts";
import { hashLinkCode, normaliseLinkCode } from "../../../src/features/bridge/app/link-code.ts";
import { unlinkChannel } from "../../../src/features/bridge/app/unlink-channel.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { ensurePerson } from "../../../src/kernel/app/identity.ts";
import type { Conversation, PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
let now = new Date("2026-11-22T10:00:00Z");

const slackEnergy = slackChannel("C-ENERGY");
const slackMining = slackChannel("C-MINING");
const chair = slackUser("U-CHAIR", "Aino Chair");
const slackMember = slackUser("U-MEMBER", "Mikko Member");
const teamsUser = (userId: string, displayName = userId): PlatformUser => ({
  platform: "TEAMS",
  tenant: "tenant-lapland",
  userId,
  displayName,
});
const teamsChannel = (channelId: string, scope: Conversation["scope"] = "CHANNEL"): Conversation => ({
  platform: "TEAMS",
  tenant: "tenant-lapland",
  channelId,
  scope,
});
const teamsEnergy = teamsChannel("19:energy@thread.tacv2");
const teamsOther = teamsChannel("19:other@thread.tacv2");
const teacher = teamsUser("29:teacher", "Tiina Teacher");
const personal = (user: PlatformUser): Conversation => ({
  platform: user.platform,
  tenant: user.tenant,
  channelId: `personal-${user.userId}`,
  scope: "PERSONAL",
});

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  now = new Date("2026-11-22T10:00:00Z");
  await truncateAll(db);
});

async function setUp(conversation = slackEnergy, name = "Energy") {
  const result = await setupCluster(ctx, { actor: chair, conversation, name });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

async function channelCode(conversation = slackEnergy): Promise<string> {
  const issued = await issueChannelLinkCode(ctx, { actor: chair, conversation });
  if (!issued.ok) throw new Error(issued.reason);
  return issued.value.code;
}

const snapshot = async () => ({
  bindings: await db.prisma.channelBinding.count(),
  memberships: await db.prisma.membership.count(),
  used: await db.prisma.linkCode.count({ where: { usedAt: { not: null } } }),
});

describe("channel link codes", () => {
  it("issues a one-time code to a chair, stores only its hash, and binds a Teams channel with it", async () => {
    const cluster = await setUp();
    const issued = await issueChannelLinkCode(ctx, { actor: chair, conversation: slackEnergy });
    expect(issued).toMatchObject({ ok: true, value: { usedOn: "TEAMS", clusterName: "Energy" } });
    if (!issued.ok) return;
    expect(issued.value.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(issued.value.expiresAt).toEqual(new Date("2026-11-23T10:00:00Z"));
    const stored = await db.prisma.linkCode.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code).toBe(hashLinkCode(normaliseLinkCode(issued.value.code)!));
    expect(JSON.stringify(stored)).not.toContain(issued.value.code.replace("-", ""));

    // Typed in lower case and without the dash: still the same code.
    const typed = issued.value.code.toLowerCase().replace("-", "");
    const accepted = await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code: typed });
    expect(accepted).toEqual({
      ok: true,
      value: { kind: "channel", clusterName: "Energy", platforms: ["Slack", "Teams"], joined: true },
    });
    const bindings = await db.prisma.channelBinding.findMany({ where: { clusterId: cluster.id } });
    expect(bindings.map((b) => [b.platform, b.channelId]).sort()).toEqual([
      ["SLACK", "C-ENERGY"],
      ["TEAMS", "19:energy@thread.tacv2"],
    ]);
    const members = await db.prisma.membership.findMany({ include: { person: true } });
    expect(members.map((m) => [m.person.displayName, m.role]).sort()).toEqual([
      ["Aino Chair", "CHAIR"],
      ["Tiina Teacher", "MEMBER"],
    ]);
    const audit = await db.prisma.auditEntry.findMany({ where: { action: "cluster.bridged" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses plain members, unbound channels and clusters already bridged", async () => {
    await setUp();
    await joinCluster(ctx, { actor: slackMember, conversation: slackEnergy });
    expect(await issueChannelLinkCode(ctx, { actor: slackMember, conversation: slackEnergy })).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    expect(
      await issueChannelLinkCode(ctx, { actor: chair, conversation: slackChannel("C-NOWHERE") }),
    ).toMatchObject({ ok: false, reason: "CHANNEL_NOT_BOUND" });
    const code = await channelCode();
    await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code });
    expect(await issueChannelLinkCode(ctx, { actor: chair, conversation: slackEnergy })).toEqual({
      ok: false,
      reason: "CLUSTER_ALREADY_BRIDGED",
      details: { cluster: "Energy", platform: "Teams" },
    });
    expect(await db.prisma.linkCode.count()).toBe(1);
  });

  it("works once: a reused code is refused and changes nothing", async () => {
    await setUp();
    const code = await channelCode();
    expect((await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code })).ok).toBe(true);
    const before = await snapshot();
    expect(await acceptLinkCode(ctx, { actor: teacher, conversation: teamsOther, code })).toEqual({
      ok: false,
      reason: "LINK_CODE_USED",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("expires after 24 hours", async () => {
    await setUp();
    const code = await channelCode();
    now = new Date("2026-11-23T10:00:00Z");
    const before = await snapshot();
    expect(await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code })).toEqual({
      ok: false,
      reason: "LINK_CODE_EXPIRED",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses codes it never gave out and malformed ones", async () => {
    await setUp();
    await channelCode();
    for (const code of ["AAAA-AAAA", "hello", "K7QM-4XP0", "1234567890"])
      expect(await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code })).toEqual({
        ok: false,
        reason: "LINK_CODE_INVALID",
      });
    expect(await db.prisma.channelBinding.count()).toBe(1);
  });

  it("refuses a second Slack channel for the same cluster, and keeps the code for the right channel", async () => {
    await setUp();
    const code = await channelCode();
    const before = await snapshot();
    expect(
      await acceptLinkCode(ctx, { actor: slackMember, conversation: slackChannel("C-ENERGY-2"), code }),
    ).toEqual({
      ok: false,
      reason: "CLUSTER_PLATFORM_TAKEN",
      details: { cluster: "Energy", platform: "Slack" },
    });
    expect(await snapshot()).toEqual(before);
    // The refusal did not use the code up.
    expect((await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code })).ok).toBe(true);
  });

  it("refuses a channel already bound to another cluster, and a personal chat", async () => {
    await setUp();
    const code = await channelCode();
    await setupCluster(ctx, { actor: teacher, conversation: teamsOther, name: "Tourism" });
    const before = await snapshot();
    expect(await acceptLinkCode(ctx, { actor: teacher, conversation: teamsOther, code })).toEqual({
      ok: false,
      reason: "CHANNEL_ALREADY_BOUND",
      details: { cluster: "Tourism" },
    });
    expect(
      await acceptLinkCode(ctx, { actor: teacher, conversation: personal(teacher), code }),
    ).toMatchObject({ ok: false, reason: "NEEDS_CHANNEL" });
    expect(await snapshot()).toEqual(before);
  });

  it("lets exactly one of two channels racing for the same code win", async () => {
    await setUp();
    await setUp(slackMining, "Mining");
    const code = await channelCode();
    const results = await Promise.all([
      acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code }),
      acceptLinkCode(ctx, { actor: teamsUser("29:other"), conversation: teamsOther, code }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: "LINK_CODE_USED" });
    expect(await db.prisma.channelBinding.count({ where: { platform: "TEAMS" } })).toBe(1);
  });
});

describe("account link codes", () => {
  it("are given only in the personal chat, for 15 minutes", async () => {
    await setUp();
    expect(await issuePersonLinkCode(ctx, { actor: chair, conversation: slackEnergy })).toEqual({
      ok: false,
      reason: "NEEDS_PERSONAL_CHAT",
    });
    const issued = await issuePersonLinkCode(ctx, { actor: chair, conversation: personal(chair) });
    expect(issued).toMatchObject({
      ok: true,
      value: { usedOn: "TEAMS", expiresAt: new Date("2026-11-22T10:15:00Z") },
    });
  });

  async function personCode(actor = chair): Promise<string> {
    const issued = await issuePersonLinkCode(ctx, { actor, conversation: personal(actor) });
    if (!issued.ok) throw new Error(issued.reason);
    return issued.value.code;
  }

  it("make the Teams account and the Slack account one member, once", async () => {
    await setUp();
    const chairOnTeams = teamsUser("29:aino", "Aino on Teams");
    // Aino already joined the bridged Teams channel as someone else: two people, two memberships.
    await acceptLinkCode(ctx, { actor: chairOnTeams, conversation: teamsEnergy, code: await channelCode() });
    expect(await db.prisma.person.count()).toBe(2);
    const code = await personCode();
    expect(
      await acceptLinkCode(ctx, { actor: chairOnTeams, conversation: personal(chairOnTeams), code }),
    ).toEqual({
      ok: true,
      value: { kind: "person", platforms: ["Slack", "Teams"] },
    });
    const people = await db.prisma.person.findMany({ include: { identities: true, memberships: true } });
    expect(people).toHaveLength(1);
    expect(people[0]!.identities.map((i) => i.platform).sort()).toEqual(["SLACK", "TEAMS"]);
    expect(people[0]!.memberships.map((m) => m.role)).toEqual(["CHAIR"]);
    expect(await db.prisma.auditEntry.count({ where: { action: "person.linked" } })).toBe(1);
    // The first account keeps naming her: the Teams name does not overwrite it on every turn.
    expect((await ensurePerson(ctx, chairOnTeams)).displayName).toBe("Aino Chair");
    expect((await ensurePerson(ctx, { ...chair, displayName: "Aino Chair-Lapp" })).displayName).toBe(
      "Aino Chair-Lapp",
    );

    expect(
      await acceptLinkCode(ctx, { actor: chairOnTeams, conversation: personal(chairOnTeams), code }),
    ).toEqual({
      ok: false,
      reason: "LINK_CODE_USED",
    });
    expect(await issuePersonLinkCode(ctx, { actor: chair, conversation: personal(chair) })).toEqual({
      ok: false,
      reason: "ALREADY_LINKED",
    });
  });

  it("refuse the same platform, an expired code, and the asker themself", async () => {
    await setUp();
    const code = await personCode();
    const before = await db.prisma.person.count();
    expect(
      await acceptLinkCode(ctx, { actor: slackMember, conversation: personal(slackMember), code }),
    ).toEqual({
      ok: false,
      reason: "LINK_SAME_PLATFORM",
      details: { platform: "Slack" },
    });
    expect(await acceptLinkCode(ctx, { actor: chair, conversation: personal(chair), code })).toEqual({
      ok: false,
      reason: "ALREADY_LINKED",
    });
    now = new Date("2026-11-22T10:15:00Z");
    expect(await acceptLinkCode(ctx, { actor: teacher, conversation: personal(teacher), code })).toEqual({
      ok: false,
      reason: "LINK_CODE_EXPIRED",
    });
    // Nobody was merged; the people who typed the code exist as themselves.
    expect(await db.prisma.person.count()).toBe(before + 1);
    expect(await db.prisma.linkCode.count({ where: { usedAt: { not: null } } })).toBe(0);
  });
});

describe("unlinking", () => {
  it("ends the bridge from either side, tells the other channel once, and forgets its tracked posts", async () => {
    const cluster = await setUp();
    await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code: await channelCode() });
    await db.prisma.postedMessage.create({
      data: {
        platform: "TEAMS",
        conversationId: "19:energy@thread.tacv2;messageid=42",
        messageId: "42",
        subjectType: "poll",
        subjectId: "m-1",
      },
    });
    expect(await unlinkChannel(ctx, { actor: teacher, conversation: teamsEnergy })).toMatchObject({
      ok: false,
      reason: "FORBIDDEN",
    });
    expect(await unlinkChannel(ctx, { actor: chair, conversation: slackEnergy })).toEqual({
      ok: true,
      value: { clusterName: "Energy", platform: "Teams" },
    });
    const bindings = await db.prisma.channelBinding.findMany({ where: { clusterId: cluster.id } });
    expect(bindings.map((b) => b.platform)).toEqual(["SLACK"]);
    expect(await db.prisma.postedMessage.count()).toBe(0);
    const notice = await db.prisma.outboxMessage.findMany({ where: { platform: "TEAMS" } });
    expect(notice.map((row) => row.target)).toEqual(["19:energy@thread.tacv2"]);
    expect(JSON.stringify(notice[0]!.payload)).toContain("ei ole enää yhdistetty klusteriin *Energy*");
    expect(await unlinkChannel(ctx, { actor: chair, conversation: slackEnergy })).toEqual({
      ok: false,
      reason: "NOT_BRIDGED",
      details: { cluster: "Energy" },
    });
    // The Teams channel can be linked again, with a new code.
    expect(
      (await acceptLinkCode(ctx, { actor: teacher, conversation: teamsEnergy, code: await channelCode() }))
        .ok,
    ).toBe(true);
  });
});
