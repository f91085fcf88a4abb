// Issue 12: what a person reads in Teams. Help lists what this person can use here, in their
// language; commands are written as Teams delivers them (an @mention in a channel, the bare command
// in the personal chat), never Slack's `/cluster …`; lines and lists keep their structure; no code
// spans or Slack *bold* in cards or notification previews; role names are the reader's own words.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { TEAMS_BOT_NAME } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import {
  cardTexts,
  type Json,
  personalChat,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  expectNoApology,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  type Turn,
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

const aino = teamsUser("Aino Chair"); // fi-FI
const mikko = teamsUser("Mikko Member"); // fi-FI
const energy = teamsChannel("Energy");
const fi = translator("fi");
const { say, createCluster } = teamsJourney(() => ({ bot, connector }), energy);

const reply = (turn: Turn) => onlyReply(turn);
const texts = (turn: Turn) => cardTexts(cardOf(reply(turn)));
const everything = (turn: Turn) => {
  const call = reply(turn);
  const card = cardOf(call);
  return [...cardTexts(card), String(card.fallbackText ?? ""), String((call.body as Json).summary ?? "")];
};

async function energyWithMember() {
  await createCluster(aino, energy, "Energy", fi);
  onlyReply(await say(mikko, "join"));
}

describe("help in Teams", () => {
  it("lists the chair's commands as '@Ennakko …', in Finnish, as a list, without setup in a bound channel", async () => {
    await energyWithMember();
    const turn = await say(aino, "help");
    const all = everything(turn);
    for (const line of all) {
      expect(line).not.toContain("/cluster");
      expect(line).not.toContain("`");
    }
    // The notification preview is plain text: no Slack *bold* either.
    expect(String((reply(turn).body as Json).summary)).not.toMatch(/\*/);
    const list = texts(turn).find((t) => t.startsWith("- "));
    expect(list).toBeDefined();
    expect(list!.split("\r").length).toBeGreaterThan(5);
    expect(list).toContain(`- **@Ennakko members** ${fi("cmd.members")}`);
    expect(list).toContain("**@Ennakko role <@henkilö> <rooli>**");
    expect(list).not.toContain("<name>");
    expect(list).not.toContain("@Ennakko setup");
  });

  it("shows a member no setup and no link, and no join once joined", async () => {
    await energyWithMember();
    const list = texts(await say(mikko, "help")).find((t) => t.startsWith("- "))!;
    expect(list).toContain("**@Ennakko status**");
    expect(list).not.toContain("@Ennakko setup");
    expect(list).not.toContain("@Ennakko link");
    expect(list).not.toContain("@Ennakko join");
  });

  it("writes commands without an @mention in the personal chat", async () => {
    const all = everything(await say(mikko, "language", { personal: personalChat() }));
    expect(all.join("\n")).toContain("language <fi|sv|en|nl>");
    expect(all.join("\n")).not.toContain("@Ennakko");
    expect(all.join("\n")).not.toContain("/cluster");
  });
});

describe("the bot's name", () => {
  it("is the name Teams shows (the manifest's name.short), and '@Ennakko help' typed as text works", async () => {
    const manifest = JSON.parse(readFileSync("manifests/teams/manifest.template.json", "utf8"));
    expect(TEAMS_BOT_NAME).toBe(manifest.name.short);
    // In the personal chat there is no mention entity: the name arrives as plain text.
    const all = everything(await say(mikko, `@${TEAMS_BOT_NAME} help`, { personal: personalChat() }));
    expect(all[0]).toBe(fi("help.title"));
  });
});

describe("roles by their names in the reader's language", () => {
  it("takes 'varapuheenjohtaja' as the vice-chair role", async () => {
    await energyWithMember();
    const shown = texts(await say(aino, "role {Mikko Member} varapuheenjohtaja", undefined, [mikko]));
    expect(shown.join("\n")).toContain("varapuheenjohtaja");
    const membership = await bot.db.prisma.membership.findFirstOrThrow({
      where: { person: { identities: { some: { externalId: mikko.id } } } },
    });
    expect(membership.role).toBe("VICE_CHAIR");
  });

  it("lists the roles in Finnish when a role word is unknown, not the parser's English keywords", async () => {
    await energyWithMember();
    const shown = texts(await say(aino, "role {Mikko Member} pomo", undefined, [mikko])).join("\n");
    expect(shown).toContain("varapuheenjohtaja");
    expect(shown).not.toContain("vice_chair");
  });
});
