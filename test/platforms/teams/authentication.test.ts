// With a Microsoft App ID configured, every activity must carry a Bot Framework JWT that botbuilder
// verifies against the (fake) Bot Framework's published keys. Anything else is a plain 401 before
// any of our code runs: no reply through the connector, no row in the database, and no upstream
// error text in the answer (botbuilder's own messages would tell an attacker what it checked).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import type { FakeBotIdentity, TokenOptions } from "../../fakes/bot-identity.ts";
import { truncateAll } from "../../support/database.ts";
import { message, postActivity, teamsChannel, teamsUser } from "../../support/teams-activities.ts";
import { startTeamsBot, stopTeamsBot } from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let bot: TestBot;
let connector: FakeBotConnector;
let identity: FakeBotIdentity;

beforeAll(async () => {
  const started = await startTeamsBot({});
  ({ connector, bot } = started);
  identity = started.identity!;
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
});

const aino = teamsUser("Aino Chair");
const energy = teamsChannel("Energy");
const help = (serviceUrl = connector.serviceUrl) =>
  message({ serviceUrl, from: aino, where: { channel: energy }, text: "help" });

/** Rows in every table the bot writes to (all of them, except Prisma's own bookkeeping). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await bot.db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await bot.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${tablename}"`,
    );
    counts[tablename] = row!.n;
  }
  return counts;
}

async function expectRefused(headers: Record<string, string>, activity = help()) {
  const before = await rowCounts();
  expect(Object.keys(before).length).toBeGreaterThan(5); // the scan really found the tables
  const { status, body } = await postActivity(bot.baseUrl, activity, headers);
  expect(status).toBe(401);
  expect(body).toEqual({ error: "unauthorized" });
  expect(connector.calls).toEqual([]);
  expect(await rowCounts()).toEqual(before);
  expect(Object.values(before).every((n) => n === 0)).toBe(true);
}

const token = (options: TokenOptions, activity = help()) => ({
  authorization: identity.authorizationFor(activity, options),
});
const now = () => Math.floor(Date.now() / 1000);

describe("Teams endpoint with a Microsoft App ID", () => {
  it("serves an activity the channel signed (so the refusals below are about the token)", async () => {
    const { status } = await postActivity(bot.baseUrl, help(), token({}));
    expect(status).toBe(200);
    expect(connector.posted).toHaveLength(1);
  });

  it("refuses a request without an Authorization header", async () => {
    await expectRefused({ authorization: "" });
  });

  it("refuses a bearer token that is not a JWT", async () => {
    await expectRefused({ authorization: "Bearer not-a-jwt" });
  });

  it("refuses a token scheme other than Bearer", async () => {
    await expectRefused({
      authorization: `Basic ${Buffer.from(`${identity.appId}:secret`).toString("base64")}`,
    });
  });

  it("refuses an unsigned token (alg none)", async () => {
    await expectRefused(token({ forge: "none" }));
  });

  it("refuses an HS256 token keyed with the published public key", async () => {
    await expectRefused(token({ forge: "HS256" }));
  });

  it("refuses a token signed by a key the Bot Framework does not publish", async () => {
    await expectRefused(token({ forge: "unknown-key" }));
  });

  it("refuses a token for another bot (wrong audience)", async () => {
    await expectRefused(token({ claims: { aud: "11111111-2222-4333-8444-555555555555" } }));
  });

  it("refuses an expired token", async () => {
    await expectRefused(token({ claims: { exp: now() - 3600, nbf: now() - 7200, iat: now() - 7200 } }));
  });

  it("refuses a token from an issuer the Bot Framework does not use", async () => {
    await expectRefused(token({ claims: { iss: "https://login.attacker.example" } }));
  });

  it("refuses a genuine token replayed with another serviceUrl (where replies and lookups would go)", async () => {
    const attacker = help("http://127.0.0.1:9/attacker/");
    await expectRefused(token({}, help()), attacker);
  });
});
