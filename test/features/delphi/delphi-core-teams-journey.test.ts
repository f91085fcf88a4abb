// Delphi rounds on Teams, end to end through the real CloudAdapter and the strict Bot Connector fake:
// "@Ennakko delphi new" → a form card (bad input answered under its field); the outbox posts each
// participant's sheet in their 1:1 chat; Action.Execute opens the rating form card and the answer
// redraws the sheet; the group figure shows from the third answer; an outlier explains; a second
// submit changes nothing; an observer cannot answer; the job closes the round (clock travel); round 2
// shows round 1's distribution and reasons, and a member sees how their answer moved.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { daysAhead } from "../../support/helsinki-dates.ts";
import {
  cardTexts,
  executeActions,
  type Json,
  teamsChannel,
  teamsUser,
  type Where,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  errorsOn,
  expectNoApology,
  inPrivate,
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const ZONE = "Europe/Helsinki";
let bot: TestBot;
let connector: FakeBotConnector;
let travel = 0;
const clock = { now: () => new Date(Date.now() + travel) };

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}, { jobs: "manual", clock }));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  travel = 0;
  await truncateAll(bot.db);
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const saara = teamsUser("Saara Member", { locale: "sv-FI", timeZone: ZONE });
const lauri = teamsUser("Lauri Member", english);
const olga = teamsUser("Olga Observer", english);
const energy = teamsChannel("Energy");

const { say, submitCard, pressAction, deliverOutbox, personIdOf, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);

async function energyCluster() {
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, saara, lauri, olga]) onlyReply(await say(member, "join"));
  await bot.db.prisma.membership.updateMany({
    where: { personId: await personIdOf(olga) },
    data: { role: "OBSERVER" },
  });
  connector.reset();
}

const VALID = {
  title: "Energy 2035",
  statements: "Hydrogen trucks run half the freight.\nThe pit closes.\n\nRemote work empties the centre.",
  scales: "probability,year",
  unit: "likert5",
  closes_date: daysAhead(7),
  closes_time: "16:00",
};

async function newDelphiForm() {
  const turn = await say(emma, "delphi new");
  const reply = onlyReply(turn);
  const where: Where = { channel: energy, threadId: turn.activity.id as string };
  return { card: cardOf(reply), messageId: reply.answeredId!, where };
}

type Sheet = { card: Json; messageId: string; where: Where };

async function deliveredSheets(): Promise<Map<string, Sheet>> {
  const calls = await deliverOutbox();
  const sheets = new Map<string, Sheet>();
  const people = await bot.db.prisma.conversationRef.findMany({ where: { scope: "PERSONAL" } });
  for (const call of calls.filter((c: ConnectorCall) => c.operation === "send")) {
    const ref = people.find((p) => p.conversationId === call.conversationId);
    if (ref?.personId)
      sheets.set(ref.personId, {
        card: cardOf(call),
        messageId: call.answeredId!,
        where: inPrivate(call.conversationId!),
      });
  }
  return sheets;
}

