// No secret at rest: after a Teams export's download links went out and after link codes were issued
// and accepted on both platforms, no table (every column of every row) holds a download token, a link
// code or a credential, and no log line written at debug level holds one either, nor a member's
// e-mail address (Slack's users.info result, which Bolt's client logs at debug, carries it). The real
// bot with both platforms (real Bolt with signed requests, real CloudAdapter), fakes of the Slack Web
// API and the Bot Connector, on PGlite or PostgreSQL (TEST_DATABASE=postgres).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.ts";
import type { FakeBotConnector } from "../fakes/bot-connector.ts";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { truncateAll } from "../support/database.ts";
import { slackJourney } from "../support/slack-journey.ts";
import { cardTexts, personalChat, teamsChannel, teamsUser } from "../support/teams-activities.ts";
import { connectTeams } from "../support/teams-connection.ts";
import {
  cardOf,
  download,
  downloadLinks,
  inChannel,
  inPrivate,
  onlyReply,
  teamsJourney,
} from "../support/teams-journey.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "../support/test-bot.ts";

const PUBLIC_URL = "https://ennakko.example.org";
const SLACK_BOT_TOKEN = slackHttpEnv("").SLACK_BOT_TOKEN;

const SLACK_PEOPLE = {
  "U-AINO": { display_name: "Aino", locale: "en-GB", email: "aino.virtanen@energy.example" },
  "U-OLLI": { display_name: "Olli", locale: "en-GB", email: "olli@mining.example" },
  "U-VILLE": { display_name: "Ville", locale: "en-GB", email: "ville.slack@lapinamk.example" },
};
const english = { locale: "en-GB", timeZone: "Europe/Helsinki" };
const emma = teamsUser("Emma", english);
const riikka = teamsUser("Riikka", english);
const ville = teamsUser("Ville", english);
const TEAMS_PEOPLE = [
  [emma, "emma.chair@energy.example"],
  [riikka, "riikka@mining.example"],
  // A guest's user principal name, as Teams reports it.
  [ville, "ville_lapinamk.example#EXT#@energy.onmicrosoft.com"],
] as const;
const EMAILS = [...Object.values(SLACK_PEOPLE).map((p) => p.email), ...TEAMS_PEOPLE.map(([, e]) => e)];

let slack: FakeSlackApi;
let connector: FakeBotConnector;
let bot: TestBot;
let n = 0;
/** Every line the bot logged, at debug level. */
const lines: string[] = [];

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  for (const [id, user] of Object.entries(SLACK_PEOPLE)) slack.users.set(id, user);
  const teams = await connectTeams();
  connector = teams.connector;
  for (const [user, email] of TEAMS_PEOPLE)
    connector.members.set(user.id, { name: user.name, userPrincipalName: email });
  bot = await startTestBot(
    { ...slackHttpEnv(slack.apiUrl), ...teams.env, PUBLIC_URL, LOG_LEVEL: "debug" },
    undefined,
    {
      jobs: "manual",
      teamsIdentity: teams.teamsIdentity,
      log: createLogger("debug", (line) => lines.push(line)),
    },
  );
});
afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
  await connector?.stop();
});
beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  connector.reset();
  lines.length = 0;
});

const energy = teamsChannel("Energy");
const onTeams = teamsJourney(() => ({ bot, connector }), energy);
const onSlack = slackJourney(() => ({ bot, slack }), { nextId: () => `s${++n}` });
const slackText = async (user: string, command: string, channel = "C-ENERGY") =>
  String((await onSlack.reply(await onSlack.command(user, command, channel))).text);
const teamsText = (turn: Awaited<ReturnType<typeof onTeams.say>>) =>
  turn.calls.flatMap((c) => cardTexts(cardOf(c))).join("\n");
const codeIn = (text: string) => {
  // Slack shows the code as `code`; Teams (no code spans) in **bold**.
  const code = /(?:`|\*\*)([A-Z2-9]{4}-[A-Z2-9]{4})(?:`|\*\*)/.exec(text)?.[1];
  if (!code) throw new Error(`no code in: ${text}`);
  return code;
};

