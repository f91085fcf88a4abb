// Delphi results on Teams, through the real CloudAdapter and the strict fake Bot Connector (Adaptive
// Cards checked by Microsoft's SDK and Teams' chart rules, 28 KB a message): "@Ennakko delphi results"
// posts the closed rounds with Chart.* elements, the worst case included; Action.Execute on a
// persistent disagreement proposes it for the agenda once; "delphi export" sends download links.
// The Delphis are seeded in the database (test/support/delphi-fixtures.ts).
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import {
  AGREED,
  ALL_SCALES,
  plannedMeeting,
  SPLIT,
  seedDelphi,
  worstCaseStatements,
} from "../../support/delphi-fixtures.ts";
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
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const ZONE = "Europe/Helsinki";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot(
    { PUBLIC_URL: "https://ennakko.example.org" },
    { jobs: "manual" },
  ));
});
afterAll(() => stopTeamsBot(bot, connector));
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const otto = teamsUser("Otto Observer", english);
const energy = teamsChannel("Energy");

const { say, pressAction, deliverOutbox, personIdOf, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);

let clusterId = "";
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, otto]) onlyReply(await say(member, "join"));
  await bot.db.prisma.membership.updateMany({
    where: { personId: await personIdOf(otto) },
    data: { role: "OBSERVER" },
  });
  clusterId = (await bot.db.prisma.cluster.findFirstOrThrow({ where: { name: "Energy" } })).id;
  connector.reset();
});

const THREE = [
  {
    text: "By 2030 half of Lapland's mines run autonomous haulage",
    pools: { 1: { ratings: SPLIT }, 2: { ratings: SPLIT } },
  },
  {
    text: "Hydrogen steel is made in Tornio by 2032",
    pools: { 1: { ratings: SPLIT }, 2: { ratings: AGREED } },
  },
  {
    text: "Remote operation centres employ more than the mines",
    pools: { 1: { ratings: AGREED }, 2: { ratings: AGREED } },
  },
];

/** The Chart.* elements anywhere in a card. */
function chartsIn(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Json;
      if (String(o.type).startsWith("Chart.")) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** `delphi results` asked by `who`, then the outbox run: the channel posts it made. */
async function postResults(who = otto): Promise<ConnectorCall[]> {
  const answer = cardTexts(cardOf(onlyReply(await say(who, "delphi results")))).join("\n");
  expect(answer).toBe("The results of **Lapland 2035** are being posted to the channel.");
  return (await deliverOutbox()).filter((c) => c.operation === "send");
}

const proposeAction = (card: Json) =>
  executeActions(card).find((a) => a.verb === "ennakko.delphi.results.propose");

it("posts the results with a grouped chart per statement for an observer, and proposes a disagreement once", async () => {
  const { statementIds } = await seedDelphi(bot.db, { clusterId, statements: THREE, closedRounds: [1, 2] });
  const posted = await postResults();
  expect(posted).toHaveLength(2);
  const cards = posted.map(cardOf);
  const charts = cards.flatMap(chartsIn);
  expect(charts.map((c) => c.type)).toEqual([
    "Chart.VerticalBar.Grouped",
    "Chart.VerticalBar.Grouped",
    "Chart.VerticalBar.Grouped",
  ]);
  expect(charts[0]!.data.map((s: Json) => s.legend)).toEqual(["Round 1", "Round 2"]);
  expect(charts[0]!.data[0].values).toEqual([
    { x: "1", y: 2 },
    { x: "2", y: 0 },
    { x: "3", y: 0 },
    { x: "4", y: 0 },
    { x: "5", y: 2 },
  ]);
  // The fallback a client without charts shows holds the figures in words.
  expect(JSON.stringify(charts[0]!.fallback)).toContain("1: Round 1 2, Round 2 2");
  const shown = cardTexts(cards[0]!).join("\n");
  expect(shown).toContain("Persistent disagreement, for the next meeting to discuss:");
  expect(shown).toContain("round 2: median 3, IQR 4 (1–5) ✗ (range unchanged)");

  const action = proposeAction(cards[0]!)!;
  expect(action.data.value).toBe(statementIds[0]);
  expect(
    cards.flatMap((c) => executeActions(c)).filter((a) => a.verb === "ennakko.delphi.results.propose"),
  ).toHaveLength(1);
  const where = inChannel(energy);
  const answer = async (who = mikko) =>
    cardTexts(invokeCard(await pressAction(who, where, action, posted[0]!.answeredId!))).join("\n");

  expect(await answer(otto)).toContain("role");
  expect(await answer()).toContain("No meeting is being planned");
  await plannedMeeting(bot.db, clusterId);
  expect(await answer()).toBe(
    "“By 2030 half of Lapland's mines run autonomous haulage” is now proposed for the agenda of **Autumn meeting**, with its figures.",
  );
  expect(await answer(emma)).toBe(
    "“By 2030 half of Lapland's mines run autonomous haulage” is already on the agenda of **Autumn meeting**.",
  );
  const items = await bot.db.prisma.agendaItem.findMany();
  expect(items.map((i) => [i.kind, i.status, i.title])).toEqual([
    ["TOPIC", "PROPOSED", "By 2030 half of Lapland's mines run autonomous haulage"],
  ]);
  expect(items[0]!.details).toContain("Probability: median 3, IQR 4 (1–5), consensus: no");
});

it("takes the worst case on every card: 20 statements, 4 scales, 3 rounds, within 28 KB", async () => {
  await seedDelphi(bot.db, {
    clusterId,
    scales: ALL_SCALES,
    statements: worstCaseStatements(),
    closedRounds: [1, 2, 3],
  });
  const posted = await postResults(emma);
  expect(posted.map((c) => [c.status, c.violations ?? []])).toEqual(posted.map(() => [200, []]));
  expect(posted).toHaveLength(10);
  const charts = posted.map(cardOf).flatMap(chartsIn);
  expect(charts).toHaveLength(20);
  for (const chart of charts) expect(chart.data).toHaveLength(3);
  for (const call of posted) expect(Buffer.byteLength(JSON.stringify(call.body))).toBeLessThan(28 * 1024);
  expect(
    posted
      .map(cardOf)
      .flatMap((c) => executeActions(c))
      .filter((a) => a.verb === "ennakko.delphi.results.propose"),
  ).toHaveLength(19);
});

it("sends the CSV files as download links to the chair's personal chat, and refuses a member", async () => {
  await seedDelphi(bot.db, { clusterId, statements: THREE, closedRounds: [1, 2] });
  expect(cardTexts(cardOf(onlyReply(await say(mikko, "delphi export")))).join("\n")).toContain("role");
  const note = cardTexts(cardOf(onlyReply(await say(emma, "delphi export 2")))).join("\n");
  expect(note).toContain("personal chat");
  const urls = downloadLinks(await deliverOutbox());
  expect(urls.map((u) => u.split("/").at(-1)).sort()).toEqual([
    "lapland-2035-round-2-figures.csv",
    "lapland-2035-round-2-ratings.csv",
    "lapland-2035-round-2-reasons.csv",
  ]);
  const figures = (await download(bot, urls.find((u) => u.endsWith("figures.csv"))!)).toString("utf8");
  expect(figures).toContain("2,2,Hydrogen steel is made in Tornio by 2032,probability,4,4,4,4.25,0.25,yes");
  expect(figures).not.toMatch(/Emma|Mikko|Otto/);
});
