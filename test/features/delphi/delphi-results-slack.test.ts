// Delphi results on Slack, through the real Bolt receiver and the strict fake Slack: `delphi results`
// posts the closed rounds' figures to the channel with native charts (data_visualization, one series
// per round), the worst case (20 statements × 4 scales × 3 rounds) included; the button on a persistent
// disagreement proposes it for the next meeting's agenda once; `delphi export` sends CSV files.
// The Delphis are seeded in the database (test/support/delphi-fixtures.ts): answering is another part's.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import {
  AGREED,
  ALL_SCALES,
  pairs,
  plannedMeeting,
  SPLIT,
  seedDelphi,
  worstCaseStatements,
} from "../../support/delphi-fixtures.ts";
import { type Block, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as the fake Slack received it.
type Json = Record<string, any>;

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;
let clusterId = "";

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
      "U-PEKKA": { display_name: "Pekka", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `d${++n}` });
const { command, reply, click, createCluster } = journey;
const deliverOutbox = () => bot.bot.jobs!.scheduler.tick("outbox");

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  await reply(await command("U-PEKKA", "join"));
  const pekka = await bot.db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: "U-PEKKA" } });
  await bot.db.prisma.membership.updateMany({
    where: { personId: pekka.personId },
    data: { role: "OBSERVER" },
  });
  clusterId = (await bot.db.prisma.cluster.findFirstOrThrow({ where: { name: "Energy" } })).id;
  slack.reset();
});

/** Three statements over two closed rounds: the first keeps disagreeing, the others converge. */
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
    pools: { 1: { ratings: AGREED }, 2: { ratings: pairs([3, 2040], [4, 2041]) } },
  },
];

const channelPosts = () => slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C-ENERGY");
const blocksOf = (posts: ReturnType<typeof channelPosts>) => posts.flatMap((p) => p.body.blocks as Json[]);
const proposeButtons = (posts: ReturnType<typeof channelPosts>) =>
  blocksOf(posts)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements as Json[])
    .filter((e) => e.action_id === "ennakko.delphi.results.propose");

it("posts the results with a chart per statement, a series per round, for an observer who asks", async () => {
  await seedDelphi(bot.db, { clusterId, statements: THREE, closedRounds: [1, 2] });
  expect((await reply(await command("U-PEKKA", "delphi results"))).text).toBe(
    "The results of *Lapland 2035* are being posted to the channel.",
  );
  await deliverOutbox();
  const posts = channelPosts();
  // Two statements a message: the overview with statements 1–2, then statement 3.
  expect(posts).toHaveLength(2);
  expect(String(posts[0]!.body.text)).toBe("📊 Delphi results: *Lapland 2035*");
  const all = JSON.stringify(blocksOf(posts));
  expect(all).toContain("3 statements, 2 rounds. Consensus in the last round: 1 statement.");
  expect(all).toContain(
    "round 1: median 3, IQR 4 (1–5) ✗ · round 2: median 4, IQR 0.25 (4–4.25) ✓ (range narrowed by 3.75)",
  );
  // The third statement's second round had two answers: no figure, no bars.
  expect(all).toContain("round 2: 2 answers, too few to show");
  const charts = blocksOf(posts).filter((b) => b.type === "data_visualization");
  expect(charts).toHaveLength(3);
  expect(charts[0]!.chart.series.map((s: Json) => s.name)).toEqual(["Round 1", "Round 2"]);
  expect(charts[0]!.chart.axis_config.categories).toEqual(["1", "2", "3", "4", "5"]);
  expect(charts[0]!.chart.series[0].data.map((d: Json) => d.value)).toEqual([2, 0, 0, 0, 2]);
  expect(charts[2]!.chart.series.map((s: Json) => s.name)).toEqual(["Round 1"]);
  // Only the persistent disagreement carries the agenda button.
  const buttons = proposeButtons(posts);
  expect(buttons).toHaveLength(1);
  const [first] = await bot.db.prisma.delphiStatement.findMany({ orderBy: { position: "asc" } });
  expect(buttons[0]!.value).toBe(first!.id);
});

