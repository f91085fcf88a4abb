// Skill-need pulses on Teams, end to end through the real CloudAdapter and a fake Bot Connector:
// "@Ennakko pulse new" → a form card; the outbox opens each member's 1:1 chat and posts their answer
// sheet there; Action.Execute buttons answer short questions and redraw the card; the form card
// takes the longer ones; submit; the chair closes the pulse and the channel gets the results with
// native charts (Chart.* with a fallback in words); "pulse export" sends download links to the chair's personal chat.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { daysAhead } from "../../support/helsinki-dates.ts";
import {
  cardTexts,
  executeActions,
  type Json,
  type TeamsUser,
  teamsChannel,
  teamsUser,
  type Where,
} from "../../support/teams-activities.ts";
import {
  below,
  cardOf,
  download,
  downloadLinks,
  errorsOn,
  expectNoApology,
  inPrivate,
  inputsOf,
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const ZONE = "Europe/Helsinki";
const PUBLIC_URL = "https://ennakko.example.org";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({ PUBLIC_URL }, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const saara = teamsUser("Saara Member", { locale: "sv-FI", timeZone: ZONE });
const energy = teamsChannel("Energy");

const { say, submitCard, pressAction, deliverOutbox, personIdOf, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);

async function energyCluster() {
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, saara]) onlyReply(await say(member, "join"));
  connector.reset();
}

/** The chair's form card, filled in and submitted in the channel thread it was posted in. */
async function createPulse(inputs: Record<string, string>) {
  const turn = await say(emma, "pulse new");
  const reply = onlyReply(turn);
  const where: Where = { channel: energy, threadId: turn.activity.id as string };
  return submitCard(emma, cardOf(reply), reply.answeredId!, where, inputs);
}

const VALID = {
  title: "Spring skills pulse",
  questions: "education-cooperation,hiring-next-12m,skills-demand",
  anonymity: "anonymous",
  closes_date: daysAhead(14),
  closes_time: "16:00",
  results_live: "no",
  skills: "Welding\nMine automation and remote operation",
};

type Sheet = { card: Json; messageId: string; where: Where };

/** The sheets the outbox posted, by the person whose 1:1 chat they went to. */
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

const action = (card: Json, verb: string, answer?: string) => {
  const found = executeActions(card).find(
    (a) => a.verb === verb && (answer === undefined || String(a.data?.value).split("|")[2] === answer),
  );
  if (!found)
    throw new Error(`no ${verb} ${answer ?? ""} on ${JSON.stringify(cardTexts(card)).slice(0, 300)}`);
  return found;
};

/** One member answers everything: a Likert button, the form, then submit; returns the last card. */
async function answerAll(user: TeamsUser, sheet: Sheet, likert: string, hires: string, level: string) {
  const clicked = invokeCard(
    await pressAction(user, sheet.where, action(sheet.card, "ennakko.pulse.answer", likert), sheet.messageId),
  );
  const form = invokeCard(
    await pressAction(user, sheet.where, action(clicked, "ennakko.pulse.form"), sheet.messageId),
  );
  const saved = invokeCard(
    await submitCard(user, form, sheet.messageId, sheet.where, {
      q1: hires,
      q2_s0_h1: level,
      q2_s1_h5: "STABLE",
    }),
  );
  return invokeCard(
    await pressAction(user, sheet.where, action(saved, "ennakko.pulse.submit"), sheet.messageId),
  );
}

it("submitting with nothing answered says what is missing, not that an answer was not saved (issue 12)", async () => {
  await energyCluster();
  await createPulse(VALID);
  const sheet = (await deliveredSheets()).get(await personIdOf(mikko))!;
  const refused = invokeCard(
    await pressAction(mikko, sheet.where, action(sheet.card, "ennakko.pulse.submit"), sheet.messageId),
  );
  const shown = cardTexts(refused).join("\n");
  expect(shown).toContain("Not submitted yet: “");
  expect(shown).toContain("” needs an answer first.");
  expect(shown).not.toContain("was not saved");
});

