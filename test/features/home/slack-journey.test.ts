// The Slack App Home tab, end to end: a signed `app_home_opened` event publishes the person's home
// with views.publish; "Refresh" on the tab publishes it again; a measure check-in clicked on the tab
// is saved, answered in the person's DM and the tab redrawn; `/cluster home` answers privately.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { HOME_ACTIONS } from "../../../src/features/home/surface/home-view.ts";
import { MEASURE_ACTIONS } from "../../../src/features/measures/surface/measure-views.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { PULSE_ACTIONS, sheetValue } from "../../../src/features/pulses/surface/pulse-sheet-view.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { type Block, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import { eventBody, interactionBody, nextActionTs, signedJsonHeaders } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot({
    "U-AINO": { display_name: "Aino", locale: "en-GB" },
    "U-OLLI": { display_name: "Olli", locale: "en-GB" },
  }));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `h${++n}` });
const { post, command, reply, createCluster } = journey;
const ids: Record<string, string> = {};

beforeEach(async () => {
  await truncateAll(bot.db);
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  const db = bot.db.prisma;
  const cluster = await db.cluster.findFirstOrThrow({ where: { name: "Energy" } });
  const olli = await db.person.findFirstOrThrow({ where: { displayName: "Olli" } });
  const measure = await db.measure.create({
    data: {
      clusterId: cluster.id,
      title: "Welding course",
      ownerId: olli.id,
      dueDate: new Date("2020-01-15"),
    },
  });
  const pulse = await db.pulse.create({
    data: {
      clusterId: cluster.id,
      title: "Spring skills pulse",
      status: "OPEN",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 7 * 86_400_000),
      participations: { create: { personId: olli.id, status: "INVITED" } },
      questions: {
        create: {
          position: 0,
          questionId: (await db.question.findFirstOrThrow({ where: { key: "hiring-next-12m" } })).id,
        },
      },
    },
  });
  ids.measure = measure.id;
  ids.pulse = pulse.id;
  slack.reset();
});

function openHome(user: string, tab = "home") {
  const body = eventBody({ type: "app_home_opened", user, channel: `D-${user}`, tab });
  return post(body, signedJsonHeaders(body));
}

function homeClick(user: string, actionId: string, value: string) {
  return post(
    interactionBody({
      type: "block_actions",
      team: { id: "T-LAPLAND", domain: "lapland" },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T-LAPLAND" },
      api_app_id: "A-ENNAKKO",
      token: "deprecated-verification-token",
      container: { type: "view", view_id: "V-HOME" },
      trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
      view: { id: "V-HOME", type: "home", team_id: "T-LAPLAND", blocks: [] },
      actions: [{ action_id: actionId, block_id: "b1", value, type: "button", action_ts: nextActionTs() }],
    }),
  );
}

type Published = { user_id: string; view: { type: string; blocks: Block[] } };
const published = async (count: number) =>
  (await slack.waitFor("views.publish", count)).map((c) => c.body as unknown as Published);
const buttonsOf = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])) as {
    action_id: string;
    value?: string;
    text: { text: string };
  }[];
const textOf = (blocks: Block[]) => JSON.stringify(blocks);

it("publishes the home tab when it is opened, with one-click actions", async () => {
  expect((await openHome("U-OLLI")).status).toBe(200);
  const [call] = await published(1);
  expect(call!.user_id).toBe("U-OLLI");
  expect(call!.view.type).toBe("home");
  const text = textOf(call!.view.blocks);
  expect(text).toContain("Hello Olli: this is what waits for you");
  expect(text).toContain("Spring skills pulse");
  // The due date in the reader's language, not ISO (issue 12).
  expect(text).toContain("*Welding course* — Energy · due Wed, 15 Jan 2020 ⚠️ overdue");
  const buttons = buttonsOf(call!.view.blocks);
  expect(buttons).toContainEqual(
    expect.objectContaining({ action_id: PULSE_ACTIONS.open, value: sheetValue(ids.pulse!, null) }),
  );
  expect(buttons).toContainEqual(
    expect.objectContaining({ action_id: MEASURE_ACTIONS.done, value: ids.measure }),
  );
  expect(buttons.at(-1)).toMatchObject({ action_id: HOME_ACTIONS.refresh, text: { text: "Refresh" } });
});

