// A Delphi from the first sheet to the next meeting's agenda on Slack, through every part at once:
// members rate through their sheets (round 1 by one click per statement, round 2 through the form) (the real Bolt receiver, the strict Slack fake), each closed round
// posts its results with native charts to the channel by itself, a statement the group kept
// disagreeing on over two rounds gets the agenda button, and one click puts it on the agenda of the
// meeting being planned, where `/cluster agenda` shows it.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { eventually } from "../../support/eventually.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import {
  type Block,
  input,
  type Modal,
  slackJourney,
  startSlackBot,
  stopSlackBot,
  twoSlotPlan,
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
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
      "U-PEKKA": { display_name: "Pekka", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `j${++n}` });
const { command, reply, modal, createCluster, submit } = journey;
const deliverOutbox = () => bot.bot.jobs!.scheduler.tick("outbox");
const select = (value: string) => ({ type: "static_select", selected_option: { value } });

const STATEMENTS = [
  "Half of the region's heavy transport runs on hydrogen.",
  "The mine closes its last open pit.",
  "Remote work empties the town centre.",
];
/** Per member, their probability for each statement: statement 1 splits the group (1, 3, 5) twice. */
const RATINGS: Record<string, string[]> = {
  "U-AINO": ["1", "4", "2"],
  "U-OLLI": ["3", "4", "2"],
  "U-PEKKA": ["5", "4", "3"],
};

type Blocks = Block[];
const textOf = (blocks: Blocks) => JSON.stringify(blocks);
const buttonsOf = (blocks: Blocks) => blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

function dmTo(user: string): Blocks {
  const dm = slack.callsTo("chat.postMessage").findLast((c) => c.body.channel === `D-${user}`);
  if (!dm) throw new Error(`no DM to ${user}`);
  return dm.body.blocks as Blocks;
}

async function pressInDm(user: string, actionId: string, value: string): Promise<string> {
  const id = `c${++n}`;
  await journey.post(
    interactionBody(
      blockActionPayload({ user, channel: `D-${user}`, actionId, value, responseUrl: slack.responseUrl(id) }),
    ),
  );
  return id;
}

/**
 * `user` answers every statement of their latest sheet, in order, with their RATINGS: by one click on
 * the value's button (one 1–5 scale), or through the form ("With a reason…").
 */
async function answerAll(user: string, how: "click" | "form") {
  let sheet = dmTo(user);
  for (const probability of RATINGS[user]!) {
    if (how === "click") {
      const button = buttonsOf(sheet).find(
        (b) => b.action_id.startsWith("ennakko.delphi.rate") && b.value.endsWith(`|${probability}`),
      );
      if (!button)
        throw new Error(`no ${probability} button left for ${user}: ${textOf(sheet).slice(0, 300)}`);
      const views = slack.callsTo("views.open").length;
      sheet = (await reply(await pressInDm(user, "ennakko.delphi.rate", button.value))).blocks as Blocks;
      expect(slack.callsTo("views.open")).toHaveLength(views);
      continue;
    }
    const answer = buttonsOf(sheet).find((b) => b.action_id.startsWith("ennakko.delphi.answer"));
    if (!answer) throw new Error(`no Answer button left for ${user}: ${textOf(sheet).slice(0, 300)}`);
    const opened = slack.callsTo("views.open").length;
    const click = await pressInDm(user, "ennakko.delphi.answer", answer.value);
    const form: Modal = await modal(opened + 1);
    expect((await submit(user, form, { probability: select(probability) })).text).toBe("");
    sheet = (await reply(click)).blocks as Blocks;
  }
  expect(textOf(sheet)).toContain("3 of 3 answered.");
}

/** The channel's posts since the last reset, with their blocks. */
const channelPosts = () =>
  slack
    .callsTo("chat.postMessage")
    .filter((c) => c.body.channel === "C-ENERGY")
    .map((c) => c.body.blocks as Blocks);

it("carries a disagreement from two rounds of sheets to the next meeting's agenda", async () => {
  await createCluster("U-AINO", "Energy");
  for (const user of ["U-OLLI", "U-PEKKA"]) await reply(await command(user, "join"));

  // A meeting is being planned: its agenda takes proposals.
  const before = slack.callsTo("views.open").length;
  await command("U-AINO", "meeting plan");
  const plan = await modal(before + 1);
  const planned = await journey.submitView("U-AINO", plan, twoSlotPlan("Autumn meeting"));
  expect(planned.text).toBe("");
  await eventually(() => bot.db.prisma.meeting.findFirst());

  await command("U-AINO", "delphi new");
  const form = await modal(before + 2);
  const created = await submit("U-AINO", form, {
    title: input("Energy 2035"),
    statements: input(STATEMENTS.join("\n")),
    scales: { type: "multi_static_select", selected_options: [{ value: "probability" }] },
    unit: select("likert5"),
    closes_date: { type: "datepicker", selected_date: dayAhead(7) },
    closes_time: { type: "timepicker", selected_time: "16:00" },
  });
  expect(created.text).toBe("");
  await deliverOutbox();
  for (const user of Object.keys(RATINGS)) await answerAll(user, "click");
  // A second click on a statement already answered changes nothing.
  const again = buttonsOf(dmTo("U-AINO")).find((b) => b.action_id.startsWith("ennakko.delphi.rate"))!;
  const repeated = await reply(await pressInDm("U-AINO", "ennakko.delphi.rate", again.value));
  expect(textOf(repeated.blocks)).toContain("You already answered this statement in this round");
  expect(await bot.db.prisma.delphiAnswered.count()).toBe(9);

  // Closing round 1 posts its results by itself: figures and a chart, no agenda button after one round.
  slack.reset();
  expect((await reply(await command("U-AINO", "delphi close"))).text).toContain(
    "Round 1 of *Energy 2035* is closed",
  );
  await deliverOutbox();
  const round1 = channelPosts();
  expect(round1.flat().some((b) => b.type === "data_visualization")).toBe(true);
  expect(textOf(round1.flat())).toContain("Half of the region's heavy transport runs on hydrogen.");
  expect(round1.flat().flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))).toEqual([]);

  // Round 2: the same split on statement 1; the organiser ends the Delphi, which closes the round.
  slack.reset();
  expect((await reply(await command("U-AINO", `delphi next ${dayAhead(12)}`))).text).toContain("Round 2");
  await deliverOutbox();
  for (const user of Object.keys(RATINGS)) await answerAll(user, "form");
  slack.reset();
  expect((await reply(await command("U-AINO", "delphi finish"))).text).toContain("finished after 2 rounds");
  await deliverOutbox();
  const round2 = channelPosts().flat();
  const propose = round2
    .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
    .filter((e) => e.action_id.startsWith("ennakko.delphi.results.propose"));
  expect(propose).toHaveLength(1);
  const disputed = await bot.db.prisma.delphiStatement.findFirstOrThrow({ where: { position: 0 } });
  expect(propose[0]!.value).toBe(disputed.id);

  // One click puts it on the agenda of the meeting being planned; the agenda shows it.
  const proposed = await reply(await journey.click("U-OLLI", "ennakko.delphi.results.propose", disputed.id));
  expect(proposed.text).toContain("is now proposed for the agenda of *Autumn meeting*");
  const agenda = await reply(await command("U-OLLI", "agenda"));
  expect(JSON.stringify(agenda.blocks)).toContain("Half of the region's heavy transport runs on hydrogen.");
  expect(await bot.db.prisma.agendaItem.count()).toBe(1);
});
