// The signals radar on Slack, end to end through the real Bolt HTTP receiver and the strict Slack fake:
// `/cluster signals` privately with a native chart and the strongest signals (the worst case: many
// signals with long titles and links), the empty state, a category filter and a bad one in the
// person's language; the agenda's "signals since the last meeting"; the chairs' report's emerging
// themes across clusters. Signals are seeded in the database (saving them is the capture part's).
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import { heldMeeting, type SignalSeed, seedSignals } from "../../support/signal-fixtures.ts";
import { type Block, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
      "U-SANNA": { display_name: "Sanna", locale: "fi-FI" },
      "U-BEA": { display_name: "Bea", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `c${++n}` });
const { command, reply, createCluster } = journey;
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);
let energyId: string;

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  await reply(await command("U-SANNA", "join"));
  energyId = (await bot.db.prisma.cluster.findFirstOrThrow({ where: { name: "Energy" } })).id;
  slack.reset();
});

/** Every text of the blocks (sections, headers, context), one per line. */
const textsOf = (blocks: Block[]): string => JSON.stringify(blocks);
const chartOf = (blocks: Block[]) =>
  blocks.find((b) => b.type === "data_visualization") as (Block & Record<string, unknown>) | undefined;

it("answers with a clear empty state before any signal is saved", async () => {
  const answer = await reply(await command("U-OLLI", "signals"));
  expect(answer.response_type).toBe("ephemeral");
  expect(answer.text).toContain("No signals saved yet.");
  expect(chartOf(answer.blocks)).toBeUndefined();
});

