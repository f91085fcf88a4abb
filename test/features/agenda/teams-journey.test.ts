// The agenda and meeting-record journeys on Teams, through the real CloudAdapter over HTTP and the
// fake Bot Framework Connector: "@Ennakko agenda add" → a form card; upvotes and the chair's curation
// as Action.Execute on the agenda card (the invoke answer redraws it for the clicker); recording
// attendance with a multi-select ChoiceSet, outcomes and decisions; "Record as decision" as a message
// action (composeExtension/fetchTask → dialog, composeExtension/submitAction → recorded).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MessageKey, type Params, translator } from "../../../src/kernel/i18n/catalog.ts";
import { toCardMarkdown } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
// This journey's days step 24 hours at a time (the dates typed into the plan form).
import { dayAhead as daysAhead } from "../../support/helsinki-dates.ts";
import { startMeetingTenMinutesAgo } from "../../support/meetings.ts";
// This journey reads cards more loosely than the others: TextBlocks only, the card attachment without
// its version, the invoke answer as it is, and the one reply without checking its thread.
import {
  textBlockTexts as cardTexts,
  executeActions,
  invoke,
  type Json,
  type TeamsUser,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  allTextBlockTexts as allCardTexts,
  CARD,
  attachedCard as cardOf,
  expectNoApology,
  inChannel,
  inputsOf,
  invokeAnswer as invokeCard,
  singleReply as onlyReply,
  startTeamsBot,
  stopTeamsBot,
  type Turn,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const ZONE = "Europe/Helsinki";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}));
});
afterAll(() => stopTeamsBot(bot, connector));
afterEach(() => expectNoApology(connector.calls, { apologies: [en], texts: allCardTexts }));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const sanna = teamsUser("Sanna Secretary", english);
const energy = teamsChannel("Energy");

const en = translator("en");
const shown = (key: MessageKey, params?: Params) => toCardMarkdown(en(key, params));

const journey = teamsJourney(() => ({ bot, connector }), energy);
const { send } = journey;
function say(from: TeamsUser, text: string, mentions: TeamsUser[] = []): Promise<Turn> {
  return journey.say(from, text, inChannel(energy), mentions);
}
const textOf = (card: Json) => cardTexts(card).join("\n");

/** Submits a form card (its one Action.Execute) with what the person typed. */
function submit(from: TeamsUser, card: Json, messageId: string, inputs: Record<string, string>) {
  return journey.submitCard(from, card, messageId, inChannel(energy), inputs);
}

/** Presses the button `verb` that follows the text mentioning `near` (or the first such button). */
function press(from: TeamsUser, card: Json, verb: string, near?: string): Promise<Turn> {
  const body = card.body as Json[];
  const start = near ? body.findIndex((e) => e.type === "TextBlock" && String(e.text).includes(near)) : 0;
  if (start < 0) throw new Error(`no "${near}" on the card`);
  const action = executeActions({ body: body.slice(start) }).find((a) => a.verb === verb);
  if (!action) throw new Error(`no ${verb} button${near ? ` after "${near}"` : ""}`);
  return journey.pressAction(from, inChannel(energy), action, "1:card-message");
}
const verbs = (card: Json) => executeActions(card).map((a) => a.verb);

beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  const setup = onlyReply(await say(emma, "setup Energy"));
  await submit(emma, cardOf(setup), setup.answeredId!, {});
  for (const member of [mikko, sanna]) onlyReply(await say(member, "join"));
  await say(emma, "role {Sanna Secretary} secretary", [sanna]);
  const form = onlyReply(await say(emma, "meeting plan"));
  const planned = await submit(emma, cardOf(form), form.answeredId!, {
    title: "Spring meeting",
    slot_1_date: daysAhead(30),
    slot_1_time: "10:00",
    slot_2_date: daysAhead(33),
    slot_2_time: "10:00",
    place: "Rovaniemi",
    deadline_date: daysAhead(20),
    deadline_time: "16:00",
  });
  expect(planned.status).toBe(200);
  expect(await bot.db.prisma.meeting.count()).toBe(1);
  expect(
    (await bot.db.prisma.membership.findMany({ include: { person: true } })).find(
      (m) => m.person.displayName === "Sanna Secretary",
    )?.role,
  ).toBe("SECRETARY");
  connector.reset();
});

async function propose(from: TeamsUser, title: string) {
  const form = cardOf(onlyReply(await say(from, "agenda add")));
  return invokeCard(await submit(from, form, "1:form", { title, kind: "TOPIC" }));
}

