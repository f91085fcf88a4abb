// Measures on Slack, end to end: the chair assigns in a modal; the outbox delivers the owner's DM
// through the Slack Web API; the owner checks in with its buttons (progress in a modal); the cluster
// channel gets the update; `/cluster measures` lists the register.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { formatLocalDate } from "../../../src/kernel/surface/format-date.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import {
  type Block,
  type SlackReply,
  slackJourney,
  startSlackBot,
  stopSlackBot,
} from "../../support/slack-journey.ts";
import { blockActionPayload, interactionBody } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "fi-FI" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `x${++n}` });
const { command, reply, modal, createCluster } = journey;
// This journey reads only the body of what the bot answers.
const post = async (body: string) => (await journey.post(body)).text;
const submit = async (...args: Parameters<typeof journey.submit>) => (await journey.submit(...args)).text;
const deliverOutbox = () => bot.bot.jobs!.scheduler.tick("outbox");

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  slack.reset();
});

it("assigns, delivers the owner's DM through the outbox, and takes check-ins from it", async () => {
  await command("U-AINO", "measure add");
  const form = await modal(1);
  const owners = form.blocks.find((b) => b.block_id === "owner")!.element!.options!;
  const olli = owners.find((o) => o.text.text === "Olli")!.value;
  await submit("U-AINO", form, {
    title: { type: "plain_text_input", value: "Hydrogen welding course" },
    owner: { type: "static_select", selected_option: { value: olli } },
    due_date: { type: "datepicker", selected_date: dayAhead(60) },
  });
  expect((await slack.waitFor("chat.postEphemeral"))[0]!.body.text).toBe(
    `*Hydrogen welding course* is assigned to Olli, due ${formatLocalDate(dayAhead(60), "en")}. I told them.`,
  );

  // Nothing reaches Olli until the outbox delivers it.
  expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  expect(await deliverOutbox()).toBe("ran");
  const [dm] = await slack.waitFor("chat.postMessage");
  expect(dm!.body.channel).toMatch(/^D-/);
  expect(String(dm!.body.text)).toContain("Aino antoi sinulle toimenpiteen klusterissa *Energy*");
  const buttons = (dm!.body.blocks as Block[]).flatMap((b) => b.elements ?? []);
  const measureId = buttons[0]!.value;
  expect(buttons.map((b) => b.action_id)).toEqual([
    "ennakko.measure.started",
    "ennakko.measure.progress",
    "ennakko.measure.done",
    "ennakko.measure.blocked",
  ]);
  expect(await bot.db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "SENT" });

  // Olli reports progress from his DM: a modal, then an update in the cluster channel.
  const click = (actionId: string, id: string) =>
    post(
      interactionBody(
        blockActionPayload({
          user: "U-OLLI",
          channel: String(dm!.body.channel),
          actionId,
          value: measureId,
          responseUrl: slack.responseUrl(id),
        }),
      ),
    );
  await click("ennakko.measure.progress", "p1");
  const progress = await modal(2);
  expect(progress.callback_id).toBe("ennakko.measure-progress");
  await submit("U-OLLI", progress, {
    progress: { type: "static_select", selected_option: { value: "60" } },
    note: { type: "plain_text_input", value: "Curriculum drafted" },
  });
  await deliverOutbox();
  const [update] = (await slack.waitFor("chat.postMessage", 2)).slice(1);
  expect(update!.body).toMatchObject({
    channel: "C-ENERGY",
    text: "Olli updated *Hydrogen welding course*: in progress, 60 %.",
  });

  await click("ennakko.measure.done", "d1");
  expect((await reply("d1")).text).toBe("Tallennettu: *Hydrogen welding course* on valmis (100 %).");
  await click("ennakko.measure.done", "d2");
  expect((await reply("d2")).text).toBe("*Hydrogen welding course* on jo päätetty.");

  const list = await reply(await command("U-AINO", "measures all"));
  expect(JSON.stringify(list.blocks)).toContain("*Hydrogen welding course* — Olli");
  expect((await reply(await command("U-AINO", "measures someday"))).text).toBe(
    "Filter `someday` is not known. Use open, mine, overdue or all.",
  );
  const history = await bot.db.prisma.measureUpdate.findMany({
    where: { measureId },
    orderBy: { createdAt: "asc" },
  });
  expect(history.map((h) => h.status)).toEqual(["PLANNED", "STARTED", "DONE"]);
});