const texts = (card: Json) => cardTexts(card).join("\n");
const action = (card: Json, verb: string) => {
  const found = executeActions(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} on ${texts(card).slice(0, 300)}`);
  return found;
};

/** Presses the first Answer of `sheet`, submits the form card; returns the form and the new sheet. */
async function rate(user: typeof mikko, sheet: Sheet, probability: string, year: string) {
  const form = invokeCard(
    await pressAction(user, sheet.where, action(sheet.card, "ennakko.delphi.answer"), sheet.messageId),
  );
  const card = invokeCard(await submitCard(user, form, sheet.messageId, sheet.where, { probability, year }));
  return { form, card };
}

it("runs a Delphi on Teams from the form card to round 2", async () => {
  await energyCluster();
  // A member cannot create; the organiser's bad input stays on the form card.
  expect(texts(cardOf(onlyReply(await say(mikko, "delphi new"))))).toContain("role");
  const form = await newDelphiForm();
  const two = invokeCard(
    await submitCard(emma, form.card, form.messageId, form.where, { ...VALID, statements: "One.\nTwo." }),
  );
  expect(errorsOn(two)).toEqual(["Write 3 to 20 statements, one per line (now 2 statements)."]);
  const past = invokeCard(
    await submitCard(emma, form.card, form.messageId, form.where, { ...VALID, closes_date: daysAhead(-2) }),
  );
  expect(errorsOn(past)).toEqual(["The closing time must be at least an hour from now."]);
  expect(await bot.db.prisma.delphi.count()).toBe(0);
  const created = invokeCard(await submitCard(emma, form.card, form.messageId, form.where, VALID));
  expect(texts(created)).toContain("**Energy 2035** is out: 4 members get its 3 statements");

  const sheets = await deliveredSheets();
  expect(sheets.size).toBe(4);
  expect(sheets.has(await personIdOf(olga))).toBe(false);
  const announcement = connector.calls.find(
    (c) => c.operation === "send" && JSON.stringify(cardOf(c)).includes("3 statements about our future"),
  );
  expect(announcement).toBeDefined();
  const mikkoSheet = sheets.get(await personIdOf(mikko))!;
  expect(texts(mikkoSheet.card)).toContain("0 of 3 answered.");
  expect(texts(sheets.get(await personIdOf(saara))!.card)).toContain("0 av 3 besvarade.");

  // The observer presses a forwarded button: refused, nothing written.
  const observer = await pressAction(
    olga,
    mikkoSheet.where,
    action(mikkoSheet.card, "ennakko.delphi.answer"),
    mikkoSheet.messageId,
  );
  expect(JSON.stringify(observer.body ?? observer.calls)).toContain("Your role does not allow that");

  // A forged value comes back under its field; then the answer redraws the sheet.
  const mikkoForm = invokeCard(
    await pressAction(
      mikko,
      mikkoSheet.where,
      action(mikkoSheet.card, "ennakko.delphi.answer"),
      mikkoSheet.messageId,
    ),
  );
  const forged = invokeCard(
    await submitCard(mikko, mikkoForm, mikkoSheet.messageId, mikkoSheet.where, {
      probability: "9",
      year: "2031",
    }),
  );
  expect(errorsOn(forged)).toEqual([
    "That is not a value of the scale “Probability”. Pick one from the list.",
  ]);
  const mikkoAfter = invokeCard(
    await submitCard(mikko, mikkoForm, mikkoSheet.messageId, mikkoSheet.where, {
      probability: "2",
      year: "2030",
    }),
  );
  expect(texts(mikkoAfter)).toContain("Probability: the group figure shows from 3 answers");
  // The same form submitted again: nothing changes, and the sheet says why.
  const again = invokeCard(
    await submitCard(mikko, mikkoForm, mikkoSheet.messageId, mikkoSheet.where, {
      probability: "5",
      year: "2040",
    }),
  );
  expect(texts(again)).toContain("You already answered this statement in this round");
  expect((await bot.db.prisma.delphiPool.findFirstOrThrow()).ratings).toEqual([
    { probability: 2, year: 2030 },
  ]);

  const saaraDone = await rate(saara, sheets.get(await personIdOf(saara))!, "4", "2035");
  expect(texts(saaraDone.card)).toContain("gruppens siffra visas från 3 svar");
  const lauriDone = await rate(lauri, sheets.get(await personIdOf(lauri))!, "4", "2035");
  expect(texts(lauriDone.card)).toContain("Probability: median 4, middle range 3–4");

  // Emma answers 1: below the middle range, asked why, and explains.
  const emmaSheet = sheets.get(await personIdOf(emma))!;
  const emmaDone = await rate(emma, emmaSheet, "1", "2031");
  expect(texts(emmaDone.card)).toContain("Your answer lies below the group's middle range");
  const why = invokeCard(
    await pressAction(
      emma,
      emmaSheet.where,
      action(emmaDone.card, "ennakko.delphi.explain"),
      emmaSheet.messageId,
    ),
  );
  const explained = invokeCard(
    await submitCard(emma, why, emmaSheet.messageId, emmaSheet.where, { reason: "Fuel cells stay dear." }),
  );
  expect(executeActions(explained).some((a) => a.verb === "ennakko.delphi.explain")).toBe(false);

  // The job closes the round at its time (the bot's clock travels past it).
  travel = (await bot.db.prisma.delphi.findFirstOrThrow()).roundClosesAt!.getTime() - Date.now() + 60_000;
  expect(await bot.bot.jobs!.scheduler.tick("close-due-delphi-rounds")).toBe("ran");
  const closedNote = (await deliverOutbox()).find((c) =>
    JSON.stringify(cardOf(c)).includes("is closed: 4 members took part"),
  );
  expect(closedNote).toBeDefined();

  // Round 2: opened by the organiser; the sheets show round 1 and the reason; Mikko moves.
  const next = cardOf(onlyReply(await say(emma, `delphi next ${daysAhead(12)}`)));
  expect(texts(next)).toContain("Round 2 of **Energy 2035** is open until");
  const round2 = await deliveredSheets();
  const mikko2 = round2.get(await personIdOf(mikko))!;
  expect(texts(mikko2.card)).toContain("Round 1 (4 answers):");
  expect(texts(mikko2.card)).toContain("“Fuel cells stay dear.” (below the middle range)");
  const moved = await rate(mikko, mikko2, "3", "2030");
  expect(texts(moved.card)).toContain("Probability: you moved from 2 to 3.");
});

it("answers a Delphi on one 1–5 scale with one click per statement on Teams, once", async () => {
  await energyCluster();
  const form = await newDelphiForm();
  const created = invokeCard(
    await submitCard(emma, form.card, form.messageId, form.where, { ...VALID, scales: "probability" }),
  );
  expect(errorsOn(created)).toEqual([]);
  expect(texts(created)).toContain("**Energy 2035** is out: 4 members get its 3 statements");
  const sheets = await deliveredSheets();
  expect(sheets.size).toBe(4);
  const sheet = sheets.get(await personIdOf(mikko))!;
  // Five value buttons per open statement, and the form for an answer with a reason.
  const values = executeActions(sheet.card).filter((a) => a.verb === "ennakko.delphi.rate");
  expect(values).toHaveLength(15);
  expect(executeActions(sheet.card).filter((a) => a.verb === "ennakko.delphi.answer")).toHaveLength(3);

  const four = values.find((a) => String((a.data as { value?: string } | undefined)?.value).endsWith("|4"))!;
  const redrawn = invokeCard(await pressAction(mikko, sheet.where, four, sheet.messageId));
  expect(texts(redrawn)).toContain("1 of 3 answered.");
  expect(texts(redrawn)).toContain("Your answer: Probability 4");
  // The same button again (a double click, a retry): nothing more is written.
  const again = invokeCard(await pressAction(mikko, sheet.where, four, sheet.messageId));
  expect(texts(again)).toContain("You already answered this statement in this round");
  expect(await bot.db.prisma.delphiAnswered.count()).toBe(1);
  const pools = await bot.db.prisma.delphiPool.findMany();
  expect(pools.map((p) => p.ratings)).toEqual([[{ probability: 4 }]]);
});
