// One human on Slack and Teams becomes one Person when both platforms vouch for the same e-mail:
// a new identity is attached to the person known on the other platform, an existing one-platform
// person is merged into them once the address becomes known. Never two identities of the same
// platform, never an erased person, never when the address is ambiguous.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../src/features/clusters/app/setup-cluster.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { ensurePerson } from "../../src/kernel/app/identity.ts";
import type { PlatformUser } from "../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";
import { slackChannel, slackUser } from "../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-05-03T06:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(() => truncateAll(db));

const teamsUser = (userId: string, displayName: string, extra: Partial<PlatformUser> = {}): PlatformUser => ({
  platform: "TEAMS",
  tenant: "tenant-lapland",
  userId,
  displayName,
  ...extra,
});

const identitiesOf = async (personId: string) =>
  (await db.prisma.platformIdentity.findMany({ where: { personId }, orderBy: { platform: "asc" } })).map(
    (i) => `${i.platform}:${i.externalId}`,
  );

const linkedAudits = () => db.prisma.auditEntry.findMany({ where: { action: "person.linked" } });

describe("a new identity with a known e-mail", () => {
  it("Slack first, then Teams: the Teams identity joins the Slack person (case and spaces ignored)", async () => {
    const onSlack = await ensurePerson(
      ctx,
      slackUser("U-HEIDI", "Heidi", { email: "Heidi.Lapp@Lapinamk.example" }),
    );
    const onTeams = await ensurePerson(
      ctx,
      teamsUser("29:heidi", "Heidi Lapp", { email: "  heidi.lapp@lapinamk.EXAMPLE " }),
    );
    expect(onTeams.id).toBe(onSlack.id);
    expect(await db.prisma.person.count()).toBe(1);
    expect(await identitiesOf(onSlack.id)).toEqual(["SLACK:U-HEIDI", "TEAMS:29:heidi"]);
    const [entry, ...more] = await linkedAudits();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: onSlack.id, subjectId: onSlack.id, details: { via: "email" } });
    expect(JSON.stringify(entry).toLowerCase()).not.toContain("lapinamk");
    // The next turn changes nothing.
    expect(
      (await ensurePerson(ctx, teamsUser("29:heidi", "Heidi Lapp", { email: "heidi.lapp@lapinamk.example" })))
        .id,
    ).toBe(onSlack.id);
    expect(await linkedAudits()).toHaveLength(1);
  });

  it("Teams first, then Slack: the Slack identity joins the Teams person", async () => {
    const onTeams = await ensurePerson(
      ctx,
      teamsUser("29:ville", "Ville", { email: "ville@energy.example" }),
    );
    const onSlack = await ensurePerson(
      ctx,
      slackUser("U-VILLE", "Ville V", { email: "Ville@energy.example" }),
    );
    expect(onSlack.id).toBe(onTeams.id);
    expect(await identitiesOf(onTeams.id)).toEqual(["SLACK:U-VILLE", "TEAMS:29:ville"]);
  });

  it("a second identity on the same platform with the same e-mail stays a person of its own", async () => {
    const first = await ensurePerson(ctx, slackUser("U-AINO", "Aino", { email: "aino@energy.example" }));
    const otherWorkspace = await ensurePerson(ctx, {
      ...slackUser("U-AINO2", "Aino"),
      tenant: "T-OTHER",
      email: "aino@energy.example",
    });
    expect(otherWorkspace.id).not.toBe(first.id);
    // A person already on both platforms does not take a second Teams identity either.
    await ensurePerson(ctx, teamsUser("29:tiina", "Tiina", { email: "tiina@univ.example" }));
    const tiina = await ensurePerson(ctx, slackUser("U-TIINA", "Tiina", { email: "tiina@univ.example" }));
    const secondTenant = await ensurePerson(ctx, {
      ...teamsUser("29:tiina-b", "Tiina"),
      tenant: "tenant-other",
      email: "tiina@univ.example",
    });
    expect(secondTenant.id).not.toBe(tiina.id);
    expect(await identitiesOf(tiina.id)).toEqual(["SLACK:U-TIINA", "TEAMS:29:tiina"]);
  });

  it("an erased person is never linked", async () => {
    const former = await ensurePerson(ctx, slackUser("U-GONE", "Gone", { email: "gone@energy.example" }));
    // Erasure clears the e-mail and the identities too; the flag alone must already be enough.
    await db.prisma.person.update({ where: { id: former.id }, data: { erasedAt: now } });
    const onTeams = await ensurePerson(ctx, teamsUser("29:gone", "Gone", { email: "gone@energy.example" }));
    expect(onTeams.id).not.toBe(former.id);
    expect(await identitiesOf(former.id)).toEqual(["SLACK:U-GONE"]);
  });

  it("two people with the address: ambiguous, nothing linked", async () => {
    await ensurePerson(ctx, slackUser("U-A", "Anna", { email: "shared@energy.example" }));
    await ensurePerson(ctx, {
      ...slackUser("U-B", "Anna"),
      tenant: "T-OTHER",
      email: "shared@energy.example",
    });
    const onTeams = await ensurePerson(ctx, teamsUser("29:anna", "Anna", { email: "shared@energy.example" }));
    expect(await identitiesOf(onTeams.id)).toEqual(["TEAMS:29:anna"]);
    expect(await db.prisma.person.count()).toBe(3);
    expect(await linkedAudits()).toEqual([]);
  });

  it("without an e-mail nothing is linked", async () => {
    await ensurePerson(ctx, slackUser("U-OLLI", "Olli", { email: "olli@energy.example" }));
    const onTeams = await ensurePerson(ctx, teamsUser("29:olli", "Olli"));
    expect(await identitiesOf(onTeams.id)).toEqual(["TEAMS:29:olli"]);
  });

  it("concurrent first turns of the same identity end with one identity", async () => {
    const onSlack = await ensurePerson(ctx, slackUser("U-HEIDI", "Heidi", { email: "heidi@energy.example" }));
    const heidi = teamsUser("29:heidi", "Heidi", { email: "heidi@energy.example" });
    const people = await Promise.all([
      ensurePerson(ctx, heidi),
      ensurePerson(ctx, heidi),
      ensurePerson(ctx, heidi),
    ]);
    expect(people.map((p) => p.id)).toEqual([onSlack.id, onSlack.id, onSlack.id]);
    expect(await identitiesOf(onSlack.id)).toEqual(["SLACK:U-HEIDI", "TEAMS:29:heidi"]);
  });
});

