// Signals capture on Teams, through the real CloudAdapter over HTTP and the strict fake Bot Framework
// Connector: "Save as signal" as a message action (composeExtension/fetchTask → dialog with the
// message linked and attributed, composeExtension/submitAction → saved once, card posted); rating
// and curating with Action.Execute on the card; `@Ennakko signal` as a form card.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MessageKey, type Params, translator } from "../../../src/kernel/i18n/catalog.ts";
import { toCardMarkdown, toTeamsPlainText } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import {
  executeActions,
  invoke,
  type Json,
  type TeamsUser,
  teamsChannel,
  teamsUser,
  textBlockTexts,
} from "../../support/teams-activities.ts";
import {
  allTextBlockTexts,
  attachedCard,
  expectNoApology,
  inChannel,
  inputsOf,
  invokeCard,
  singleReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
afterEach(() => expectNoApology(connector.calls, { apologies: [en], texts: allTextBlockTexts }));

const english = { locale: "en-US", timeZone: "Europe/Helsinki" };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const sanna = teamsUser("Sanna Member", english);
const pia = teamsUser("Pia Member", english);
const osku = teamsUser("Osku Observer", english);
const energy = teamsChannel("Energy");

const en = translator("en");
/** A dialog's message: plain text, Markdown's emphasis dropped. */
const plain = (key: MessageKey, params?: Params) => en(key, params).replaceAll("*", "");
const shown = (key: MessageKey, params?: Params) => toCardMarkdown(en(key, params));
const journey = teamsJourney(() => ({ bot, connector }), energy);
const say = (from: TeamsUser, text: string, mentions: TeamsUser[] = []) =>
  journey.say(from, text, inChannel(energy), mentions);
const textsOf = (card: Json) => JSON.stringify(card);

beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  const setup = singleReply(await say(emma, "setup Energy"));
  await journey.submit(emma, setup, inChannel(energy, setup.answeredId), {});
  for (const member of [mikko, sanna, pia, osku]) singleReply(await say(member, "join"));
  await say(emma, "role {Osku Observer} observer", [osku]);
  expect(await bot.db.prisma.membership.count({ where: { role: "OBSERVER" } })).toBe(1);
  connector.reset();
});

const LINK = "https://teams.microsoft.com/l/message/19%3Aenergy%40thread.tacv2/1763800000999?groupId=g1";
const messagePayload = {
  id: "1763800000999",
  messageType: "message",
  linkToMessage: LINK,
  body: {
    contentType: "html",
    content: "<p>Three hydrogen buses ordered in Oulu &amp; more coming</p>",
  },
  from: { user: { id: mikko.aadObjectId, displayName: mikko.name } },
};

function messageAction(from: TeamsUser, name: string, value: Json) {
  const activity = invoke({
    serviceUrl: connector.serviceUrl,
    from,
    where: inChannel(energy, messagePayload.id),
    verb: "unused",
    data: {},
    replyToId: messagePayload.id,
  });
  return journey.send({ ...activity, name, value });
}
const fetchTask = (from: TeamsUser) =>
  messageAction(from, "composeExtension/fetchTask", {
    commandId: "saveSignal",
    commandContext: "message",
    messagePayload,
    context: { theme: "default" },
  });
const submitAction = (from: TeamsUser, data: Json) =>
  messageAction(from, "composeExtension/submitAction", {
    commandId: "saveSignal",
    commandContext: "message",
    messagePayload,
    data,
  });

const typed = {
  title: "Hydrogen buses in Oulu",
  seen: "Mikko Member: three hydrogen buses ordered",
  source: "https://example.org/h2",
  category: "TECHNOLOGICAL",
  significance: "4",
  timeliness: "2",
};

/** Saves a signal from the message as Sanna; returns its id and the card as posted. */
async function savedSignal() {
  const dialog = (await fetchTask(sanna)).body as Json;
  const card = dialog.task.value.card.content as Json;
  const submitted = await submitAction(sanna, { ...(card.actions as Json[])[0]!.data, ...typed });
  expect(submitted.body).toEqual({
    task: { type: "message", value: plain("signal.saved", { title: "Hydrogen buses in Oulu" }) },
  });
  const posted = submitted.calls.find((c) => c.operation === "reply" || c.operation === "send")!;
  expect(posted.status).toBe(200);
  const signal = await bot.db.prisma.signal.findFirstOrThrow();
  return { signalId: signal.id, card: attachedCard(posted), messageId: posted.answeredId! };
}

