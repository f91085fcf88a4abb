// Bodies no Teams client sends, to the real /api/messages: refused with a 4xx before the CloudAdapter
// sees them, and the bot goes on answering. Text with NUL or lone surrogates (a person's name, a
// command, a form) is stored cleaned, not failed on by the database.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import {
  message,
  personalChat,
  postActivity,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  expectNoApology,
  inChannel,
  inPrivate,
  onlyReply,
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
});
afterEach(() => expectNoApology(connector.calls));

const energy = teamsChannel("Energy");
const aino = teamsUser("Aino", { locale: "en-US" });
// A display name with a NUL and a lone surrogate, as a broken client could send it.
const niko = { ...teamsUser("Niko", { locale: "en-US" }), name: "Ni\u0000ko\ud800" };
const { say, click, openSetupForm } = teamsJourney(() => ({ bot, connector }), energy);

/** The bot still works: "help" in a personal chat gets its one reply. */
async function expectStillAnswering() {
  onlyReply(await say(aino, "help", inPrivate(personalChat().conversationId)));
}

describe("Teams: malformed requests", () => {
  it("answers null, non-objects, bad JSON and deep nesting with 400, and keeps answering", async () => {
    const hello = message({
      serviceUrl: connector.serviceUrl,
      from: aino,
      where: inChannel(energy),
      text: "help",
    });
    const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
    const statuses = {
      null: (await postActivity(bot.baseUrl, "null")).status,
      number: (await postActivity(bot.baseUrl, "1")).status,
      array: (await postActivity(bot.baseUrl, "[]")).status,
      "not JSON": (await postActivity(bot.baseUrl, "{")).status,
      "no type": (await postActivity(bot.baseUrl, "{}")).status,
      "50,000 nested arrays in channelData": (
        await postActivity(
          bot.baseUrl,
          JSON.stringify({ ...hello, channelData: "@" }).replace('"@"', deep(50_000)),
        )
      ).status,
    };
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((k) => [k, 400])));
    expect(connector.calls).toHaveLength(0);
    await expectStillAnswering();
  });

  it("answers a body over 1 MB with 413", async () => {
    const big = { type: "message", text: "x".repeat(1024 * 1024) };
    expect((await postActivity(bot.baseUrl, big)).status).toBe(413);
    await expectStillAnswering();
  });
});

describe("Teams: NUL and lone surrogates in member text", () => {
  it("stores a name, a command and a form cleaned, and keeps answering", async () => {
    // A personal chat first: the person (and their name) is stored with the conversation reference.
    onlyReply(await say(niko, "help", inPrivate(personalChat().conversationId)));
    const { form, thread } = await openSetupForm(niko, energy, "Ener\u0000gy");
    expect(JSON.stringify(form.body.attachments)).toContain('"value":"Energy"');
    const created = await click(niko, form, {
      where: inChannel(energy, thread),
      inputs: { name: "Ener\u0000gy\ud800 cluster" },
    });
    expect(created.status).toBe(200);
    expect((await bot.db.prisma.cluster.findFirstOrThrow()).name).toBe("Energy\ufffd cluster");
    expect((await bot.db.prisma.person.findFirstOrThrow()).displayName).toBe("Niko\ufffd");
    await expectStillAnswering();
  });
});