it("runs an anonymous pulse: form card, sheets in 1:1 chats, buttons and a form, results with charts, export links", async () => {
  await energyCluster();
  const created = await createPulse(VALID);
  expect(cardTexts(invokeCard(created)).join(" ")).toContain(
    "**Spring skills pulse** is ready: 3 members get it",
  );

  const sheets = await deliveredSheets();
  expect(sheets.size).toBe(3);
  const announcement = connector.calls.find(
    (c) => c.operation === "send" && JSON.stringify(cardOf(c)).includes("is open: 3 members"),
  );
  expect(announcement).toBeDefined();
  const mikkoSheet = sheets.get(await personIdOf(mikko))!;
  expect(cardTexts(mikkoSheet.card).join("\n")).toContain(
    "Anonymous: your answers are stored without your name",
  );
  expect(cardTexts(sheets.get(await personIdOf(saara))!.card).join("\n")).toContain("Anonym");

  // A Likert button redraws the card for the clicker, the choice marked and a token carried on.
  const clicked = invokeCard(
    await pressAction(
      mikko,
      mikkoSheet.where,
      action(mikkoSheet.card, "ennakko.pulse.answer", "4"),
      mikkoSheet.messageId,
    ),
  );
  const chosen = action(clicked, "ennakko.pulse.answer", "4");
  expect(chosen.title).toMatch(/^✓ 4/);
  expect(String(chosen.data.value).split("|")[3]!.length).toBeGreaterThan(20);

  // The form card: an out-of-range number comes back with the problem under the field.
  const form = invokeCard(
    await pressAction(mikko, mikkoSheet.where, action(clicked, "ennakko.pulse.form"), mikkoSheet.messageId),
  );
  expect(inputsOf(form).map((i) => i.id)).toEqual(["q1", "q2_s0_h1", "q2_s0_h5", "q2_s1_h1", "q2_s1_h5"]);
  const bad = invokeCard(
    await submitCard(mikko, form, mikkoSheet.messageId, mikkoSheet.where, { q1: "20000" }),
  );
  expect(errorsOn(bad)).toEqual(["the number must be from 0 to 10000."]);
  const saved = invokeCard(
    await submitCard(mikko, form, mikkoSheet.messageId, mikkoSheet.where, {
      q1: "7",
      q2_s0_h1: "GROWING",
      q2_s1_h5: "STRONGLY_GROWING",
    }),
  );
  expect(cardTexts(saved).join("\n")).toContain("Answered 3 of 3.");
  const done = invokeCard(
    await pressAction(mikko, mikkoSheet.where, action(saved, "ennakko.pulse.submit"), mikkoSheet.messageId),
  );
  expect(cardTexts(done).join("\n")).toContain("Submitted – thank you! Your anonymous answers are final.");
  expect(executeActions(done)).toEqual([]);
  // The old card's submit button, pressed again (a retry): refused, nothing doubled.
  const again = invokeCard(
    await pressAction(mikko, mikkoSheet.where, action(saved, "ennakko.pulse.submit"), mikkoSheet.messageId),
  );
  expect(cardTexts(again).join("\n")).toContain("You have already submitted your answers");
  // One submission, waiting in the pulse's pool until it closes.
  const pool = await bot.db.prisma.pulsePool.findFirstOrThrow();
  expect(pool.responses).toHaveLength(1);

  await answerAll(emma, sheets.get(await personIdOf(emma))!, "5", "2", "STRONGLY_GROWING");
  await answerAll(saara, sheets.get(await personIdOf(saara))!, "3", "1", "GROWING");
  const status = cardOf(onlyReply(await say(emma, "pulse status")));
  expect(cardTexts(status).join("\n")).toContain("All: 3/3 answered (100%)");

  // Closing: a header and one card per question in the channel, each chart a native Chart.* element
  // with its figures in words as the fallback (the strict fake checks both), no images.
  connector.reset();
  onlyReply(await say(emma, "pulse close"));
  const posted = (await deliverOutbox()).filter((c) => c.operation === "send");
  expect(posted).toHaveLength(4);
  const charts: Json[] = [];
  let images = 0;
  for (const call of posted) {
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const o = node as Json;
        if (String(o.type).startsWith("Chart.")) charts.push(o);
        if (o.type === "Image") images += 1;
        Object.values(o).forEach(walk);
      }
    };
    walk(cardOf(call));
    expect(JSON.stringify(call).length).toBeLessThan(28_000);
  }
  expect(images).toBe(0);
  expect(charts.map((c) => c.type)).toEqual([
    "Chart.HorizontalBar",
    "Chart.HorizontalBar",
    "Chart.VerticalBar.Grouped",
  ]);
  // The skill-need chart: each skill once with full labels, the horizon of every bar in the legend.
  const grid = charts[2]!;
  expect(grid.data.map((s: Json) => s.legend)).toEqual(["in 1 year", "in 5 years"]);
  expect(grid.data[1].values.map((v: Json) => v.x)).toEqual([
    "Welding",
    "Mine automation and remote operation",
  ]);
  expect(JSON.stringify(grid.fallback)).toMatch(
    /Mine automation and remote operation: in 1 year –, in 5 years \+/,
  );
  expect(cardTexts(cardOf(posted[2]!)).join("\n")).toContain("total 10 people");

  // The export: a note in the thread, the links in Emma's personal chat, the CSV behind them.
  connector.reset();
  const exported = cardOf(onlyReply(await say(emma, "pulse export")));
  expect(cardTexts(exported).join("\n")).toContain("personal chat");
  const urls = downloadLinks(await deliverOutbox());
  expect(urls).toHaveLength(2);
  const csv = (await download(bot, urls.find((u) => u.endsWith("answers.csv"))!)).toString("utf8");
  expect(csv).toContain("education-cooperation");
  expect(csv).not.toMatch(/Emma|Mikko|Saara/);
});

it("refuses a pulse form with no questions and a member creating one, with the problem under the field", async () => {
  await energyCluster();
  const refused = cardOf(onlyReply(await say(mikko, "pulse new")));
  expect(inputsOf(refused)).toEqual([]);
  const turn = await createPulse({ ...VALID, questions: "" });
  const card = invokeCard(turn);
  expect(errorsOn(card)).toEqual(["Pick 1 to 20 questions."]);
  expect(await bot.db.prisma.pulse.count()).toBe(0);
  const early = await createPulse({ ...VALID, closes_date: daysAhead(-1) });
  expect(errorsOn(invokeCard(early))).toEqual(["The pulse must close after it opens."]);
});

it("refuses the form's defaults while the cluster lists no skills, saying why under the skills field", async () => {
  // Every bank question is ticked by default, the skill-need grid among them; a new cluster has no
  // skills. Sent, that pulse could never be submitted: a grid with no rows, a choice with no choices.
  await energyCluster();
  const turn = await createPulse({ title: "Autumn pulse" });
  const card = invokeCard(turn);
  expect(errorsOn(card)).toEqual([translator("en")("pulse.invalid.NO_SKILLS")]);
  expect(below(card, "title")?.color).not.toBe("Attention");
  expect(below(card, "skills")).toMatchObject({ color: "Attention" });
  expect(await bot.db.prisma.pulse.count()).toBe(0);
  // Listing the skills in the same form sends it.
  const sent = await createPulse({ title: "Autumn pulse", skills: "Welding" });
  expect(cardTexts(invokeCard(sent))[0]).toContain("**Autumn pulse** is ready");
});