function press(from: TeamsUser, card: Json, messageId: string, verb: string) {
  const action = executeActions(card).find((a) => a.verb === verb);
  if (!action) throw new Error(`no ${verb} button`);
  return journey.pressAction(from, inChannel(energy, messageId), action, messageId);
}

describe("Teams: saving a signal", () => {
  it("the message action opens a dialog with the message linked and attributed; saved once; card posted", async () => {
    // An observer is told why; nothing opens.
    expect((await fetchTask(osku)).body).toEqual({ task: { type: "message", value: en("error.FORBIDDEN") } });

    const fetched = await fetchTask(sanna);
    const task = (fetched.body as Json).task;
    expect(task).toMatchObject({ type: "continue", value: { title: en("signal.form.title") } });
    const dialog = task.value.card.content as Json;
    expect(textsOf(dialog)).toContain(LINK);
    const seen = inputsOf(dialog).find((i) => i.id === "seen")!;
    expect(seen.value).toBe("Mikko Member: Three hydrogen buses ordered in Oulu & more coming");
    const submit = (dialog.actions as Json[])[0]!;
    expect(submit.type).toBe("Action.Submit");

    // Bad input: the dialog comes back with the errors under the fields.
    const bad = await submitAction(sanna, {
      ...submit.data,
      ...typed,
      title: "",
      source: "file:///etc/passwd",
    });
    const errorCard = (bad.body as Json).task.value.card.content as Json;
    expect(textsOf(errorCard)).toContain(en("signal.invalid.title"));
    expect(textsOf(errorCard)).toContain(en("signal.invalid.source"));
    expect(await bot.db.prisma.signal.count()).toBe(0);

    const data = { ...submit.data, ...typed };
    const saved = await submitAction(sanna, data);
    expect(saved.body).toEqual({
      task: { type: "message", value: plain("signal.saved", { title: "Hydrogen buses in Oulu" }) },
    });
    const posts = saved.calls.filter((c) => c.operation === "reply" || c.operation === "send");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(200);
    const card = attachedCard(posts[0]!);
    for (const text of ["Hydrogen buses in Oulu", "Technological", "saved by Sanna Member", LINK])
      expect(textsOf(card)).toContain(text);

    // The same dialog submitted again saves nothing more and posts nothing.
    const again = await submitAction(sanna, data);
    expect(again.body).toEqual({ task: { type: "message", value: en("signal.duplicate") } });
    expect(again.calls.filter((c) => c.operation === "reply" || c.operation === "send")).toHaveLength(0);

    const signal = await bot.db.prisma.signal.findFirstOrThrow({ include: { savedBy: true } });
    expect(signal).toMatchObject({ messageLink: LINK, category: "TECHNOLOGICAL", timeliness: 2 });
    expect(signal.savedBy?.displayName).toBe("Sanna Member");
    expect(await bot.db.prisma.signal.count()).toBe(1);
    expect(
      await bot.db.prisma.postedMessage.count({ where: { subjectType: "signal", subjectId: signal.id } }),
    ).toBe(1);
  });

  it("'@Ennakko signal' answers with the form card; an unknown category stays in the form", async () => {
    const reply = singleReply(await say(pia, "signal"));
    const form = attachedCard(reply);
    expect(inputsOf(form).map((i) => [i.id, i.type])).toEqual([
      ["title", "Input.Text"],
      ["seen", "Input.Text"],
      ["source", "Input.Text"],
      ["category", "Input.ChoiceSet"],
      ["significance", "Input.ChoiceSet"],
      ["timeliness", "Input.ChoiceSet"],
    ]);
    const bad = invokeCard(
      await journey.submitCard(pia, form, reply.answeredId!, inChannel(energy), {
        ...typed,
        seen: "Seen at the fair",
        category: "ASTROLOGICAL",
      }),
    );
    expect(textsOf(bad)).toContain(en("signal.invalid.category"));
    expect(await bot.db.prisma.signal.count()).toBe(0);

    const saved = await journey.submitCard(pia, form, reply.answeredId!, inChannel(energy), {
      ...typed,
      seen: "Seen at the fair",
      source: "",
    });
    expect(textBlockTexts(invokeCard(saved))).toEqual([
      shown("signal.saved", { title: "Hydrogen buses in Oulu" }),
    ]);
    expect(saved.calls.some((c) => textsOf(c.body).includes("Seen at the fair"))).toBe(true);
    expect(await bot.db.prisma.signal.findFirstOrThrow()).toMatchObject({
      messageLink: null,
      sourceUrl: null,
    });
  });
});

