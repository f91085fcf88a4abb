// The chairs' forum on Teams, end to end through the real CloudAdapter and a fake Bot Connector: the
// report is refused in a cluster's channel; a member cannot bind the forum, a chair can; cluster
// commands are refused in the forum; the report comes as a reply card with a native chart (Chart.*
// with its figures in words as fallback), and the briefing pack as DOCX and Markdown download links in the chair's personal chat.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { closedSkillPulse } from "../../support/chairs-fixtures.ts";
import { truncateAll } from "../../support/database.ts";
import { cardTexts, type Json, teamsChannel, teamsUser } from "../../support/teams-activities.ts";
import {
  cardOf,
  download,
  downloadLinks,
  expectNoApology,
  inChannel,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";
import { docxText, unzip } from "../../support/unzip.ts";

const ZONE = "Europe/Helsinki";
const PUBLIC_URL = "https://ennakko.example.org";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({ PUBLIC_URL }, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const saara = teamsUser("Saara Member", english);
const bea = teamsUser("Bea Chair", english);
const energy = teamsChannel("Energy");
const mining = teamsChannel("Mining");
const chairs = teamsChannel("Chairs");

const { say, deliverOutbox, createCluster } = teamsJourney(() => ({ bot, connector }), energy);

beforeEach(async () => {
  await truncateAll(bot.db);
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, saara]) await say(member, "join");
  await createCluster(bea, mining, "Mining");
  await closedSkillPulse(bot.db, "Energy", ["Welding", "Automation"], {
    "Emma Chair": [{ skill: "Welding", horizon: 5, level: "GROWING" }],
    "Mikko Member": [{ skill: "Welding", horizon: 5, level: "GROWING" }],
    "Saara Member": [
      { skill: "Welding", horizon: 5, level: "DECREASING" },
      { skill: "Automation", horizon: 5, level: "GROWING" },
    ],
  });
  connector.reset();
});

/** All texts of the cards the turn replied with. */
const repliedTexts = (turn: { calls: { operation: string; body: Json }[] }) =>
  turn.calls
    .filter((c) => c.operation === "reply")
    .flatMap((c) => ((c.body.attachments ?? []) as Json[]).flatMap((a) => cardTexts(a.content as Json)))
    .join("\n");

function chartsOf(card: Json): Json[] {
  const images: Json[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Json;
      if (o.type === "Image" || String(o.type).startsWith("Chart.")) images.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return images;
}

it("binds the chairs' forum and gives the report with a native chart and a DOCX and Markdown briefing pack", async () => {
  expect(repliedTexts(await say(emma, "chairs report", inChannel(energy)))).toContain(
    "Reports are given in the chairs' forum",
  );
  expect(repliedTexts(await say(mikko, "forum setup Chairs", inChannel(chairs)))).toContain(
    "The chairs' forum is for the chairs, vice-chairs and foresight coordinators of the clusters.",
  );
  const bound = await say(emma, "forum setup Chairs", inChannel(chairs));
  expect(repliedTexts(bound)).toContain("This channel is now **Chairs**, the chairs' forum.");
  expect(await bot.db.prisma.cluster.count({ where: { kind: "CHAIRS_FORUM" } })).toBe(1);

  expect(repliedTexts(await say(emma, "measures", inChannel(chairs)))).toContain(
    "cluster commands work in each cluster's own channel",
  );
  expect(repliedTexts(await say(saara, "chairs report", inChannel(chairs)))).toContain(
    "The chairs' forum is for the chairs, vice-chairs and foresight coordinators of the clusters.",
  );

  connector.reset();
  const turn = await say(bea, "chairs report", inChannel(chairs));
  expect(turn.status).toBe(200);
  const replies = turn.calls.filter((c) => c.operation === "reply");
  const report = replies.map((c) => cardOf(c)).find((card) => chartsOf(card).length > 0)!;
  const text = cardTexts(report).join("\n");
  expect(text).toContain("Chairs: the clusters side by side (2)");
  expect(text).toContain("5-year horizon");
  // Saara's Welding answer is the one in three that is not growing: 2 of 3 is at least half.
  expect(text).toContain("Welding: growing in 1 of 1 cluster (Energy)");
  // Automation was rated by one person only: hidden, so rated in no cluster.
  expect(text).toContain("Automation: growing in 0 of 0 clusters");
  expect(text).toContain("**Mining**: no meeting scheduled");
  // A native chart with its figures in words as the fallback, no image: each skill once, the
  // horizon of every bar in the legend.
  const [chart, ...others] = chartsOf(report);
  expect(others).toEqual([]);
  expect(chart!.type).toMatch(/^Chart\./);
  const series = chart!.type === "Chart.HorizontalBar" ? [] : (chart!.data as Json[]);
  for (const s of series) expect(s.legend).toMatch(/^\d-year horizon$/);
  expect(JSON.stringify(chart!.data)).toContain('"x":"Welding"');
  expect(JSON.stringify(chart!.fallback)).toMatch(/Welding: .*\d-year horizon 1\/1/);
  expect(JSON.stringify(replies).length).toBeLessThan(28_000 * replies.length);

  // The briefing pack: a download link in Bea's personal chat, the Markdown behind it.
  const urls = downloadLinks(await deliverOutbox());
  const packUrl = urls.find((u) => /chairs-report-\d{4}-\d{2}-\d{2}\.md$/.test(u))!;
  expect(packUrl).toBeTruthy();
  const markdown = (await download(bot, packUrl)).toString("utf8");
  const wordUrl = urls.find((u) => /chairs-report-\d{4}-\d{2}-\d{2}\.docx$/.test(u))!;
  const word = await download(bot, wordUrl);
  expect(docxText(unzip(word).get("word/document.xml")!.toString("utf8"))).toContain("5-year horizon");
  expect(markdown).toContain("| Skill | Energy | Mining | Growing in |");
  expect(markdown).toContain("| Welding | ▲ |  | 1/1 |");
  expect(markdown).toContain("| Automation | · |  | 0/0 |");
});
