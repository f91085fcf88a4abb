// The chairs' forum on Slack, end to end: the report is refused in a cluster's channel; a member cannot
// bind the forum, a chair can; cluster commands are refused in the forum; the report comes as a private
// answer with an uploaded chart, and the briefing pack as a Markdown file in the chair's DM.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { closedSkillPulse } from "../../support/chairs-fixtures.ts";
import { truncateAll } from "../../support/database.ts";
import { eventually } from "../../support/eventually.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import {
  type Block,
  date,
  input,
  slackJourney,
  startSlackBot,
  stopSlackBot,
  time,
} from "../../support/slack-journey.ts";
import { blockActionPayload, interactionBody } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";
import { docxText, unzip } from "../../support/unzip.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
      "U-PEKKA": { display_name: "Pekka", locale: "en-GB" },
      "U-BEA": { display_name: "Bea", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `c${++n}` });
const { command, reply, createCluster } = journey;
const ctx = () => ({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });

beforeEach(async () => {
  await truncateAll(bot.db);
  await seedQuestionBank(ctx());
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  await reply(await command("U-PEKKA", "join"));
  // A second cluster, bound in another channel of the same workspace, with no pulse yet.
  await setupCluster(ctx(), {
    actor: slackUser("U-BEA", "Bea"),
    conversation: slackChannel("C-MINING"),
    name: "Mining",
    locale: "en",
  });
  await closedSkillPulse(bot.db, "Energy", ["Welding", "Automation"], {
    Aino: [
      { skill: "Welding", horizon: 1, level: "GROWING" },
      { skill: "Automation", horizon: 1, level: "STABLE" },
    ],
    Olli: [
      { skill: "Welding", horizon: 1, level: "STRONGLY_GROWING" },
      { skill: "Automation", horizon: 1, level: "STABLE" },
    ],
    Pekka: [
      { skill: "Welding", horizon: 1, level: "STABLE" },
      { skill: "Automation", horizon: 1, level: "GROWING" },
    ],
  });
  slack.reset();
});

const textOf = (blocks: Block[]) => JSON.stringify(blocks);

it("binds the chairs' forum and gives the report with a chart and a DOCX and Markdown briefing pack", async () => {
  // In a cluster's own channel the report is refused with a pointer to the forum.
  expect((await reply(await command("U-AINO", "chairs report"))).text).toContain(
    "Reports are given in the chairs' forum",
  );
  // Only chairs, vice-chairs and coordinators may bind it.
  expect((await reply(await command("U-OLLI", "forum setup Chairs", "C-CHAIRS"))).text).toBe(
    "The chairs' forum is for the chairs, vice-chairs and foresight coordinators of the clusters.",
  );
  expect((await reply(await command("U-AINO", "forum setup Chairs", "C-CHAIRS"))).text).toContain(
    "This channel is now *Chairs*, the chairs' forum.",
  );
  const announced = (await slack.waitFor("chat.postMessage")).find((c) => c.body.channel === "C-CHAIRS")!;
  expect(String(announced.body.text)).toContain("*Chairs* is the chairs' forum");
  const forum = await bot.db.prisma.cluster.findFirstOrThrow({ where: { kind: "CHAIRS_FORUM" } });
  expect(forum.name).toBe("Chairs");

  // Cluster commands make no sense in the forum; help says what the forum is.
  expect((await reply(await command("U-AINO", "status", "C-CHAIRS"))).text).toContain(
    "This channel is the chairs' forum: cluster commands work in each cluster's own channel.",
  );
  expect((await reply(await command("U-AINO", "join", "C-CHAIRS"))).text).toContain(
    "cluster commands work in each cluster's own channel",
  );
  expect((await reply(await command("U-AINO", "help", "C-CHAIRS"))).text).toContain(
    "Its members are the chairs, vice-chairs and foresight coordinators of the clusters.",
  );
  // A plain member of a cluster is not a forum member.
  expect((await reply(await command("U-OLLI", "chairs report", "C-CHAIRS"))).text).toBe(
    "The chairs' forum is for the chairs, vice-chairs and foresight coordinators of the clusters.",
  );

  // The Mining chair gets the report privately, with a native chart.
  const before = slack.callsTo("files.completeUploadExternal").length;
  const report = await reply(await command("U-BEA", "chairs report", "C-CHAIRS"));
  expect(report.response_type).toBe("ephemeral");
  const blocks = report.blocks as Block[];
  expect(textOf(blocks)).toContain("Chairs: the clusters side by side (2)");
  expect(textOf(blocks)).toContain("Welding: growing in 1 of 1 cluster (Energy)");
  expect(textOf(blocks)).toContain("Automation: growing in 0 of 1 cluster");
  expect(textOf(blocks)).toContain("Mining: no closed pulse with the skill-need grid");
  expect(textOf(blocks)).toContain("*Energy*: 0 open (0 on track, 0 overdue)");
  expect(textOf(blocks)).toContain("*Mining*: no meeting scheduled");
  // A native chart, no image: each skill once, one series per horizon, named in the legend.
  expect(blocks.filter((b) => b.type === "image")).toEqual([]);
  const charts = blocks.filter((b) => b.type === "data_visualization") as unknown as {
    chart: { series: { name: string }[]; axis_config: { categories: string[] } };
  }[];
  expect(charts).toHaveLength(1);
  expect(charts[0]!.chart.axis_config.categories).toEqual(expect.arrayContaining(["Welding", "Automation"]));
  const horizons = charts[0]!.chart.series.map((s) => s.name);
  expect(horizons.length).toBeGreaterThan(0);
  for (const name of horizons) expect(name).toMatch(/^\d-year horizon$/);

  // The briefing pack: a DOCX and a Markdown file in Bea's DM with the bot.
  await slack.waitFor("files.completeUploadExternal", before + 1);
  const shared = [...slack.uploadedFiles.values()].filter((f) => f.channelId === "D-U-BEA");
  expect(shared.map((f) => f.filename.replace(/\d{4}-\d{2}-\d{2}/, "DATE")).sort()).toEqual([
    "chairs-report-DATE.docx",
    "chairs-report-DATE.md",
  ]);
  const word = shared.find((f) => f.filename.endsWith(".docx"))!;
  const documentXml = unzip(word.bytes).get("word/document.xml")!.toString("utf8");
  expect(docxText(documentXml)).toContain("Where skill demand is growing");
  const markdown = shared.find((f) => f.filename.endsWith(".md"))!.bytes.toString("utf8");
  expect(markdown).toContain("# 🧭 Chairs: the clusters side by side (2)");
  expect(markdown).toContain("| Skill | Energy | Mining | Growing in |");
  expect(markdown).toContain("| Welding | ▲ |  | 1/1 |");
  expect(markdown).toContain("| Automation | ○ |  | 0/1 |");
});