it("keeps the form open with the problem next to the field", async () => {
  await command("U-AINO", "measure add");
  const form = await modal(1);
  const olli = form.blocks.find((b) => b.block_id === "owner")!.element!.options![0]!.value;
  const res = await submit("U-AINO", form, {
    title: { type: "plain_text_input", value: "Course" },
    owner: { type: "static_select", selected_option: { value: olli } },
    due_date: { type: "datepicker", selected_date: "2020-01-01" },
  });
  expect(JSON.parse(res)).toEqual({
    response_action: "errors",
    errors: { due_date: "Pick a due date that is today or later." },
  });
  expect((await reply(await command("U-OLLI", "measure add"))).text).toBe(
    "Roolisi ei salli tätä. Kysy puheenjohtajalta tai ennakointikoordinaattorilta.",
  );
  expect(await bot.db.prisma.measure.count()).toBe(0);
});

/** `count` measures for Olli straight into the register, due on consecutive days (a long register). */
async function manyMeasures(count: number) {
  const cluster = await bot.db.prisma.cluster.findFirstOrThrow();
  const owner = await bot.db.prisma.person.findFirstOrThrow({ where: { displayName: "Olli" } });
  for (let i = 1; i <= count; i++)
    await bot.db.prisma.measure.create({
      data: {
        clusterId: cluster.id,
        ownerId: owner.id,
        title: `Measure ${String(i).padStart(2, "0")}`,
        dueDate: new Date(`${dayAhead(10 + i)}T00:00:00Z`),
      },
    });
}

const sectionTexts = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));
const buttonsOf = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

it("'measures all' with 45 measures pages them (20 at a time, '1–20 of 45', Show more), none silently dropped", async () => {
  await manyMeasures(45);
  const first = await reply(await command("U-AINO", "measures all"));
  expect(first.blocks.length).toBeLessThanOrEqual(50);
  expect(JSON.stringify(first.blocks)).toContain("1–20 of 45");
  expect(sectionTexts(first.blocks).filter((t) => t.startsWith("*Measure "))).toHaveLength(20);
  // The notification / screen-reader text is a summary, not the heading alone.
  expect(first.text).toContain("1–20 of 45");
  expect(first.text).toContain("Measure 01");
  const more = buttonsOf(first.blocks).find((b) => b.action_id === "ennakko.measures.page")!;
  expect(more.text.text).toBe("Show more (25)");

  // Show more redraws the list with the next page; the same click again shows the same page.
  const pages: SlackReply[] = [];
  for (let i = 0; i < 2; i++)
    pages.push(await reply(await journey.click("U-AINO", more.action_id, more.value)));
  for (const second of pages) {
    expect(second.replace_original).toBe(true);
    expect(JSON.stringify(second.blocks)).toContain("21–40 of 45");
    expect(sectionTexts(second.blocks).filter((t) => t.startsWith("*Measure "))[0]).toContain("Measure 21");
  }
  const last = buttonsOf(pages[0]!.blocks).find((b) => b.text.text.startsWith("Show more"))!;
  const third = await reply(await journey.click("U-AINO", last.action_id, last.value));
  const titles = sectionTexts(third.blocks).filter((t) => t.startsWith("*Measure "));
  expect(titles.map((t) => t.slice(1, 11))).toEqual(
    ["41", "42", "43", "44", "45"].map((n) => `Measure ${n}`),
  );
  expect(buttonsOf(third.blocks).map((b) => b.text.text)).toEqual(["Show previous"]);
});
