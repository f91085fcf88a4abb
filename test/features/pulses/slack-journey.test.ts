// Skill-need pulses on Slack, end to end: the chair creates a pulse in a modal; the outbox delivers
// each member's answer sheet as a DM; members answer with buttons and in a modal (the DM redraws
// through response_url), submit, and cannot submit twice; status shows the response rate; closing
// posts the results to the channel with native charts (data_visualization blocks); the export arrives as CSV files in
// the chair's DM.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import {
  type Block,
  input,
  type Modal,
  type SlackReply,
  slackJourney,
  startSlackBot,
  stopSlackBot,
} from "../../support/slack-journey.ts";
import { blockActionPayload, interactionBody } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as the fake Slack received it.
type Json = Record<string, any>;

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
      "U-PEKKA": { display_name: "Pekka", locale: "fi-FI" },
      "U-EERO": { display_name: "Eero", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `p${++n}` });
const { command, reply, modal, createCluster, submit } = journey;
const deliverOutbox = () => bot.bot.jobs!.scheduler.tick("outbox");
const multi = (...values: string[]) => ({
  type: "multi_static_select",
  selected_options: values.map((value) => ({ value })),
});
const select = (value: string) => ({ type: "static_select", selected_option: { value } });

beforeEach(async () => {
  await truncateAll(bot.db);
  // The bot seeds the shared question bank at start-up; the truncation above removed it.
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  await reply(await command("U-PEKKA", "join"));
  slack.reset();
});

/** The chair fills in the new-pulse modal; returns the ack body. */
async function createPulse(anonymity: "anonymous" | "named") {
  await command("U-AINO", "pulse new");
  const form = await modal(1);
  const ack = await submit("U-AINO", form, {
    title: input("Spring skills pulse"),
    questions: multi("education-cooperation", "hiring-next-12m", "skills-demand"),
    anonymity: select(anonymity),
    closes_date: { type: "datepicker", selected_date: dayAhead(14) },
    closes_time: { type: "timepicker", selected_time: "16:00" },
    results_live: select("no"),
    skills: input("Welding\nMine automation and remote operation"),
  });
  return ack.text;
}

/** The DM the outbox sent to `user`. */
function dmTo(user: string) {
  const dm = slack.callsTo("chat.postMessage").find((c) => c.body.channel === `D-${user}`);
  if (!dm) throw new Error(`no DM to ${user}`);
  return { channel: String(dm.body.channel), blocks: dm.body.blocks as Block[], text: String(dm.body.text) };
}