describe("two people, then the e-mail becomes known", () => {
  const channel = slackChannel("C-ENERGY");

  it("merges the one-platform person into the other and audits it without the address", async () => {
    // Heidi is on Slack with her e-mail; on Teams she wrote before Teams told us her e-mail.
    const aino = slackUser("U-AINO", "Aino");
    await setupCluster(ctx, { actor: aino, conversation: channel, name: "Energy", locale: "en" });
    const heidiOnSlack = slackUser("U-HEIDI", "Heidi", { email: "heidi@energy.example" });
    await joinCluster(ctx, { actor: heidiOnSlack, conversation: channel });
    const slackPerson = await ensurePerson(ctx, heidiOnSlack);
    const teamsPerson = await ensurePerson(ctx, teamsUser("29:heidi", "Heidi L", { locale: "fi-FI" }));
    expect(teamsPerson.id).not.toBe(slackPerson.id);
    await db.prisma.conversationRef.create({
      data: {
        platform: "TEAMS",
        conversationId: "a:heidi-personal",
        scope: "PERSONAL",
        personId: teamsPerson.id,
        reference: {},
      },
    });

    const linked = await ensurePerson(
      ctx,
      teamsUser("29:heidi", "Heidi L", { email: "HEIDI@energy.example" }),
    );
    expect(linked.id).toBe(slackPerson.id);
    expect(await db.prisma.person.findUnique({ where: { id: teamsPerson.id } })).toBeNull();
    expect(await identitiesOf(slackPerson.id)).toEqual(["SLACK:U-HEIDI", "TEAMS:29:heidi"]);
    // Teams reported fi-FI: a language seen, not chosen, and it follows the merge as such.
    expect(linked).toMatchObject({ email: "heidi@energy.example", locale: null, seenLocale: "fi" });
    expect(await db.prisma.conversationRef.findFirstOrThrow()).toMatchObject({ personId: slackPerson.id });
    expect(await db.prisma.membership.count({ where: { personId: slackPerson.id } })).toBe(1);
    const [entry, ...more] = await linkedAudits();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorId: slackPerson.id,
      subjectType: "person",
      subjectId: slackPerson.id,
      details: { via: "email", platform: "TEAMS", moved: { identities: 1, conversations: 1 } },
    });
    expect(JSON.stringify(entry).toLowerCase()).not.toContain("heidi@");
    // Slack sees the same person.
    expect((await ensurePerson(ctx, heidiOnSlack)).id).toBe(slackPerson.id);
  });

  it("the other way round: a Slack person merges into the Teams person once Slack gives the e-mail", async () => {
    const teamsPerson = await ensurePerson(
      ctx,
      teamsUser("29:ville", "Ville", { email: "ville@energy.example" }),
    );
    const slackPerson = await ensurePerson(ctx, slackUser("U-VILLE", "Ville"));
    expect(slackPerson.id).not.toBe(teamsPerson.id);
    const linked = await ensurePerson(ctx, slackUser("U-VILLE", "Ville", { email: "ville@energy.example" }));
    expect(linked.id).toBe(teamsPerson.id);
    expect(await db.prisma.person.count()).toBe(1);
  });

  it("does not merge two people of the same platform, an ambiguous address or an erased person", async () => {
    // Same platform: a second Slack workspace.
    await ensurePerson(ctx, slackUser("U-AINO", "Aino", { email: "aino@energy.example" }));
    const aino2 = { ...slackUser("U-AINO2", "Aino"), tenant: "T-OTHER" };
    const second = await ensurePerson(ctx, aino2);
    expect((await ensurePerson(ctx, { ...aino2, email: "aino@energy.example" })).id).toBe(second.id);
    // Ambiguous: two Slack people carry the address.
    const anna = await ensurePerson(ctx, teamsUser("29:anna", "Anna"));
    await ensurePerson(ctx, slackUser("U-A", "Anna", { email: "anna@energy.example" }));
    await ensurePerson(ctx, { ...slackUser("U-B", "Anna"), tenant: "T-OTHER", email: "anna@energy.example" });
    expect((await ensurePerson(ctx, teamsUser("29:anna", "Anna", { email: "anna@energy.example" }))).id).toBe(
      anna.id,
    );
    // Erased.
    const gone = await ensurePerson(ctx, slackUser("U-GONE", "Gone", { email: "gone@energy.example" }));
    await db.prisma.person.update({ where: { id: gone.id }, data: { erasedAt: now } });
    const goneOnTeams = await ensurePerson(ctx, teamsUser("29:gone", "Gone"));
    expect((await ensurePerson(ctx, teamsUser("29:gone", "Gone", { email: "gone@energy.example" }))).id).toBe(
      goneOnTeams.id,
    );
    expect(await linkedAudits()).toEqual([]);
  });

  it("a person already on two platforms is not merged away", async () => {
    const heidi = await ensurePerson(ctx, slackUser("U-HEIDI", "Heidi", { email: "heidi@energy.example" }));
    await ensurePerson(ctx, teamsUser("29:heidi", "Heidi", { email: "heidi@energy.example" }));
    // Someone else on Teams (another tenant) who later shows the same address keeps their own person.
    const other = await ensurePerson(ctx, { ...teamsUser("29:x", "X"), tenant: "tenant-other" });
    const later = await ensurePerson(ctx, {
      ...teamsUser("29:x", "X"),
      tenant: "tenant-other",
      email: "heidi@energy.example",
    });
    expect(later.id).toBe(other.id);
    expect(await identitiesOf(heidi.id)).toEqual(["SLACK:U-HEIDI", "TEAMS:29:heidi"]);
  });

  it("concurrent turns merge once", async () => {
    const slackPerson = await ensurePerson(
      ctx,
      slackUser("U-HEIDI", "Heidi", { email: "heidi@energy.example" }),
    );
    await ensurePerson(ctx, teamsUser("29:heidi", "Heidi"));
    const heidi = teamsUser("29:heidi", "Heidi", { email: "heidi@energy.example" });
    const people = await Promise.all([ensurePerson(ctx, heidi), ensurePerson(ctx, heidi)]);
    expect(people.map((p) => p.id)).toEqual([slackPerson.id, slackPerson.id]);
    expect(await db.prisma.person.count()).toBe(1);
    expect(await linkedAudits()).toHaveLength(1);
  });
});