it("shows the radar privately: a native chart by category and age, and the 15 strongest with links", async () => {
  // The worst case: many signals, long titles, a link for each; the strongest saved long ago.
  const long = (i: number) =>
    `Signal ${i}: ${"autonomous haulage and electrified mining equipment in northern Lapland ".repeat(2).trim()}`;
  const seeds: SignalSeed[] = Array.from({ length: 80 }, (_, i) => ({
    title: long(i + 1),
    description: "Seen at a supplier day",
    category: (["TECHNOLOGICAL", "ECONOMIC", "ENVIRONMENTAL", "LEGAL", "SOCIAL", "POLITICAL"] as const)[
      i % 6
    ],
    significance: 1 + (i % 3),
    timeliness: 1 + (i % 2),
    createdAt: daysAgo(i * 7),
    messageLink: `https://energy-cluster.slack.com/archives/C-ENERGY/p${1_700_000_000_000_000 + i}`,
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

  const answer = await reply(await command("U-OLLI", "signals"));
  expect(answer.response_type).toBe("ephemeral");
  expect(slack.violations).toEqual([]);
  const text = textsOf(answer.blocks);
  expect(text).toContain("Signals radar of Energy");
  expect(text).toContain("81 signals saved.");
  const chart = chartOf(answer.blocks)!;
  expect(chart).toBeDefined();
  const chartJson = JSON.stringify(chart);
  for (const label of ["Political", "Economic", "Social", "Technological", "Environmental", "Legal"])
    expect(chartJson).toContain(label);
  for (const age of ["this month", "1–3 months", "3–12 months", "older"]) expect(chartJson).toContain(age);
  // Strongest first: the refinery (5, rated 4.75 by two) leads, with its category, age and ratings.
  const firstItem = text.indexOf("Rare earth refinery planned in Sodankylä");
  expect(firstItem).toBeGreaterThan(-1);
  expect(text.slice(firstItem)).toContain("Economic · older · 2 ratings · strength 4.9");
  expect(text.match(/strength \d/g)).toHaveLength(15);
  // Links: the source for the refinery, the chat message for the others.
  expect(text).toContain("https://example.org/news/refinery");
  expect(text).toContain("Open message");
  expect(answer.blocks.length).toBeLessThanOrEqual(50);
});

it("filters by a category typed in the person's language, and lists the valid ones for a bad one", async () => {
  await seedSignals(bot.db, energyId, [
    { title: "Drone inspections of power lines", category: "TECHNOLOGICAL", createdAt: daysAgo(3) },
    { title: "Grid fee reform", category: "LEGAL", createdAt: daysAgo(5) },
  ]);
  const technological = textsOf((await reply(await command("U-OLLI", "signals technological"))).blocks);
  expect(technological).toContain("Signals radar of Energy: Technological");
  expect(technological).toContain("Drone inspections of power lines");
  expect(technological).not.toContain("Grid fee reform");

  // Sanna reads Finnish: "teknologinen" is the same filter; "sää" is no category.
  const finnish = textsOf((await reply(await command("U-SANNA", "signals teknologinen"))).blocks);
  expect(finnish).toContain("Klusterin Energy signaalitutka: Teknologinen");
  expect(finnish).toContain("Drone inspections of power lines");
  expect((await reply(await command("U-SANNA", "signals sää"))).text).toBe(
    "”sää” ei ole PESTEL-luokka. Valitse jokin näistä: Poliittinen, Taloudellinen, Sosiaalinen, Teknologinen, Ympäristöllinen, Lainsäädännöllinen.",
  );
  expect((await reply(await command("U-OLLI", "signals weather"))).text).toBe(
    "“weather” is not a PESTEL category. Use one of: Political, Economic, Social, Technological, Environmental, Legal.",
  );
  // A category with no signals yet says so.
  expect((await reply(await command("U-OLLI", "signals political"))).text).toContain(
    "No political signals saved yet.",
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
  const answer = await reply(await command("U-OLLI", "agenda"));
  expect(slack.violations).toEqual([]);
  const text = textsOf(answer.blocks);
  expect(text).toContain("Signals since the last meeting");
  expect(text).not.toContain("Before the spring meeting");
  expect(text.indexOf("Battery plant permit")).toBeGreaterThan(-1);
  expect(text.indexOf("Battery plant permit")).toBeLessThan(text.indexOf("Heat pumps in mines"));
});

it("shows the chairs the themes seen in two clusters, with counts per cluster, and not a one-cluster one", async () => {
  await reply(await command("U-AINO", "forum setup Chairs", "C-CHAIRS"));
  const ctx = { db: bot.db.prisma, clock: systemClock, compose: surfaceComposer };
  await setupCluster(ctx, {
    actor: slackUser("U-BEA", "Bea"),
    conversation: slackChannel("C-MINING"),
    name: "Mining",
    locale: "en",
  });
  const miningId = (await bot.db.prisma.cluster.findFirstOrThrow({ where: { name: "Mining" } })).id;
  const aino = await bot.db.prisma.person.findFirstOrThrow({ where: { displayName: "Aino" } });
  await seedSignals(bot.db, energyId, [
    { title: "Hydrogen investments in Lapland", createdAt: daysAgo(3), savedById: aino.id },
    { title: "Hydrogen investment plans grow in Lapland", createdAt: daysAgo(9), savedById: aino.id },
    // Only Energy talks about battery recycling: no theme across clusters.
    { title: "Battery recycling plant", category: "TECHNOLOGICAL", createdAt: daysAgo(4) },
    { title: "Battery recycling expands", category: "TECHNOLOGICAL", createdAt: daysAgo(5) },
  ]);
  await seedSignals(bot.db, miningId, [
    { title: "New hydrogen investments for Lapland ports", createdAt: daysAgo(2) },
    // Older than 6 months: not an emerging theme any more.
    { title: "Battery recycling plant closes", category: "TECHNOLOGICAL", createdAt: daysAgo(300) },
  ]);
  slack.reset();
  const report = await reply(await command("U-BEA", "chairs report", "C-CHAIRS"));
  expect(slack.violations).toEqual([]);
  const text = textsOf(report.blocks);
  expect(text).toContain("Emerging themes across clusters");
  const line = text.split("\\n").find((l) => l.includes("hydrogen"))!;
  expect(line).toContain("(Economic): Energy 2 signals, Mining 1 signal");
  expect(line).not.toContain("Aino");
  expect(text).not.toContain("recycling");
});