/** Every row of every table of ours, as JSON text (bytea as hex, json as it is stored). */
async function everyRow(): Promise<{ table: string; row: string }[]> {
  const tables = await bot.db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  expect(tables.map((t) => t.table_name)).toEqual(
    expect.arrayContaining(["OutboxMessage", "DownloadFile", "LinkCode", "AuditEntry", "ConversationRef"]),
  );
  const rows: { table: string; row: string }[] = [];
  for (const { table_name: table } of tables) {
    const found = await bot.db.prisma.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${table}" t`,
    );
    rows.push(...found.map(({ row }) => ({ table, row })));
  }
  return rows;
}

/** Where in the database any of `secrets` can be read (case-insensitive): none, we expect. */
async function whereStored(secrets: readonly string[]): Promise<string[]> {
  const wanted = secrets.map((s) => s.toLowerCase());
  return (await everyRow())
    .filter(({ row }) => wanted.some((s) => row.toLowerCase().includes(s)))
    .map(({ table, row }) => `${table}: ${row.slice(0, 300)}`);
}

/** The log lines that hold any of `secrets` (case-insensitive). */
const loggedWith = (secrets: readonly string[]) =>
  lines.filter((line) => secrets.some((s) => line.toLowerCase().includes(s.toLowerCase())));

/** A code as people see it and as it is normalised: both must be unreadable. */
const forms = (code: string) => [code, code.replace("-", "")];

describe("no secret at rest", () => {
  it("a Teams export: the links' tokens are in the delivered message only, never in a table or a log line", async () => {
    await onTeams.createCluster(emma, energy, "Energy");
    expect(teamsText(await onTeams.say(emma, "my-data"))).toContain("personal chat");
    // Queued: nothing that could open the files exists yet.
    expect(await whereStored(["/files/"])).toEqual([]);

    const delivered = await onTeams.deliverOutbox();
    const links = downloadLinks(delivered);
    expect(links).toHaveLength(2);
    const tokens = links.map((url) => /\/files\/([A-Za-z0-9_-]{43})\//.exec(url)![1]!);
    // The links work…
    for (const url of links) expect((await download(bot, url)).length).toBeGreaterThan(0);
    expect(await bot.db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "SENT" });
    // …and no row, the sent message's included, holds a token, a link, or the bot's credentials.
    expect(await whereStored([...tokens, "/files/", SLACK_BOT_TOKEN])).toEqual([]);
    expect(loggedWith([...tokens, "/files/"])).toEqual([]);
  });

  it("link codes issued and accepted on both platforms: in no table and no log line", async () => {
    // A channel code on Teams, typed in a Slack channel.
    const mining = teamsChannel("Mining");
    await onTeams.createCluster(riikka, mining, "Mining");
    const channelCode = codeIn(teamsText(await onTeams.say(riikka, "link", inChannel(mining))));
    expect(await whereStored(forms(channelCode))).toEqual([]);
    expect(await slackText("U-OLLI", `link ${channelCode}`, "C-MINING")).toContain("You are now a member");
    expect(await bot.db.prisma.channelBinding.count()).toBe(2);

    // An account code on Slack, typed in the personal chat on Teams (in lower case, without its dash).
    const accountCode = codeIn(await slackText("U-VILLE", "link me", "D-U-VILLE"));
    expect(await whereStored(forms(accountCode))).toEqual([]);
    const typed = accountCode.replace("-", "").toLowerCase();
    const linked = await onTeams.say(ville, `link ${typed}`, inPrivate(personalChat().conversationId));
    expect(teamsText(linked)).toContain("your accounts on Slack + Teams are now one member");

    await onTeams.deliverOutbox();
    const codes = [...forms(channelCode), ...forms(accountCode)];
    expect(await whereStored([...codes, SLACK_BOT_TOKEN])).toEqual([]);
    expect(loggedWith(codes)).toEqual([]);
  });

  it("e-mail addresses: in no log line at any level, though both platforms reported them", async () => {
    await onSlack.createCluster("U-AINO", "Energy");
    await slackText("U-OLLI", "join");
    onlyReply(await onTeams.say(emma, "help", inChannel(energy)));
    onlyReply(await onTeams.say(ville, "help", inPrivate(personalChat().conversationId)));
    // The addresses did arrive (people are linked by them), and debug logging was on.
    const stored = await bot.db.prisma.person.findMany({ select: { email: true } });
    expect(stored.map((p) => p.email).filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(lines.some((line) => line.includes("users.info"))).toBe(true);
    expect(loggedWith(EMAILS)).toEqual([]);
    expect(loggedWith(["@energy.onmicrosoft.com", "%40"])).toEqual([]);
  });
});
