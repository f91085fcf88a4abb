// Every action once, on Teams. Teams retries an activity it thinks went unanswered with the same
// activity id: a retried form submission (an adaptiveCard/action invoke) or button press changes
// nothing in the database, sends nothing and answers the clicker with a short note; four copies
// arriving at once act once. New presses (new activity ids) keep working.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { toCardMarkdown } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { daysAhead } from "../../support/helsinki-dates.ts";
import { tableDigests } from "../../support/table-digests.ts";
import {
  cardAction,
  cardTexts,
  teamsChannel,
  teamsUser,
  type Where,
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
  type Turn,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let bot: TestBot;
let connector: FakeBotConnector;
const en = translator("en");
const english = { locale: "en-US", timeZone: "Europe/Helsinki" };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const olli = teamsUser("Olli Owner", english);
const energy = teamsChannel("Energy");

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

const { send, say, submitCard, press, deliverOutbox, personIdOf, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);

async function energyCluster() {
  const { created } = await createCluster(emma, energy, "Energy");
  for (const member of [mikko, olli]) onlyReply(await say(member, "join"));
  connector.reset();
  return created;
}

/** "@Ennakko <command>" in the channel, then its form card submitted with `inputs`. */
async function submitForm(command: string, inputs: Record<string, string>): Promise<Turn> {
  const turn = await say(emma, command);
  const reply = onlyReply(turn);
  const where: Where = inChannel(energy, turn.activity.id as string);
  return submitCard(emma, cardOf(reply), reply.answeredId!, where, inputs);
}

/** Teams sends `turn`'s activity again, same id: nothing changes, nothing is sent, a note answers. */
async function retryChangesNothing(turn: Turn): Promise<void> {
  const before = await tableDigests(bot.db);
  const again = await send(turn.activity);
  expect(again.status).toBe(200);
  expect(cardTexts(invokeCard(again))).toEqual([toCardMarkdown(en("interaction.repeated"))]);
  expect(again.calls).toEqual([]);
  expect(await tableDigests(bot.db)).toEqual(before);
}

const PLAN = {
  title: "Spring meeting",
  slot_1_date: daysAhead(30),
  slot_1_time: "10:00",
  slot_2_date: daysAhead(33),
  slot_2_time: "10:00",
};

const PULSE = {
  title: "Spring skills pulse",
  questions: "education-cooperation,hiring-next-12m",
  anonymity: "named",
  closes_date: daysAhead(14),
  closes_time: "16:00",
  results_live: "no",
};

describe("Teams: a retried form submission acts once", () => {
  it("ennakko.setup-cluster: one cluster", async () => {
    const created = await energyCluster();
    await retryChangesNothing(created);
    expect(await bot.db.prisma.cluster.count()).toBe(1);
  });

  it("ennakko.measure-add: one measure, one message to its owner", async () => {
    await energyCluster();
    const turn = await submitForm("measure add", {
      title: "Hydrogen welding course",
      owner: await personIdOf(olli),
      due_date: daysAhead(60),
    });
    expect(await bot.db.prisma.measure.count()).toBe(1);
    await retryChangesNothing(turn);
    expect(await bot.db.prisma.measure.count()).toBe(1);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(1);
  });

  it("ennakko.measure-add: four copies of one invoke at once make one measure", async () => {
    await energyCluster();
    const turn = await say(emma, "measure add");
    const reply = onlyReply(turn);
    const activity = cardAction({
      serviceUrl: connector.serviceUrl,
      from: emma,
      card: cardOf(reply),
      replyToId: reply.answeredId!,
      where: inChannel(energy, turn.activity.id as string),
      inputs: { title: "Hydrogen welding course", owner: await personIdOf(olli), due_date: daysAhead(60) },
    });
    // The same activity (same id) four times at once, as a retry storm would deliver it.
    const copies = await Promise.all([1, 2, 3, 4].map(() => send(activity)));
    const texts = copies.map((c) => cardTexts(invokeCard(c))[0]);
    expect(texts.filter((t) => t === toCardMarkdown(en("interaction.repeated")))).toHaveLength(3);
    expect(await bot.db.prisma.measure.count()).toBe(1);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(1);
  });

  it("ennakko.plan-meeting: one meeting, one poll, one message to each member", async () => {
    await energyCluster();
    const turn = await submitForm("meeting plan", PLAN);
    expect(turn.calls.map((c) => c.operation)).toEqual(["reply"]);
    const outbox = await bot.db.prisma.outboxMessage.count();
    await retryChangesNothing(turn);
    expect(await bot.db.prisma.meeting.count()).toBe(1);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(outbox);
  });

  it("ennakko.pulse-new and ennakko.pulse-copy: one pulse, one copy", async () => {
    await energyCluster();
    const created = await submitForm("pulse new", PULSE);
    expect(await bot.db.prisma.pulse.count()).toBe(1);
    await retryChangesNothing(created);
    const copied = await submitForm("pulse copy", {
      title: "Autumn skills pulse",
      opens_date: daysAhead(20),
      closes_date: daysAhead(34),
      closes_time: "16:00",
    });
    expect(await bot.db.prisma.pulse.count()).toBe(2);
    await retryChangesNothing(copied);
    expect(await bot.db.prisma.pulse.count()).toBe(2);
  });
});

describe("Teams: buttons", () => {
  it("a retried 'Done' acts once; four different presses at once record one change", async () => {
    await energyCluster();
    await submitForm("measure add", {
      title: "Hydrogen welding course",
      owner: await personIdOf(olli),
      due_date: daysAhead(60),
    });
    const sent = (await deliverOutbox()).find((c) => c.operation === "send")!;
    const where = inPrivate(sent.conversationId!);
    const started = await press(olli, cardOf(sent), sent.answeredId!, where, "ennakko.measure.started");
    expect(await bot.db.prisma.measure.findFirstOrThrow()).toMatchObject({ status: "STARTED" });
    await retryChangesNothing(started);

    const presses = await Promise.all(
      [1, 2, 3, 4].map(() => press(olli, cardOf(sent), sent.answeredId!, where, "ennakko.measure.done")),
    );
    const texts = presses.map((p) => cardTexts(invokeCard(p))[0]);
    expect(texts.filter((t) => t?.includes("(100 %)"))).toHaveLength(1);
    expect(await bot.db.prisma.measureUpdate.count({ where: { status: "DONE" } })).toBe(1);
    expect(await bot.db.prisma.outboxMessage.count({ where: { key: { contains: ":update:" } } })).toBe(2);
  });

  it("a retried message (same activity id) runs its command once", async () => {
    await energyCluster();
    const joined = await say(teamsUser("Saara Member", english), "join");
    onlyReply(joined);
    const before = await tableDigests(bot.db);
    const again = await send(joined.activity);
    expect(again.calls.map((c) => c.operation)).toEqual(["reply"]);
    expect(JSON.stringify(again.calls[0]!.body)).toContain(toCardMarkdown(en("interaction.repeated")));
    expect(await tableDigests(bot.db)).toEqual(before);
  });
});
