// The home on Teams, end to end: `home` in the personal chat answers with the person's home card
// (waiting pulse, measures with check-in buttons, Refresh); Refresh (Action.Execute) replaces the card
// with a fresh one; installing the bot in a personal chat (conversationUpdate, the bot among
// membersAdded) sends the same card as the welcome.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { HOME_ACTIONS } from "../../../src/features/home/surface/home-view.ts";
import { MEASURE_ACTIONS } from "../../../src/features/measures/surface/measure-views.ts";
import { PULSE_ACTIONS, sheetValue } from "../../../src/features/pulses/surface/pulse-sheet-view.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import {
  BOT,
  executeActions,
  type Json,
  message,
  personalChat,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  expectNoApology,
  inChannel,
  inPrivate,
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}));
});
afterAll(() => stopTeamsBot(bot, connector));
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: "Europe/Helsinki" };
const emma = teamsUser("Emma Chair", english);
const olli = teamsUser("Olli Owner", english);
const energy = teamsChannel("Energy");
const { say, send, press, createCluster } = teamsJourney(() => ({ bot, connector }), energy);
const ids: Record<string, string> = {};

beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  await createCluster(emma, energy, "Energy");
  onlyReply(await say(olli, "join"));
  const db = bot.db.prisma;
  const cluster = await db.cluster.findFirstOrThrow({ where: { name: "Energy" } });
  const person = await db.person.findFirstOrThrow({ where: { displayName: "Olli Owner" } });
  ids.measure = (
    await db.measure.create({
      data: {
        clusterId: cluster.id,
        title: "Welding course",
        ownerId: person.id,
        dueDate: new Date("2020-01-15"),
      },
    })
  ).id;
  ids.pulse = (
    await db.pulse.create({
      data: {
        clusterId: cluster.id,
        title: "Spring skills pulse",
        status: "OPEN",
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 7 * 86_400_000),
        participations: { create: { personId: person.id, status: "INVITED" } },
      },
    })
  ).id;
  connector.reset();
});

const verbs = (card: Json) => executeActions(card).map((a) => [a.verb, a.data?.value]);

it("answers `home` in the personal chat with the home card and its one-click actions", async () => {
  const chat = inPrivate(personalChat().conversationId);
  const card = cardOf(onlyReply(await say(olli, "home", chat)));
  const text = JSON.stringify(card);
  expect(text).toContain("Hello Olli Owner: this is what waits for you");
  expect(text).toContain("Spring skills pulse");
  expect(text).toContain("Welding course");
  expect(text).toContain("overdue");
  expect(verbs(card)).toEqual(
    expect.arrayContaining([
      [PULSE_ACTIONS.open, sheetValue(ids.pulse!, null)],
      [MEASURE_ACTIONS.done, ids.measure],
      [HOME_ACTIONS.refresh, "home"],
    ]),
  );
});

it("replaces the card with a fresh one on Refresh", async () => {
  const chat = inPrivate(personalChat().conversationId);
  const reply = onlyReply(await say(olli, "home", chat));
  await bot.db.prisma.measure.update({ where: { id: ids.measure }, data: { status: "DONE" } });
  const turn = await press(olli, cardOf(reply), reply.answeredId!, chat, HOME_ACTIONS.refresh);
  const card = invokeCard(turn);
  expect(JSON.stringify(card)).not.toContain("Welding course");
  expect(JSON.stringify(card)).toContain("Spring skills pulse");
  expect(turn.calls).toEqual([]);
});

function installed(where: ReturnType<typeof inPrivate> | ReturnType<typeof inChannel>, membersAdded: Json[]) {
  const {
    text: _t,
    textFormat: _f,
    attachments: _a,
    entities: _e,
    ...base
  } = message({
    serviceUrl: connector.serviceUrl,
    from: olli,
    where,
    text: "",
    mentionBot: false,
  });
  return send({ ...base, type: "conversationUpdate", membersAdded });
}

it("sends the home as the welcome card when the bot is installed in a personal chat", async () => {
  const turn = await installed(inPrivate(personalChat().conversationId), [{ id: BOT.id }]);
  expect(turn.status).toBe(200);
  expect(turn.calls).toHaveLength(1);
  const text = JSON.stringify(cardOf(turn.calls[0]!));
  expect(text).toContain("Hello Olli Owner");
  expect(text).toContain("Spring skills pulse");
});

it("stays quiet for other members added, and in channels", async () => {
  expect((await installed(inPrivate(personalChat().conversationId), [{ id: "29:someone" }])).calls).toEqual(
    [],
  );
  expect((await installed(inChannel(energy), [{ id: BOT.id }])).calls).toEqual([]);
});
