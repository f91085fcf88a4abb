// Teams activities carry no e-mail: the bot asks the connector for the member (TeamsInfo.getMember),
// once per person per hour, and a person already known on Slack with that verified address becomes
// one Person with both identities. Unknown members and guest principal names link nobody.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensurePerson } from "../../../src/kernel/app/identity.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { slackUser } from "../../support/people.ts";
import { type TeamsUser, teamsChannel, teamsUser } from "../../support/teams-activities.ts";
import {
  expectNoApology,
  inPrivate,
  onlyReply,
  singleReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  connector.members.clear();
});
afterEach(() => expectNoApology(connector.calls));

const energy = teamsChannel("Energy");
const { say } = teamsJourney(() => ({ bot, connector }), energy);
const app = () => ({ db: bot.db.prisma, clock: { now: () => new Date() }, compose: surfaceComposer });

/** Heidi as Slack knows her: users.info gave the workspace-verified address. */
const heidiOnSlack = () =>
  ensurePerson(app(), slackUser("U-HEIDI", "Heidi", { email: "heidi.lapp@lapinamk.example" }));

const identitiesOf = async (personId: string) =>
  (await bot.db.prisma.platformIdentity.findMany({ where: { personId }, orderBy: { platform: "asc" } })).map(
    (i) => i.platform,
  );

const personOf = async (user: TeamsUser) =>
  (
    await bot.db.prisma.platformIdentity.findFirstOrThrow({
      where: { platform: "TEAMS", externalId: user.id },
      include: { person: true },
    })
  ).person;

const memberLookups = () => connector.calls.filter((c) => c.operation === "member");

describe("a Slack person writing on Teams", () => {
  it("becomes one Person with two identities, the member looked up once", async () => {
    const slackPerson = await heidiOnSlack();
    const heidi = teamsUser("Heidi Lapp");
    connector.members.set(heidi.id, { name: "Heidi Lapp", email: "Heidi.Lapp@Lapinamk.example" });

    onlyReply(await say(heidi, "help"));
    expect((await personOf(heidi)).id).toBe(slackPerson.id);
    expect(await identitiesOf(slackPerson.id)).toEqual(["SLACK", "TEAMS"]);
    expect(await bot.db.prisma.person.count()).toBe(1);
    // In a team channel the roster is the team's.
    expect(memberLookups()).toEqual([
      expect.objectContaining({
        method: "GET",
        conversationId: energy.teamId,
        memberId: heidi.id,
        status: 200,
      }),
    ]);

    // Later turns (here in her personal chat) use the cached answer; the chat belongs to the one person.
    onlyReply(await say(heidi, "help", inPrivate("a:heidi-personal")));
    expect(memberLookups()).toHaveLength(1);
    expect(
      await bot.db.prisma.conversationRef.findFirstOrThrow({ where: { scope: "PERSONAL" } }),
    ).toMatchObject({ personId: slackPerson.id });
    expect(await bot.db.prisma.auditEntry.count({ where: { action: "person.linked" } })).toBe(1);
  });

  it("first contact in the personal chat links too (the stored chat is the Slack person's)", async () => {
    const slackPerson = await heidiOnSlack();
    const heidi = teamsUser("Heidi Lapp");
    // No e-mail on the record, only a principal name that is an address.
    connector.members.set(heidi.id, { name: "Heidi Lapp", userPrincipalName: "heidi.lapp@lapinamk.example" });
    singleReply(await say(heidi, "help", inPrivate("a:heidi-first")));
    expect(await bot.db.prisma.person.count()).toBe(1);
    expect(
      await bot.db.prisma.conversationRef.findFirstOrThrow({ where: { scope: "PERSONAL" } }),
    ).toMatchObject({ personId: slackPerson.id });
    expect(memberLookups()[0]).toMatchObject({ conversationId: "a:heidi-first", memberId: heidi.id });
  });

  it("an unknown member (404) or a guest's principal name links nobody, and the turn is answered", async () => {
    const slackPerson = await heidiOnSlack();
    const stranger = teamsUser("Stranger");
    onlyReply(await say(stranger, "help"));
    expect(memberLookups()).toEqual([expect.objectContaining({ memberId: stranger.id, status: 404 })]);
    const guest = teamsUser("Heidi Guest");
    connector.members.set(guest.id, {
      name: "Heidi Guest",
      userPrincipalName: "heidi.lapp_lapinamk.example#EXT#@tenant.onmicrosoft.com",
    });
    onlyReply(await say(guest, "help"));
    expect((await personOf(stranger)).id).not.toBe(slackPerson.id);
    expect((await personOf(guest)).id).not.toBe(slackPerson.id);
    expect(await identitiesOf(slackPerson.id)).toEqual(["SLACK"]);
  });
});
