// Languages and data rights on Teams, end to end through the real CloudAdapter and a fake Bot
// Connector: "@Ennakko language fi" switches the reply language; "my-data" (in the channel and in the
// personal chat) sends download links of a JSON and a CSV file to the personal chat, fetched back
// from the bot; "erase @user" asks with a destructive button and erases on the click; a member asking
// is refused and nothing changes.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import {
  cardTexts,
  executeActions,
  type Json,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  download,
  downloadLinks,
  expectNoApology,
  inChannel,
  inPrivate,
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const ZONE = "Europe/Helsinki";
const PUBLIC_URL = "https://ennakko.example.org";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({ PUBLIC_URL }, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, saara]) onlyReply(await say(member, "join"));
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const saara = teamsUser("Saara Member", { locale: "sv-FI", timeZone: ZONE });
const energy = teamsChannel("Energy");

const { say, pressAction, deliverOutbox, personIdOf, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);
const textOf = (call: ConnectorCall) => cardTexts(cardOf(call)).join("\n");

/** The download links the outbox posted, fetched from the bot: filename → body. */
async function downloads(calls: ConnectorCall[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const url of downloadLinks(calls)) {
    expect(url.startsWith(`${PUBLIC_URL}/files/`)).toBe(true);
    files.set(url.split("/").at(-1)!, (await download(bot, url)).toString("utf8"));
  }
  return files;
}

it("switches the reply language and keeps it", async () => {
  expect(textOf(onlyReply(await say(mikko, "language")))).toContain("I speak English with you");
  expect(textOf(onlyReply(await say(mikko, "language fi")))).toBe(
    "Selvä: puhun tästä lähtien kanssasi kieltä suomi.",
  );
  // Teams keeps sending en-US for Mikko; his choice wins.
  expect(textOf(onlyReply(await say(mikko, "members")))).toContain("Klusterin **Energy** jäsenet (3)");
  expect(textOf(onlyReply(await say(mikko, "language xx")))).toContain("**xx** ei ole kieli, jota puhun.");
  // Also from the personal chat.
  expect(textOf(onlyReply(await say(mikko, "language nl", inPrivate("a:mikko-personal"))))).toBe(
    "Klaar: vanaf nu spreek ik Nederlands met je.",
  );
  const person = await bot.db.prisma.person.findUniqueOrThrow({ where: { id: await personIdOf(mikko) } });
  expect(person.locale).toBe("nl");
});

it("sends my data as download links to the personal chat, from the channel and from the personal chat", async () => {
  const asked = textOf(onlyReply(await say(mikko, "my-data")));
  expect(asked).toContain("personal chat");
  const files = await downloads(await deliverOutbox());
  expect([...files.keys()].sort()).toEqual(["ennakko-my-data.csv", "ennakko-my-data.json"]);
  const doc = JSON.parse(files.get("ennakko-my-data.json")!);
  // Teams said en-US: seen, not chosen (nothing was chosen with "language").
  expect(doc.person).toMatchObject({ displayName: "Mikko Member", locale: null, seenLocale: "en" });
  expect(doc.memberships).toEqual([expect.objectContaining({ cluster: "Energy", role: "MEMBER" })]);
  expect(files.get("ennakko-my-data.csv")!.replace(/^\uFEFF/, "")).toMatch(
    /^Kind,Cluster,Date,Description\r\n/,
  );

  // Saara, in her personal chat with the bot (Swedish: semicolons for Excel).
  onlyReply(await say(saara, "my-data", inPrivate("a:saara-personal")));
  const hers = await downloads(await deliverOutbox());
  expect(hers.get("ennakko-my-data.csv")!).toContain("Typ;Kluster;Tid;Beskrivning\r\nperson;;");
  expect(JSON.parse(hers.get("ennakko-my-data.json")!).person.displayName).toBe("Saara Member");
});

it("erases a member after the chair confirms, and refuses a member", async () => {
  const refused = cardOf(onlyReply(await say(saara, "erase {Mikko Member}", inChannel(energy), [mikko])));
  expect(cardTexts(refused).join("\n")).toContain("Din roll");
  expect(executeActions(refused)).toEqual([]);

  const mikkoId = await personIdOf(mikko);
  const asked = onlyReply(await say(emma, "erase {Mikko Member}", inChannel(energy), [mikko]));
  const question = cardOf(asked);
  expect(cardTexts(question).join("\n")).toContain("Erase the personal data of **Mikko Member**?");
  const [button] = executeActions(question) as Json[];
  expect(button).toMatchObject({ verb: "ennakko.member.erase", style: "destructive" });
  // Asking changes nothing.
  expect(await bot.db.prisma.person.count({ where: { erasedAt: { not: null } } })).toBe(0);

  const clicked = await pressAction(emma, inChannel(energy), button!, asked.answeredId!);
  expect(cardTexts(invokeCard(clicked)).join("\n")).toContain("the member's personal data have been erased");
  const erased = await bot.db.prisma.person.findUniqueOrThrow({ where: { id: mikkoId } });
  expect(erased).toMatchObject({ displayName: "former member", locale: null, timeZone: null });
  expect(erased.erasedAt).not.toBeNull();
  expect(await bot.db.prisma.platformIdentity.count({ where: { personId: mikkoId } })).toBe(0);
  expect(await bot.db.prisma.conversationRef.count({ where: { personId: mikkoId } })).toBe(0);
  expect(
    await bot.db.prisma.auditEntry.count({ where: { action: "member.erase", subjectId: mikkoId } }),
  ).toBe(1);
  expect(textOf(onlyReply(await say(emma, "members")))).not.toContain("Mikko");
});