describe("Teams: rating and curating a signal", () => {
  it("three members rate, one changes; the tally is redrawn; an observer is refused", async () => {
    const { card, messageId } = await savedSignal();
    await press(mikko, card, messageId, "ennakko.signal.rate.plausibility.4");
    await press(sanna, card, messageId, "ennakko.signal.rate.plausibility.2");
    await press(sanna, card, messageId, "ennakko.signal.rate.significance.4");
    await press(pia, card, messageId, "ennakko.signal.rate.plausibility.3");
    await press(mikko, card, messageId, "ennakko.signal.rate.significance.5");
    // Mikko changes his mind: one rating each still.
    const last = await press(mikko, card, messageId, "ennakko.signal.rate.plausibility.5");
    const tally = shown("signal.card.tally", { plausibility: "3.3", pn: 3, significance: "4.5", sn: 2 });
    // The clicker sees the new tally at once; everyone else's copy is redrawn through the outbox.
    expect(textsOf(invokeCard(last))).toContain(JSON.stringify(tally).slice(1, -1));
    expect(await bot.db.prisma.signalRating.count()).toBe(3);
    const updates = (await journey.deliverOutbox()).filter((c) => c.operation === "update");
    expect(updates).toHaveLength(1);
    expect(updates[0]!.status).toBe(200);
    expect(textsOf(updates[0]!.body)).toContain(JSON.stringify(tally).slice(1, -1));

    const refused = await press(osku, card, messageId, "ennakko.signal.rate.plausibility.1");
    expect(refused.body).toEqual({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: en("signal.rate.observer"),
    });
    expect(await bot.db.prisma.signalRating.count()).toBe(3);
  });

  it("an organiser links it to a measure and puts it on the agenda once", async () => {
    const { signalId, card, messageId } = await savedSignal();
    const cluster = await bot.db.prisma.cluster.findFirstOrThrow();
    const measure = await bot.db.prisma.measure.create({
      data: { clusterId: cluster.id, title: "Hydrogen skills pilot", dueDate: new Date("2027-06-30") },
    });

    const form = invokeCard(await press(emma, card, messageId, "ennakko.signal.link-measure"));
    expect(inputsOf(form).map((i) => i.id)).toEqual(["measure"]);
    const linked = await journey.submitCard(emma, form, messageId, inChannel(energy, messageId), {
      measure: measure.id,
    });
    expect(textsOf(invokeCard(linked))).toContain(
      JSON.stringify(shown("signal.linked", { title: "Hydrogen skills pilot" })).slice(1, -1),
    );
    expect((await bot.db.prisma.signal.findUniqueOrThrow({ where: { id: signalId } })).measureId).toBe(
      measure.id,
    );

    // No planned meeting yet: told so, the card stays.
    expect((await press(emma, card, messageId, "ennakko.signal.to-agenda")).body).toMatchObject({
      value: toTeamsPlainText(en("error.SIGNAL_NO_PLANNED_MEETING"), "CHANNEL"),
    });
    const plan = singleReply(await say(emma, "meeting plan"));
    await journey.submit(emma, plan, inChannel(energy, plan.answeredId), {
      title: "Spring meeting",
      slot_1_date: dayAhead(30),
      slot_1_time: "10:00",
      slot_2_date: dayAhead(33),
      slot_2_time: "10:00",
    });
    expect(await bot.db.prisma.meeting.count()).toBe(1);

    // A member may not; the organiser may, once.
    expect((await press(mikko, card, messageId, "ennakko.signal.to-agenda")).body).toMatchObject({
      value: en("error.FORBIDDEN"),
    });
    expect((await press(emma, card, messageId, "ennakko.signal.to-agenda")).body).toMatchObject({
      value: plain("signal.onAgenda", { meeting: "Spring meeting" }),
    });
    expect((await press(emma, card, messageId, "ennakko.signal.to-agenda")).body).toMatchObject({
      value: plain("signal.alreadyOnAgenda", { meeting: "Spring meeting" }),
    });
    const items = await bot.db.prisma.agendaItem.findMany();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "Hydrogen buses in Oulu", kind: "TOPIC" });

    // The card shows both after they happen.
    const updates = (await journey.deliverOutbox()).filter((c) => c.operation === "update");
    const redrawn = textsOf(updates.at(-1)!.body);
    expect(redrawn).toContain("Hydrogen skills pilot");
    expect(redrawn).toContain("Spring meeting");
  });
});
