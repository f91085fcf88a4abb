// The attack found on the Slack-only set-up: anyone who could reach /api/messages posted a Teams
// activity whose serviceUrl pointed at their own server; that server answered the member lookup with
// a Slack member's e-mail, the bot linked the attacker's Teams account to that person, and the
// person's my-data export went to the attacker's server. Now: Teams that is not configured is not
// served at all; anonymous Teams is an explicit local opt-in that accepts loopback only and never
// links identities; and only an authenticated turn may look up (and link by) an e-mail address.
import { afterEach, describe, expect, it } from "vitest";
import { ensurePerson } from "../../../src/kernel/app/identity.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { slackUser } from "../../support/people.ts";
import { message, personalChat, postActivity, teamsUser } from "../../support/teams-activities.ts";
import { connectTeams, type TeamsConnection } from "../../support/teams-connection.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "../../support/test-bot.ts";

const HEIDI_EMAIL = "heidi.lapp@lapinamk.example";

let bot: TestBot | undefined;
let slack: FakeSlackApi | undefined;
let teams: TeamsConnection | undefined;
afterEach(async () => {
  await bot?.stop();
  await slack?.stop();
  await teams?.connector.stop();
  bot = slack = teams = undefined;
});

/** The documented Slack-only set-up, plus whatever Teams settings `env` adds. */
async function startSlackOnly(
  env: Record<string, string> = {},
  options: { teamsIdentity?: TeamsConnection["teamsIdentity"] } = {},
) {
  slack = await new FakeSlackApi().start();
  bot = await startTestBot({ ...slackHttpEnv(slack.apiUrl), ...env }, undefined, options);
  await truncateAll(bot.db);
  // Heidi is a Slack member whose verified address the bot knows.
  const app = { db: bot.db.prisma, clock: { now: () => new Date() }, compose: surfaceComposer };
  return ensurePerson(app, slackUser("U-HEIDI", "Heidi", { email: HEIDI_EMAIL }));
}

/** The attacker's "connector": answers every member lookup with Heidi's address. */
async function attackerConnector(mode: "authenticated" | "anonymous-local" = "anonymous-local") {
  teams = await connectTeams(mode);
  const mallory = teamsUser("Mallory", { locale: "en-GB" });
  teams.connector.members.set(mallory.id, { email: HEIDI_EMAIL, name: "Heidi" });
  return { connector: teams.connector, mallory };
}

const myData = (serviceUrl: string, from: ReturnType<typeof teamsUser>) =>
  message({ serviceUrl, from, where: { personal: personalChat() }, text: "my-data" });

async function teamsIdentities() {
  return bot!.db.prisma.platformIdentity.findMany({ where: { platform: "TEAMS" } });
}

describe("the Slack-only set-up (no MICROSOFT_APP_ID, no TEAMS_ANONYMOUS)", () => {
  it("does not serve /api/messages: the takeover request gets 404 and changes nothing", async () => {
    const heidi = await startSlackOnly();
    const { connector, mallory } = await attackerConnector();
    const { status } = await postActivity(bot!.baseUrl, myData(connector.serviceUrl, mallory));
    expect(status).toBe(404);
    expect(connector.calls).toEqual([]);
    expect(await teamsIdentities()).toEqual([]);
    expect(await bot!.db.prisma.platformIdentity.count({ where: { personId: heidi.id } })).toBe(1);
    const health = await (await fetch(`${bot!.baseUrl}/healthz`)).json();
    expect(health).toMatchObject({ teams: "off" });
  });
});

describe("anonymous Teams (TEAMS_ANONYMOUS=local)", () => {
  it("refuses a serviceUrl that is not on this machine, before any turn", async () => {
    await startSlackOnly({ TEAMS_ANONYMOUS: "local" });
    const mallory = teamsUser("Mallory");
    const { status } = await postActivity(bot!.baseUrl, myData("https://attacker.example/", mallory));
    expect(status).toBe(403);
    expect(await teamsIdentities()).toEqual([]);
  });

  it("refuses a request relayed by a proxy (loopback on the socket, the internet behind it)", async () => {
    await startSlackOnly({ TEAMS_ANONYMOUS: "local" });
    const { connector, mallory } = await attackerConnector();
    const activity = myData(connector.serviceUrl, mallory);
    const { status } = await postActivity(bot!.baseUrl, activity, { "x-forwarded-for": "203.0.113.7" });
    expect(status).toBe(403);
    expect(connector.calls).toEqual([]);
    expect(await teamsIdentities()).toEqual([]);
  });

  it("serves a local tool, but never looks up or links by e-mail: my-data stays Heidi's", async () => {
    const heidi = await startSlackOnly({ TEAMS_ANONYMOUS: "local" });
    const { connector, mallory } = await attackerConnector();
    const { status } = await postActivity(bot!.baseUrl, myData(connector.serviceUrl, mallory));
    expect(status).toBe(200);
    expect(connector.calls.filter((c) => c.operation === "member")).toEqual([]);
    const [identity] = await teamsIdentities();
    expect(identity?.personId).toBeDefined();
    expect(identity!.personId).not.toBe(heidi.id);
    expect(await bot!.db.prisma.platformIdentity.count({ where: { personId: heidi.id } })).toBe(1);
    // What went back to the caller is Mallory's own (empty) data, never Heidi's address.
    expect(JSON.stringify(connector.calls.map((c) => c.body))).not.toContain(HEIDI_EMAIL);
  });
});

describe("authenticated Teams", () => {
  it("links by e-mail only from the connector the token was issued for", async () => {
    teams = await connectTeams("authenticated");
    const heidi = await startSlackOnly(teams.env, { teamsIdentity: teams.teamsIdentity });
    const heidiOnTeams = teamsUser("Heidi", { locale: "en-GB" });
    teams.connector.members.set(heidiOnTeams.id, { email: HEIDI_EMAIL, name: "Heidi" });
    const { status } = await postActivity(bot!.baseUrl, myData(teams.connector.serviceUrl, heidiOnTeams));
    expect(status).toBe(200);
    const [identity] = await teamsIdentities();
    expect(identity?.personId).toBe(heidi.id);
  });
});