it("refuses a second forum and binding a cluster's channel", async () => {
  await reply(await command("U-AINO", "forum setup Chairs", "C-CHAIRS"));
  expect((await reply(await command("U-BEA", "forum setup Chairs two", "C-OTHER"))).text).toBe(
    "This workspace already has a chairs' forum: *Chairs*.",
  );
  expect((await reply(await command("U-AINO", "forum setup Chairs"))).text).toContain("Energy");
  expect((await reply(await command("U-AINO", "forum setup", "C-OTHER"))).text).toContain(
    "/cluster forum setup &lt;name&gt;",
  );
  expect(await bot.db.prisma.cluster.count({ where: { kind: "CHAIRS_FORUM" } })).toBe(1);
});

it("plans the forum's own meeting: the poll asks the chairs of every cluster, who vote in the forum", async () => {
  await reply(await command("U-AINO", "forum setup Chairs", "C-CHAIRS"));
  slack.reset();
  // A plain member of a cluster is no forum member: no form for them.
  expect((await reply(await command("U-OLLI", "meeting plan", "C-CHAIRS"))).text).toBe(
    "The chairs' forum is for the chairs, vice-chairs and foresight coordinators of the clusters.",
  );
  await command("U-AINO", "meeting plan", "C-CHAIRS");
  const [open] = await slack.waitFor("views.open");
  const form = open!.body.view as { callback_id: string; private_metadata: string };
  await journey.submit("U-AINO", form, {
    title: input("Chairs' spring meeting"),
    slot_1_date: date(dayAhead(40)),
    slot_1_time: time("09:00"),
    slot_2_date: date(dayAhead(41)),
    slot_2_time: time("09:00"),
  });
  // The forum's own announcements went to C-CHAIRS before: wait for the poll itself (a loaded
  // machine may still be posting it when the submission has been answered).
  const poll = await eventually(() =>
    slack
      .callsTo("chat.postMessage")
      .find(
        (c) => c.body.channel === "C-CHAIRS" && textOf(c.body.blocks as Block[]).includes("Not answered yet"),
      ),
  );
  await eventually(() => bot.db.prisma.postedMessage.findFirst());
  expect(textOf(poll.body.blocks as Block[])).toContain("Not answered yet: Aino, Bea");

  // Bea, chair of Mining, answers in the forum; the poll is redrawn for everyone.
  const [meetingId, slotId] = (poll.body.blocks as Block[])
    .find((b) => b.type === "actions")!
    .elements![0]!.value.split("|");
  const voteAs = async (user: string) => {
    const id = `v${++n}`;
    await journey.post(
      interactionBody(
        blockActionPayload({
          user,
          channel: "C-CHAIRS",
          actionId: "ennakko.poll.yes",
          value: `${meetingId}|${slotId}`,
          responseUrl: slack.responseUrl(id),
        }),
      ),
    );
    return id;
  };
  await voteAs("U-BEA");
  // The poll's redraw goes out from the outbox (merged per message): tick until it has.
  const [update] = await eventually(async () => {
    await bot.bot.jobs!.scheduler.tick("outbox");
    const updates = slack.callsTo("chat.update");
    return updates.length > 0 ? updates : null;
  });
  expect(textOf(update!.body.blocks as Block[])).toContain("✅ 1 (Bea)");
  expect(textOf(update!.body.blocks as Block[])).toContain("Not answered yet: Aino");
  expect((await reply(await voteAs("U-OLLI"))).text).toBe(
    "The chairs' forum is for the chairs, vice-chairs and foresight coordinators of the clusters.",
  );
  expect(await bot.db.prisma.slotVote.count()).toBe(1);
});