describe("Teams: the agenda", () => {
  it("a member proposes with a form card; errors come back under the field; the same card twice adds once", async () => {
    const reply = onlyReply(await say(mikko, "agenda add"));
    const form = cardOf(reply);
    expect(inputsOf(form).map((i) => [i.id, i.type])).toEqual([
      ["title", "Input.Text"],
      ["kind", "Input.ChoiceSet"],
      ["details", "Input.Text"],
    ]);
    expect(verbs(form)).toEqual(["ennakko.agenda-add"]);

    const bad = invokeCard(await submit(mikko, form, reply.answeredId!, { title: "ab" }));
    const body = bad.body as Json[];
    expect(body[body.findIndex((e) => e.id === "title") + 1]).toMatchObject({
      text: en("agenda.invalid.title"),
      color: "Attention",
    });
    expect(await bot.db.prisma.agendaItem.count()).toBe(0);

    const inputs = { title: "Hydrogen valley", kind: "PROBLEM", details: "Where we stand" };
    const added = invokeCard(await submit(mikko, form, reply.answeredId!, inputs));
    expect(cardTexts(added)[0]).toBe("Agenda: Spring meeting");
    expect(textOf(added)).toContain(
      shown("agenda.added", { title: "Hydrogen valley", meeting: "Spring meeting" }),
    );
    expect(textOf(added)).toContain("Problem spot · proposed by Mikko Member · 👍 0");

    // A double click on the form's button.
    const again = invokeCard(await submit(mikko, form, reply.answeredId!, inputs));
    expect(textOf(again)).toContain(shown("agenda.duplicate", { title: "Hydrogen valley" }));
    expect(await bot.db.prisma.agendaItem.count()).toBe(1);
  });

  it("members upvote once; the chair accepts, orders and time-boxes; the card redraws for the clicker", async () => {
    await propose(mikko, "Hydrogen valley");
    await propose(sanna, "Welding skills");
    const forSanna = cardOf(onlyReply(await say(sanna, "agenda")));
    expect(verbs(forSanna)).toEqual(["ennakko.agenda.add", "ennakko.agenda.vote", "ennakko.agenda.vote"]);
    expect(textOf(forSanna)).toContain(shown("agenda.followUp"));

    const voted = invokeCard(await press(sanna, forSanna, "ennakko.agenda.vote", "Hydrogen valley"));
    expect(textOf(voted)).toContain("proposed by Mikko Member · 👍 1");
    expect(executeActions(voted).find((a) => a.verb === "ennakko.agenda.vote")?.title).toBe(
      "Take my vote back",
    );
    // The stale card's Upvote again: still one vote.
    await press(sanna, forSanna, "ennakko.agenda.vote", "Hydrogen valley");
    expect(await bot.db.prisma.agendaVote.count()).toBe(1);

    // Someone else's card in the thread: the secretary pressing the chair's Accept is refused.
    const forChair = cardOf(onlyReply(await say(emma, "agenda")));
    const refused = invokeCard(await press(sanna, forChair, "ennakko.agenda.accept", "Welding skills"));
    expect(cardTexts(refused)).toEqual([shown("error.FORBIDDEN")]);

    let card = invokeCard(await press(emma, forChair, "ennakko.agenda.accept", "Hydrogen valley"));
    card = invokeCard(await press(emma, card, "ennakko.agenda.accept", "Welding skills"));
    card = invokeCard(await press(emma, card, "ennakko.agenda.up", "Welding skills"));
    expect(textOf(card)).toContain("**1. Welding skills**");
    expect(textOf(card)).toContain("**2. Hydrogen valley**");

    const timebox = invokeCard(await press(emma, card, "ennakko.agenda.timebox", "Hydrogen valley"));
    expect(inputsOf(timebox)).toEqual([
      expect.objectContaining({ id: "minutes", type: "Input.ChoiceSet", value: "none" }),
    ]);
    const boxed = invokeCard(await submit(emma, timebox, "1:form", { minutes: "30" }));
    expect(textOf(boxed)).toContain("**2. Hydrogen valley** · 30 min");
    expect(textOf(boxed)).toContain(en("agenda.totalTime", { minutes: 30 }));

    // A forged time box is answered, not stored.
    const forged = invokeCard(await submit(emma, timebox, "1:form", { minutes: "7" }));
    expect(cardTexts(forged)).toEqual([shown("parse.unknownAction")]);
    expect(
      (await bot.db.prisma.agendaItem.findFirstOrThrow({ where: { title: "Hydrogen valley" } }))
        .timeboxMinutes,
    ).toBe(30);
  });

  it("after the deadline, additions and votes are refused with a clear message", async () => {
    const card = await propose(mikko, "Hydrogen valley");
    await bot.db.prisma.meeting.updateMany({ data: { agendaDeadline: new Date(Date.now() - 1000) } });
    expect(cardTexts(cardOf(onlyReply(await say(sanna, "agenda add"))))).toEqual([
      shown("error.AGENDA_CLOSED", { title: "Spring meeting" }),
    ]);
    const late = invokeCard(await press(sanna, card, "ennakko.agenda.vote", "Hydrogen valley"));
    expect(cardTexts(late)).toEqual([shown("error.AGENDA_CLOSED", { title: "Spring meeting" })]);
    expect(await bot.db.prisma.agendaVote.count()).toBe(0);
  });
});

