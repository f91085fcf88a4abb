// The signals radar on Teams, end to end through the real CloudAdapter and the strict Bot Connector
// fake (cards checked with the Adaptive Cards SDK): the radar with a native chart (Chart.*) and the
// strongest signals with link buttons, the worst case of many signals; the empty state; a filter in
// the person's language and a bad one; the agenda's signals since the last meeting; the chairs'
// report's emerging themes across clusters. Signals are seeded in the database.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { heldMeeting, type SignalSeed, seedSignals } from "../../support/signal-fixtures.ts";
import { cardTexts, type Json, teamsChannel, teamsUser } from "../../support/teams-activities.ts";
import {
  cardOf,
  expectNoApology,
  inChannel,
  startTeamsBot,
  stopTeamsBot,
  type Turn,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const ZONE = "Europe/Helsinki";
let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const sanna = teamsUser("Sanna Member", { locale: "fi-FI", timeZone: ZONE });
const bea = teamsUser("Bea Chair", english);
const energy = teamsChannel("Energy");
const mining = teamsChannel("Mining");
const chairs = teamsChannel("Chairs");

const { say, createCluster } = teamsJourney(() => ({ bot, connector }), energy);
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);
let energyId: string;

beforeEach(async () => {
  await truncateAll(bot.db);
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, sanna]) await say(member, "join");
  energyId = (await bot.db.prisma.cluster.findFirstOrThrow({ where: { name: "Energy" } })).id;
  connector.reset();
});

const replyCards = (turn: Turn): Json[] =>
  turn.calls.filter((c) => c.operation === "reply").map((c) => cardOf(c));
const repliedTexts = (turn: Turn) => replyCards(turn).flatMap(cardTexts).join("\n");

function find(card: Json, test: (o: Json) => boolean): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Json;
      if (test(o)) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}
const chartsOf = (card: Json) => find(card, (o) => String(o.type).startsWith("Chart."));

it("answers with a clear empty state before any signal is saved", async () => {
  const turn = await say(mikko, "signals");
  expect(turn.status).toBe(200);
  expect(repliedTexts(turn)).toContain("No signals saved yet.");
  expect(replyCards(turn).flatMap(chartsOf)).toEqual([]);
});

it("shows the radar: a native chart by category and age, and the 15 strongest with link buttons", async () => {
  const seeds: SignalSeed[] = Array.from({ length: 80 }, (_, i) => ({
    title: `Signal ${i + 1}: ${"autonomous haulage and electrified mining equipment in northern Lapland ".repeat(2).trim()}`,
    description: "Seen at a supplier day",
    category: (["TECHNOLOGICAL", "ECONOMIC", "ENVIRONMENTAL", "LEGAL", "SOCIAL", "POLITICAL"] as const)[
      i % 6
    ],
    significance: 1 + (i % 3),
    timeliness: 1 + (i % 2),
    createdAt: daysAgo(i * 7),
    messageLink: `https://teams.microsoft.com/l/message/19:energy@thread.tacv2/${1_700_000_000_000 + i}`,
  }));
  seeds.push({
    title: "Rare earth refinery planned in Sodankylä",
    category: "ECONOMIC",
    significance: 5,
    timeliness: 5,
    createdAt: daysAgo(400),
    sourceUrl: "https://example.org/news/refinery",
    ratings: [
      { plausibility: 5, significance: 5 },
      { plausibility: 4, significance: 5 },
    ],
  });
  await seedSignals(bot.db, energyId, seeds);

  const turn = await say(mikko, "signals");
  expect(turn.status).toBe(200);
  const [card] = replyCards(turn);
  const text = cardTexts(card!).join("\n");
  expect(text).toContain("Signals radar of Energy");
  expect(text).toContain("81 signals saved.");
  const [chart, ...others] = chartsOf(card!);
  expect(others).toEqual([]);
  const chartJson = JSON.stringify(chart);
  for (const label of ["Political", "Economic", "Technological", "Legal"]) expect(chartJson).toContain(label);
  for (const age of ["this month", "1–3 months", "3–12 months", "older"]) expect(chartJson).toContain(age);
  expect(text).toContain("**Rare earth refinery planned in Sodankylä**");
  expect(text).toContain("Economic · older · 2 ratings · strength 4.9");
  expect(text.match(/strength \d/g)).toHaveLength(15);
  const links = find(card!, (o) => o.type === "Action.OpenUrl").map((o) => o.url);
  expect(links).toHaveLength(15);
  expect(links).toContain("https://example.org/news/refinery");
});