it("ignores the messages tab; a chair sees what needs her action", async () => {
  await openHome("U-OLLI", "messages");
  await openHome("U-AINO");
  const calls = await published(1);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(slack.callsTo("views.publish")).toHaveLength(1);
  expect(calls[0]!.user_id).toBe("U-AINO");
  // The chair has no answers to give, but the overdue measure of her cluster needs her action.
  expect(textOf(calls[0]!.view.blocks)).toContain("Needs your action");
  expect(textOf(calls[0]!.view.blocks)).toContain("Energy: overdue measures: 1");
});

it("republishes on Refresh, with what changed since", async () => {
  await openHome("U-OLLI");
  await published(1);
  await bot.db.prisma.measure.update({
    where: { id: ids.measure },
    data: { title: "Hydrogen welding course" },
  });
  expect((await homeClick("U-OLLI", HOME_ACTIONS.refresh, "home")).status).toBe(200);
  const calls = await published(2);
  expect(textOf(calls[1]!.view.blocks)).toContain("Hydrogen welding course");
  // The click on the tab is not mistaken for a channel click: nothing else was sent.
  expect(slack.callsTo("chat.postEphemeral")).toHaveLength(0);
});

it("saves a check-in clicked on the tab, answers in the DM and redraws the tab", async () => {
  await homeClick("U-OLLI", MEASURE_ACTIONS.done, ids.measure!);
  const calls = await published(1);
  expect(await bot.db.prisma.measure.findUniqueOrThrow({ where: { id: ids.measure } })).toMatchObject({
    status: "DONE",
  });
  expect(textOf(calls[0]!.view.blocks)).not.toContain("Welding course");
  const dm = slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "D-U-OLLI");
  expect(dm.length).toBeGreaterThan(0);
});

it("answers `/cluster home` privately with the same view", async () => {
  const answer = await reply(await command("U-OLLI", "home"));
  expect(answer.response_type).toBe("ephemeral");
  expect(textOf(answer.blocks)).toContain("Spring skills pulse");
  expect(buttonsOf(answer.blocks).at(-1)).toMatchObject({ action_id: HOME_ACTIONS.refresh });
});

it("opens the pulse's answer sheet in the DM when clicked on the tab", async () => {
  await homeClick("U-OLLI", PULSE_ACTIONS.open, sheetValue(ids.pulse!, null));
  await published(1);
  const dm = slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "D-U-OLLI");
  expect(dm).toHaveLength(1);
  expect(JSON.stringify(dm[0]!.body)).toContain("Spring skills pulse");
});

it("a full home (10 pulses, 10 measures) keeps 'Needs your action' and Refresh: the tab's own 100 blocks", async () => {
  const db = bot.db.prisma;
  const cluster = await db.cluster.findFirstOrThrow({ where: { name: "Energy" } });
  const aino = await db.person.findFirstOrThrow({ where: { displayName: "Aino" } });
  const question = await db.question.findFirstOrThrow({ where: { key: "hiring-next-12m" } });
  for (let i = 1; i <= 10; i++) {
    await db.measure.create({
      data: {
        clusterId: cluster.id,
        title: `Aino's measure ${i}`,
        ownerId: aino.id,
        dueDate: new Date("2020-02-01"),
      },
    });
    await db.pulse.create({
      data: {
        clusterId: cluster.id,
        title: `Pulse ${i}`,
        status: "OPEN",
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 7 * 86_400_000),
        participations: { create: { personId: aino.id, status: "INVITED" } },
        questions: { create: { position: 0, questionId: question.id } },
      },
    });
  }
  await openHome("U-AINO");
  const [call] = await published(1);
  const blocks = call!.view.blocks;
  expect(blocks.length).toBeGreaterThan(50);
  expect(blocks.length).toBeLessThanOrEqual(100);
  expect(textOf(blocks)).toContain("Needs your action");
  expect(textOf(blocks)).toContain("Energy: overdue measures: 11");
  expect(buttonsOf(blocks).at(-1)).toMatchObject({ action_id: HOME_ACTIONS.refresh });
  // `/cluster home`: its notification text counts what waits, not the greeting alone.
  const answer = await reply(await command("U-AINO", "home"));
  expect(answer.text).toContain("Pulses waiting for your answers: 10, Your measures: 10");
  expect(answer.text).toContain("Aino's measure 1 (Energy)");
});