async function meetingUnderway() {
  await propose(mikko, "Hydrogen valley");
  await propose(mikko, "Welding skills");
  const meeting = await startMeetingTenMinutesAgo(bot.db);
  connector.reset();
  return meeting;
}

describe("Teams: recording the meeting", () => {
  it("attendance with a multi-select ChoiceSet (comma-separated), outcomes with buttons, the meeting HELD", async () => {
    const meeting = await meetingUnderway();
    expect(cardTexts(cardOf(onlyReply(await say(mikko, "record"))))).toEqual([shown("error.FORBIDDEN")]);
    const record = cardOf(onlyReply(await say(sanna, "record")));
    expect(cardTexts(record)[0]).toBe("Record: Spring meeting");

    const form = invokeCard(await press(sanna, record, "ennakko.record.attendance"));
    const [present] = inputsOf(form);
    expect(present).toMatchObject({ id: "present", type: "Input.ChoiceSet", isMultiSelect: true });
    const ids = Object.fromEntries((present!.choices as Json[]).map((c) => [c.title, c.value]));
    expect(Object.keys(ids)).toEqual(["Emma Chair", "Mikko Member", "Sanna Secretary"]);

    const saved = invokeCard(
      await submit(sanna, form, "1:form", { present: `${ids["Emma Chair"]},${ids["Sanna Secretary"]}` }),
    );
    expect(textOf(saved)).toContain(en("record.attendanceSaved", { present: 2, absent: 1 }));
    expect(textOf(saved)).toContain("Present (2): Emma Chair, Sanna Secretary");
    expect(textOf(saved)).toContain("Absent (1): Mikko Member");
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      status: "HELD",
    });

    // The attendance form again shows who was marked present.
    const reopened = invokeCard(await press(sanna, saved, "ennakko.record.attendance"));
    expect(inputsOf(reopened)[0]!.value).toBe(`${ids["Emma Chair"]},${ids["Sanna Secretary"]}`);

    const marked = invokeCard(await press(sanna, saved, "ennakko.record.discussed", "Hydrogen valley"));
    expect(textOf(marked)).toContain("**1. Hydrogen valley** — discussed");
    await press(sanna, marked, "ennakko.record.deferred", "Welding skills");
    expect(
      (await bot.db.prisma.agendaItem.findMany({ orderBy: { position: "asc" } })).map((i) => i.status),
    ).toEqual(["DISCUSSED", "DEFERRED"]);
  });

  it("decide: a form card with the agenda items; recorded once, announced in the thread", async () => {
    await meetingUnderway();
    const reply = onlyReply(await say(emma, "decide"));
    const form = cardOf(reply);
    expect(textOf(form)).toContain(shown("decision.forMeeting", { title: "Spring meeting" }));
    const item = inputsOf(form).find((i) => i.id === "item")!;
    const valley = (item.choices as Json[]).find((c) => c.title === "Hydrogen valley")!.value as string;

    const inputs = { text: "Apply for the valley fund", item: valley };
    const turn = await submit(emma, form, reply.answeredId!, inputs);
    expect(cardTexts(invokeCard(turn))).toEqual([en("decision.saved")]);
    const posted = turn.calls.filter((c) => c.operation === "reply");
    expect(posted.flatMap(allCardTexts)).toEqual([
      toCardMarkdown("📌 *Decision of Spring meeting* on “Hydrogen valley”: Apply for the valley fund"),
    ]);
    const again = await submit(emma, form, reply.answeredId!, inputs);
    expect(cardTexts(invokeCard(again))).toEqual([en("decision.duplicate")]);
    expect(again.calls).toEqual([]);
    expect(await bot.db.prisma.decision.count()).toBe(1);
  });

  it("a decision written as a markdown link is posted as text: the card links nowhere", async () => {
    await meetingUnderway();
    const reply = onlyReply(await say(emma, "decide"));
    const written = "[Click to verify](https://evil.example/login)";
    const turn = await submit(emma, cardOf(reply), reply.answeredId!, { text: written, item: "none" });
    expect(cardTexts(invokeCard(turn))).toEqual([en("decision.saved")]);
    const posted = turn.calls.filter((c) => c.operation === "reply");
    expect(posted).toHaveLength(1);
    // Escaped with backslashes: Teams shows the brackets and parentheses as they were typed.
    expect(allCardTexts(posted[0]!)).toEqual([
      "📌 **Decision of Spring meeting**: \\[Click to verify\\]\\(https://evil.example/login)",
    ]);
    const card = JSON.stringify(cardOf(posted[0]!));
    expect(card).not.toContain("[Click to verify](");
    expect(card).not.toContain("Action.OpenUrl");
    expect((await bot.db.prisma.decision.findFirstOrThrow()).text).toBe(written);
  });

  it("'Record as decision' on a message: a dialog prefilled with the message, then recorded", async () => {
    await meetingUnderway();
    const messagePayload = {
      id: "1763800000999",
      messageType: "message",
      body: {
        contentType: "html",
        content:
          '<p>We apply for <a href="https://example.org/fund">the valley fund</a> &amp; report to <at id="0">Mikko</at></p>',
      },
      from: { user: { id: emma.aadObjectId, displayName: emma.name } },
    };
    const actionOn = (from: TeamsUser, name: string, value: Json) => {
      const activity = invoke({
        serviceUrl: connector.serviceUrl,
        from,
        where: inChannel(energy, messagePayload.id),
        verb: "unused",
        data: {},
        replyToId: messagePayload.id,
      });
      return send({ ...activity, name, value });
    };
    const fetchTask = (from: TeamsUser) =>
      actionOn(from, "composeExtension/fetchTask", {
        commandId: "recordDecision",
        commandContext: "message",
        messagePayload,
        context: { theme: "default" },
      });

    // A plain member is told why, in a message dialog; nothing opens.
    const refused = await fetchTask(mikko);
    expect(refused.body).toEqual({ task: { type: "message", value: en("error.FORBIDDEN") } });

    const fetched = await fetchTask(sanna);
    expect(fetched.status).toBe(200);
    const task = (fetched.body as Json).task;
    expect(task).toMatchObject({ type: "continue", value: { title: en("decision.formTitle") } });
    const dialog = task.value.card.content as Json;
    expect(task.value.card.contentType).toBe(CARD);
    const text = inputsOf(dialog).find((i) => i.id === "text")!;
    expect(text.value).toBe("We apply for the valley fund & report to Mikko");
    const submitAction = (dialog.actions as Json[])[0]!;
    expect(submitAction.type).toBe("Action.Submit");

    // Teams sends the Action.Submit data merged with the inputs as value.data.
    const data = { ...submitAction.data, text: text.value, item: "none" };
    const submitted = await actionOn(sanna, "composeExtension/submitAction", {
      commandId: "recordDecision",
      commandContext: "message",
      messagePayload,
      data,
    });
    expect(submitted.body).toEqual({ task: { type: "message", value: en("decision.saved") } });
    expect(submitted.calls.flatMap(allCardTexts)).toEqual([
      toCardMarkdown("📌 *Decision of Spring meeting*: We apply for the valley fund & report to Mikko"),
    ]);
    const decision = await bot.db.prisma.decision.findFirstOrThrow();
    expect(decision.sourceRef).toBe(`teams:${energy.channelId}:${messagePayload.id}`);

    // Too short: the dialog comes back with the error under the field.
    const reopened = await fetchTask(sanna);
    const again = (reopened.body as Json).task.value.card.content as Json;
    const short = await actionOn(sanna, "composeExtension/submitAction", {
      commandId: "recordDecision",
      commandContext: "message",
      messagePayload,
      data: { ...(again.actions as Json[])[0]!.data, text: "ok" },
    });
    const errorCard = (short.body as Json).task.value.card.content as Json;
    expect(textOf(errorCard)).toContain(en("decision.invalid.text"));
    expect(await bot.db.prisma.decision.count()).toBe(1);
  });
});