it("filters by a category typed in the person's language, and lists the valid ones for a bad one", async () => {
  await seedSignals(bot.db, energyId, [
    { title: "Drone inspections of power lines", category: "TECHNOLOGICAL", createdAt: daysAgo(3) },
    { title: "Grid fee reform", category: "LEGAL", createdAt: daysAgo(5) },
  ]);
  const legal = repliedTexts(await say(mikko, "signals legal"));
  expect(legal).toContain("Signals radar of Energy: Legal");
  expect(legal).toContain("Grid fee reform");
  expect(legal).not.toContain("Drone inspections");
  const finnish = repliedTexts(await say(sanna, "signals lainsäädännöllinen"));
  expect(finnish).toContain("Klusterin Energy signaalitutka: Lainsäädännöllinen");
  expect(repliedTexts(await say(sanna, "signals sää"))).toContain(
    "”sää” ei ole PESTEL-luokka. Valitse jokin näistä: Poliittinen, Taloudellinen, Sosiaalinen, Teknologinen, Ympäristöllinen, Lainsäädännöllinen.",
  );
  expect(repliedTexts(await say(mikko, "signals weather"))).toContain(
    "“weather” is not a PESTEL category. Use one of: Political, Economic, Social, Technological, Environmental, Legal.",
  );
});

it("adds the signals since the last held meeting to the next meeting's agenda, strongest first", async () => {
  await heldMeeting(bot.db, energyId, daysAgo(60));
  await bot.db.prisma.meeting.create({ data: { clusterId: energyId, title: "Autumn meeting" } });
  await seedSignals(bot.db, energyId, [
    { title: "Before the spring meeting", createdAt: daysAgo(90), significance: 5, timeliness: 5 },
    { title: "Heat pumps in mines", createdAt: daysAgo(20), significance: 3, timeliness: 3 },
    { title: "Battery plant permit", createdAt: daysAgo(10), significance: 5, timeliness: 4 },
  ]);
  const text = repliedTexts(await say(mikko, "agenda"));
  expect(text).toContain("Signals since the last meeting");
  expect(text).not.toContain("Before the spring meeting");
  expect(text.indexOf("Battery plant permit")).toBeGreaterThan(-1);
  expect(text.indexOf("Battery plant permit")).toBeLessThan(text.indexOf("Heat pumps in mines"));
});

it("shows the chairs the themes seen in two clusters, with counts per cluster, and not a one-cluster one", async () => {
  await createCluster(bea, mining, "Mining");
  await say(emma, "forum setup Chairs", inChannel(chairs));
  const miningId = (await bot.db.prisma.cluster.findFirstOrThrow({ where: { name: "Mining" } })).id;
  const emmaId = (await bot.db.prisma.person.findFirstOrThrow({ where: { displayName: "Emma Chair" } })).id;
  await seedSignals(bot.db, energyId, [
    { title: "Vetytalouden investoinnit kasvavat Lapissa", createdAt: daysAgo(3), savedById: emmaId },
    { title: "Battery recycling plant", category: "TECHNOLOGICAL", createdAt: daysAgo(4) },
    { title: "Battery recycling expands", category: "TECHNOLOGICAL", createdAt: daysAgo(5) },
  ]);
  // Lapland's clusters work in Finnish: a title with no stop words is read in the cluster's language.
  await bot.db.prisma.cluster.updateMany({ where: { kind: "CLUSTER" }, data: { locale: "fi" } });
  await seedSignals(bot.db, miningId, [
    { title: "Vetytalouden investoinnit Kemissä", createdAt: daysAgo(2) },
    { title: "Vetytalouden investoinnit ja uudet työpaikat", createdAt: daysAgo(6) },
  ]);
  connector.reset();
  const turn = await say(bea, "chairs report", inChannel(chairs));
  expect(turn.status).toBe(200);
  const text = repliedTexts(turn);
  expect(text).toContain("Emerging themes across clusters");
  const line = text.split("\n").find((l) => l.includes("vetytalouden"))!;
  expect(line).toContain("(Economic): Mining 2 signals, Energy 1 signal");
  expect(line).not.toContain("Emma");
  expect(text).not.toContain("recycling");
});