it("takes the worst case on every message: 20 statements, 4 scales, 3 rounds", async () => {
  // The outbox paces chat.postMessage in production; here the fake lets the ten messages through at
  // once, so the test checks what Slack accepts, not how long pacing takes.
  slack.setRateLimit("chat.postMessage", { perMinute: 6000, burst: 100, perChannel: true });
  await seedDelphi(bot.db, {
    clusterId,
    scales: ALL_SCALES,
    statements: worstCaseStatements(),
    closedRounds: [1, 2, 3],
  });
  await reply(await command("U-AINO", "delphi results"));
  await deliverOutbox();
  const posts = channelPosts();
  expect(posts).toHaveLength(10);
  expect(slack.acceptedCalls("chat.postMessage").filter((c) => c.body.channel === "C-ENERGY")).toHaveLength(
    10,
  );
  for (const post of posts) {
    const blocks = post.body.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.filter((b) => b.type === "data_visualization").length).toBeLessThanOrEqual(2);
  }
  const charts = blocksOf(posts).filter((b) => b.type === "data_visualization");
  expect(charts).toHaveLength(20);
  for (const chart of charts) expect(chart.chart.series).toHaveLength(3);
  // All but the second statement keep disagreeing.
  expect(proposeButtons(posts)).toHaveLength(19);
  expect(slack.takeViolations()).toEqual([]);
});

it("says so while the first round is still open", async () => {
  await seedDelphi(bot.db, {
    clusterId,
    statements: THREE.map((s) => ({ ...s, pools: {} })),
    closedRounds: [],
    openRound: 1,
  });
  expect((await reply(await command("U-OLLI", "delphi results"))).text).toBe(
    "The results of *Lapland 2035* are shown once its first round has closed.",
  );
  expect((await reply(await command("U-AINO", "delphi export"))).text).toContain("first round has closed");
  await deliverOutbox();
  expect(channelPosts()).toEqual([]);
});

it("proposes a persistent disagreement for the next meeting once; observers may not, no meeting is said clearly", async () => {
  const { statementIds } = await seedDelphi(bot.db, { clusterId, statements: THREE, closedRounds: [1, 2] });
  const disputed = statementIds[0]!;
  const propose = async (user: string, statement = disputed) =>
    (await reply(await click(user, "ennakko.delphi.results.propose", statement))).text;

  expect(await propose("U-PEKKA")).toContain("role");
  expect(await propose("U-OLLI")).toBe(
    "No meeting is being planned, so there is no agenda yet. An organiser starts with `/cluster meeting plan`.",
  );
  expect(await bot.db.prisma.agendaItem.count()).toBe(0);

  await plannedMeeting(bot.db, clusterId);
  expect(await propose("U-OLLI")).toBe(
    "“By 2030 half of Lapland's mines run autonomous haulage” is now proposed for the agenda of *Autumn meeting*, with its figures.",
  );
  expect(await propose("U-AINO")).toBe(
    "“By 2030 half of Lapland's mines run autonomous haulage” is already on the agenda of *Autumn meeting*.",
  );
  const items = await bot.db.prisma.agendaItem.findMany();
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    kind: "TOPIC",
    status: "PROPOSED",
    title: "By 2030 half of Lapland's mines run autonomous haulage",
  });
  expect(items[0]!.details).toBe(
    [
      "Delphi “Lapland 2035”, round 2:",
      "Probability: median 3, IQR 4 (1–5), consensus: no",
      "Year: median 2030.5, IQR 1.25 (2030–2031.25), consensus: yes",
    ].join("\n"),
  );
  const statement = await bot.db.prisma.delphiStatement.findUniqueOrThrow({ where: { id: disputed } });
  expect(statement.agendaItemId).toBe(items[0]!.id);
  // A converging statement is not proposed from a forged click; posted again, the results say it is on the agenda.
  expect(await propose("U-OLLI", statementIds[1]!)).toContain("did not keep disagreeing");
  await reply(await command("U-OLLI", "delphi results"));
  await deliverOutbox();
  expect(proposeButtons(channelPosts())).toEqual([]);
  expect(JSON.stringify(blocksOf(channelPosts()))).toContain("📌 On the next meeting's agenda.");
});