const buttonsOf = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
const buttonLabelled = (blocks: Block[], label: string) => {
  const button = buttonsOf(blocks).find((b) => JSON.stringify(b.text).includes(label));
  if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(blocks).slice(0, 400)}`);
  return button;
};

/** Clicks a button in `user`'s DM; returns the id of the response_url the answer goes to. */
async function pressInDm(user: string, actionId: string, value: string): Promise<string> {
  const id = `c${++n}`;
  await journey.post(
    interactionBody(
      blockActionPayload({ user, channel: `D-${user}`, actionId, value, responseUrl: slack.responseUrl(id) }),
    ),
  );
  return id;
}

/** Clicks a button in `user`'s DM; returns what the bot sent to that click's response_url. */
async function clickInDm(user: string, actionId: string, value: string): Promise<SlackReply> {
  return reply(await pressInDm(user, actionId, value));
}

/** Answers all three questions (Likert button, then the modal) and submits; returns the last sheet. */
async function answerAll(user: string, likert: string, hires: string, level: string, modalNumber: number) {
  let sheet = dmTo(user).blocks;
  // Each button of a row has its own action_id (Slack refuses repeats within a block): Slack sends
  // back the clicked button's own.
  const likertButton = buttonsOf(sheet).find(
    (b) => b.action_id.startsWith("ennakko.pulse.answer:") && b.value?.split("|")[2] === likert,
  )!;
  sheet = (await clickInDm(user, likertButton.action_id, likertButton.value!)).blocks as Block[];
  const formButton = buttonsOf(sheet).find((b) => b.action_id === "ennakko.pulse.form")!;
  const formClick = await pressInDm(user, "ennakko.pulse.form", formButton.value!);
  const form = await modal(modalNumber);
  await submit(user, form, { q1: input(hires), q2_s0_h1: select(level), q2_s1_h5: select("STABLE") });
  sheet = (await reply(formClick)).blocks as Block[];
  const submitButton = buttonsOf(sheet).find((b) => b.action_id === "ennakko.pulse.submit")!;
  return clickInDm(user, "ennakko.pulse.submit", submitButton.value!);
}

it("runs an anonymous pulse from the modal to results with native charts and CSV files", async () => {
  expect(await createPulse("anonymous")).toBe("");
  const created = (await slack.waitFor("chat.postEphemeral"))[0]!.body.text;
  expect(created).toContain("*Spring skills pulse* is ready: 3 members get it in a personal message");

  expect(await deliverOutbox()).toBe("ran");
  const channelPost = slack.callsTo("chat.postMessage").find((c) => c.body.channel === "C-ENERGY")!;
  expect(String(channelPost.body.text)).toContain("*Spring skills pulse* is open: 3 members got it");
  const olli = dmTo("U-OLLI");
  expect(olli.text).toBe("📋 Spring skills pulse – Energy");
  expect(JSON.stringify(olli.blocks)).toContain("Anonymous: your answers are stored without your name");
  expect(dmTo("U-PEKKA").text).toBe("📋 Spring skills pulse – Energy");
  expect(JSON.stringify(dmTo("U-PEKKA").blocks)).toContain("Nimetön");

  // One Likert click: saved, the DM is redrawn over the original with a token in the buttons.
  const four = buttonLabelled(olli.blocks, "4 ");
  expect(four.action_id).toMatch(/^ennakko\.pulse\.answer:\d+$/);
  const first = await clickInDm("U-OLLI", four.action_id, four.value!);
  expect(first.replace_original).toBe(true);
  const chosen = buttonLabelled(first.blocks as Block[], "✓ 4");
  expect(chosen.style).toBe("primary");
  const token = chosen.value!.split("|")[3]!;
  expect(token.length).toBeGreaterThan(20);

  // Submitting with required questions left: refused with the question in words, nothing frozen.
  const early = await clickInDm(
    "U-OLLI",
    "ennakko.pulse.submit",
    buttonLabelled(first.blocks as Block[], "Submit").value!,
  );
  // The reason is drawn on the sheet itself: the token must not be lost with the message.
  expect(early.replace_original).toBe(true);
  // Nothing was refused being saved: the sheet says it is not submitted yet and what is missing.
  expect(JSON.stringify(early.blocks)).toContain("Not submitted yet: “");
  expect(JSON.stringify(early.blocks)).toContain("” needs an answer first.");
  expect(JSON.stringify(early.blocks)).not.toContain("was not saved");
  expect(buttonLabelled(early.blocks as Block[], "✓ 4").value).toContain(token);

  // The modal: a number out of range stays open with the problem next to the field.
  const formButton = buttonLabelled(first.blocks as Block[], "Answer in a form");
  const formClick = await pressInDm("U-OLLI", "ennakko.pulse.form", formButton.value!);
  const form: Modal = await modal(2);
  expect(form.callback_id).toBe("ennakko.pulse-answer");
  expect(JSON.stringify(form.blocks)).toContain(
    "once you press “Submit answers” in the message they are final",
  );
  const bad = await submit("U-OLLI", form, { q1: input("-5") });
  expect(JSON.parse(bad.text)).toEqual({
    response_action: "errors",
    errors: { q1: "the number must be from 0 to 10000." },
  });
  const good = await submit("U-OLLI", form, {
    q1: input("12"),
    q2_s0_h1: select("GROWING"),
    q2_s1_h5: select("STRONGLY_GROWING"),
  });
  expect(good.text).toBe("");
  // The DM is redrawn in place through the clicked message's response_url.
  const redrawn = await reply(formClick);
  expect(redrawn.replace_original).toBe(true);
  expect(JSON.stringify(redrawn.blocks)).toContain("Answered 3 of 3.");
  const done = await clickInDm(
    "U-OLLI",
    "ennakko.pulse.submit",
    buttonLabelled(redrawn.blocks as Block[], "Submit").value!,
  );
  expect(JSON.stringify(done.blocks)).toContain("Submitted – thank you! Your anonymous answers are final.");
  expect(buttonsOf(done.blocks as Block[])).toEqual([]);
  // A retried or double submit changes nothing and says why.
  const again = await clickInDm(
    "U-OLLI",
    "ennakko.pulse.submit",
    buttonLabelled(redrawn.blocks as Block[], "Submit").value!,
  );
  expect(JSON.stringify(again.blocks)).toContain(
    "You have already submitted your answers to *Spring skills pulse*",
  );
  // One submission, waiting in the pulse's pool until it closes.
  const pool = await bot.db.prisma.pulsePool.findFirstOrThrow();
  expect(pool.responses).toHaveLength(1);

  await answerAll("U-AINO", "5", "3", "STRONGLY_GROWING", 3);
  const status = await reply(await command("U-AINO", "pulse status"));
  expect(JSON.stringify(status.blocks)).toContain("All: 2/3 answered (67%), 0 started");
  await answerAll("U-PEKKA", "2", "0", "GROWING", 4);

  // Closing posts the results: a header, then one message per question with its chart.
  slack.reset();
  expect((await reply(await command("U-AINO", "pulse close"))).text).toBe(
    "*Spring skills pulse* is closed with 3 responses; the results are being posted to the channel.",
  );
  await deliverOutbox();
  const posts = slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C-ENERGY");
  const texts = posts.map((p) => String(p.body.text));
  expect(texts[0]).toBe("📊 Results: *Spring skills pulse*");
  expect(texts.slice(1).map((t) => t.slice(0, 3))).toEqual(["1. ", "2. ", "3. "]);
  expect(texts[2]).toContain("How many people does your organisation expect to hire");
  // Native charts, no images: one per question that has figures, through the strict fake's rules.
  expect(posts.flatMap((p) => (p.body.blocks as Block[]).filter((b) => b.type === "image"))).toEqual([]);
  const charts = posts.flatMap((p) =>
    (p.body.blocks as Block[]).filter((b) => b.type === "data_visualization"),
  ) as unknown as Json[];
  expect(charts).toHaveLength(3);
  // The skill-need chart: each skill once, one series per horizon, so every bar's horizon is named;
  // the long skill is numbered and given in full under the chart.
  const grid = posts.find((p) => JSON.stringify(p.body.blocks).includes("in 5 years"))!.body.blocks as Json[];
  const gridChart = grid.find((b) => b.type === "data_visualization")!.chart as Json;
  expect(gridChart.series.map((s: Json) => s.name)).toEqual(["in 1 year", "in 5 years"]);
  expect(gridChart.axis_config.categories).toEqual(["Welding", "2. Mine automation…"]);
  const legend = grid[grid.findIndex((b) => b.type === "data_visualization") + 1]!;
  expect(legend.type).toBe("context");
  expect(JSON.stringify(legend)).toContain("2. Mine automation and remote operation");
  expect(JSON.stringify(posts[2]!.body.blocks)).toContain("total 15 people");

  // The export: two CSV files in the chair's DM, with no names in an anonymous pulse.
  const before = slack.callsTo("files.completeUploadExternal").length;
  const exportReply = await command("U-AINO", "pulse export");
  const completed = (await slack.waitFor("files.completeUploadExternal", before + 1)).at(-1)!;
  expect(completed.body.channel_id).toBe("D-U-AINO");
  const shared = [...slack.uploadedFiles.values()].filter((f) => f.channelId === "D-U-AINO");
  expect(shared.map((f) => f.filename).sort()).toEqual([
    "spring-skills-pulse-answers.csv",
    "spring-skills-pulse-summary.csv",
  ]);
  const answers = shared.find((f) => f.filename.endsWith("answers.csv"))!.bytes.toString("utf8");
  expect(answers).toContain("education-cooperation");
  expect(answers).not.toMatch(/Olli|Aino|Pekka/);
  expect(exportReply).toBeTruthy();
});

it("keeps named answers editable after submitting, and refuses members outside the cluster", async () => {
  expect(await createPulse("named")).toBe("");
  await deliverOutbox();
  const olli = dmTo("U-OLLI");
  expect(JSON.stringify(olli.blocks)).toContain("Named: your name is kept with your answers");
  const done = await answerAll("U-OLLI", "3", "4", "GROWING", 2);
  expect(JSON.stringify(done.blocks)).toContain("Submitted – thank you! You can still change an answer");
  // Still open: a later click changes the named answer.
  const changed = await clickInDm(
    "U-OLLI",
    "ennakko.pulse.answer",
    buttonLabelled(done.blocks as Block[], "5 ").value!,
  );
  expect(buttonLabelled(changed.blocks as Block[], "✓ 5").style).toBe("primary");
  const saved = await bot.db.prisma.pulseAnswer.findMany({
    include: { pulseQuestion: { include: { question: true } } },
  });
  expect(saved.find((a) => a.pulseQuestion.question.key === "education-cooperation")!.value).toBe(5);

  // Someone who is not a member clicks a forwarded button.
  const stranger = await clickInDm(
    "U-EERO",
    "ennakko.pulse.answer",
    buttonLabelled(olli.blocks, "2 ").value!,
  );
  expect(stranger.text).toContain("Energy");
  expect(await bot.db.prisma.pulseResponse.count()).toBe(1);

  // Results are not shown before closing unless the chair allowed it.
  expect((await reply(await command("U-OLLI", "pulse results"))).text).toBe(
    "The results of *Spring skills pulse* are shown when it closes.",
  );
  expect((await reply(await command("U-OLLI", "pulse export"))).text).toContain("role");
});

it("refuses a skill-need pulse with no skills listed: the error stays next to the skills field, nothing is sent", async () => {
  // The skill-need grid is ticked by default and a new cluster has no skills: sent, the pulse could
  // never be answered (a grid with no rows). The modal says why and stays open.
  await command("U-AINO", "pulse new");
  const form = await modal(1);
  const fields = {
    title: input("Autumn pulse"),
    questions: multi("education-cooperation", "skills-demand"),
    anonymity: select("anonymous"),
    closes_date: { type: "datepicker", selected_date: dayAhead(14) },
    closes_time: { type: "timepicker", selected_time: "16:00" },
    results_live: select("no"),
  };
  const refused = await submit("U-AINO", form, { ...fields, skills: input("") });
  expect(JSON.parse(refused.text)).toEqual({
    response_action: "errors",
    errors: { skills: translator("en")("pulse.invalid.NO_SKILLS") },
  });
  expect(await bot.db.prisma.pulse.count()).toBe(0);
  // The same form with the skills listed sends it.
  const sent = await submit("U-AINO", form, { ...fields, skills: input("Welding") });
  expect(sent.status).toBe(200);
  expect(await bot.db.prisma.pulse.count()).toBe(1);
});

it("lists every bank question whole in the new-pulse modal when a menu option (75 characters) would cut one", async () => {
  // The chair chooses Finnish: "hard-to-fill-roles" is 87 characters there.
  await reply(await command("U-AINO", "language fi"));
  await command("U-AINO", "pulse new");
  const form = await modal(1);
  const bank = await bot.db.prisma.question.findMany({ where: { key: "hard-to-fill-roles" } });
  const question = (bank[0]!.text as Record<string, string>).fi!;
  expect(question.length).toBeGreaterThan(75);
  const texts = form.blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
  expect(texts.some((t) => t.includes(question))).toBe(true);
  const options = form.blocks.find((b) => b.block_id === "questions")!.element!.options!;
  for (const o of options) expect(o.text.text.length).toBeLessThanOrEqual(75);
  // The menu's numbers match the list's.
  const listed = texts.find((t) => t.includes(question))!.split("\n");
  const n = listed.findIndex((line) => line.endsWith(question));
  expect(listed[n]!.startsWith(options[n - 1]!.text.text.replace(/…$/, ""))).toBe(true);
});