it("exports each round's figures, the anonymous ratings and the reasons as CSV files, to the record keepers", async () => {
  const statements = THREE.map((s, i) =>
    i === 0
      ? {
          ...s,
          pools: {
            1: { ratings: SPLIT, reasons: [{ text: "=cmd|' /C calc'!A0", side: "below" as const }] },
            2: { ratings: SPLIT, reasons: [{ text: "Permits take years", side: null }] },
          },
        }
      : s,
  );
  await seedDelphi(bot.db, { clusterId, statements, closedRounds: [1, 2] });
  expect((await reply(await command("U-OLLI", "delphi export"))).text).toContain("role");
  expect((await reply(await command("U-AINO", "delphi export 3"))).text).toBe(
    "Round 3 of *Lapland 2035* has not closed, so it has no results to export yet.",
  );
  expect((await reply(await command("U-AINO", "delphi export two"))).text).toContain("delphi export");

  await command("U-AINO", "delphi export");
  await slack.waitFor("files.completeUploadExternal");
  const files = [...slack.uploadedFiles.values()].filter((f) => f.channelId === "D-U-AINO");
  expect(files.map((f) => f.filename).sort()).toEqual([
    "lapland-2035-ratings.csv",
    "lapland-2035-reasons.csv",
    "lapland-2035-round-1-figures.csv",
    "lapland-2035-round-2-figures.csv",
  ]);
  const text = (name: string) =>
    files
      .find((f) => f.filename === name)!
      .bytes.toString("utf8")
      .replace(/^\uFEFF/, "");
  const figures = text("lapland-2035-round-2-figures.csv").split("\r\n");
  expect(figures[0]).toBe("Round,No.,Statement,Scale,Answers,Median,Q1,Q3,IQR,Consensus");
  expect(figures[1]).toBe(
    "2,1,By 2030 half of Lapland's mines run autonomous haulage,probability,4,3,1,5,4,no",
  );
  expect(figures).toContain(
    "2,3,Remote operation centres employ more than the mines,probability,2,,,,,fewer than 3 answers",
  );
  const ratings = text("lapland-2035-ratings.csv").split("\r\n").filter(Boolean);
  expect(ratings[0]).toBe("Round,No.,Statement,Probability,Year");
  // Rounds 1 and 2 of three statements, four ratings each, but the two-answer pool is left out.
  expect(ratings).toHaveLength(1 + 4 * 5);
  expect(ratings.slice(1, 5)).toEqual(
    SPLIT.map((r) => `1,1,By 2030 half of Lapland's mines run autonomous haulage,${r.probability},${r.year}`),
  );
  const reasons = text("lapland-2035-reasons.csv");
  // Formula-like text is defused, as in every CSV the bot writes.
  expect(reasons).toContain(
    `1,1,By 2030 half of Lapland's mines run autonomous haulage,below the middle range,'=cmd|' /C calc'!A0`,
  );
  expect(reasons).toContain(
    "2,1,By 2030 half of Lapland's mines run autonomous haulage,given with the answer,Permits take years",
  );
  expect(files.map((f) => f.bytes.toString("utf8")).join("\n")).not.toMatch(/Aino|Olli|Pekka/);

  // One round: its figures, ratings and reasons only.
  await command("U-AINO", "delphi export 1");
  await slack.waitFor("files.completeUploadExternal", 2);
  const names = [...slack.uploadedFiles.values()].map((f) => f.filename);
  expect(names).toContain("lapland-2035-round-1-ratings.csv");
  expect(names).not.toContain("lapland-2035-round-2-ratings.csv");
});
