// Measures on Teams, end to end: "@Ennakko measure add" → a form card; its Action.Execute submit
// assigns the measure; the outbox (ticked by hand) delivers the owner's card into their 1:1 chat —
// opening that chat through the connector when the bot has never talked with them in private; the
// owner checks in with the card's Action.Execute buttons (progress and blocked ask in a form card);
// each change is posted to the cluster channel as a new post; "@Ennakko measures" lists the register.
// Activities go through the real CloudAdapter (anonymous) over HTTP, the bot talks to a local fake of
// the Bot Framework Connector, state lives in a real (PGlite) database. The bot's clock is the system
// clock, so due dates are relative to today in Europe/Helsinki.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type MessageKey, type Params, translator } from "../../../src/kernel/i18n/catalog.ts";
import { formatLocalDate } from "../../../src/kernel/surface/format-date.ts";
import { toCardMarkdown, toTeamsPlainText } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { daysAhead } from "../../support/helsinki-dates.ts";
import {
  BOT,
  cardTexts,
  executeActions,
  type Json,
  type PersonalChat,
  personalChat,
  TENANT_ID,
  teamsChannel,
  teamsUser,
  type Where,
} from "../../support/teams-activities.ts";
import {
  below,
  cardOf,
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

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  // Jobs are created but never run on their own: the test ticks the outbox when it wants delivery.
  ({ connector, bot } = await startTeamsBot({}, { jobs: "manual" }));
});
afterAll(async () => {
  vi.useRealTimers();
  await stopTeamsBot(bot, connector);
});
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
});
afterEach(() => {
  vi.useRealTimers();
  expectNoApology(connector.calls);
});

// ── people and places ────────────────────────────────────────────────────────────────────────────
// The chair and the plain member use Teams in English; the owner in Finnish. The cluster speaks English.
const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const olli = teamsUser("Olli Owner", { locale: "fi-FI", timeZone: ZONE });
const energy = teamsChannel("Energy");

const TITLE = "Hydrogen welding course";

// ── dates relative to the real clock ─────────────────────────────────────────────────────────────
const DUE = daysAhead(60);

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
const en = translator("en");
const fi = translator("fi");
/** A catalog message as the card shows it (Adaptive Cards use **bold**). */
const shown = (t: typeof en, key: MessageKey, params?: Params) => toCardMarkdown(t(key, params));

const {
  say,
  submitCard: submit,
  press,
  deliverOutbox,
  personIdOf,
  createCluster,
} = teamsJourney(() => ({ bot, connector }), energy);
const inEnergy = (threadId?: string): Where => ({ channel: energy, threadId });

const outboxRows = () => bot.db.prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });

// ── setting the scene ────────────────────────────────────────────────────────────────────────────
/** "@Ennakko setup Energy" and "Create"; Mikko and Olli join. Only channel turns so far. */
async function energyCluster() {
  await createCluster(emma, energy, "Energy");
  expect(await bot.db.prisma.cluster.findFirstOrThrow()).toMatchObject({ locale: "en", timeZone: ZONE });
  for (const member of [mikko, olli]) onlyReply(await say(member, "join"));
  expect(await bot.db.prisma.membership.count()).toBe(3);
  connector.reset();
}

/** The chair opens the form in the channel; `thread` is the thread it lives in. */
async function openAddForm() {
  const turn = await say(emma, "measure add");
  const reply = onlyReply(turn);
  return { card: cardOf(reply), messageId: reply.answeredId!, where: inEnergy(turn.activity.id) };
}

/** Form, valid submit: the measure is assigned to Olli and his notification is queued. */
async function assignToOlli() {
  const form = await openAddForm();
  const owner = await personIdOf(olli);
  const turn = await submit(emma, form.card, form.messageId, form.where, {
    title: TITLE,
    owner,
    due_date: DUE,
    description: "Two-day course with the vocational college",
  });
  const measure = await bot.db.prisma.measure.findFirstOrThrow();
  return { turn, measure };
}

/** What Teams does when the owner presses a button on the card in their 1:1 chat. */
type Delivered = { card: Json; messageId: string; where: Where };

/** Assigns the measure and delivers Olli's card (opening his 1:1 chat if need be). */
async function deliveredToOlli(): Promise<Delivered & { measureId: string }> {
  const { measure } = await assignToOlli();
  const calls = await deliverOutbox();
  const sent = calls.find((c) => c.operation === "send")!;
  return {
    card: cardOf(sent),
    messageId: sent.answeredId!,
    where: inPrivate(sent.conversationId!),
    measureId: measure.id,
  };
}

/** Olli has opened the bot's 1:1 chat himself and said something there first. */
async function olliTalksInPrivate(): Promise<PersonalChat> {
  const chat = personalChat();
  onlyReply(await say(olli, "help", { personal: chat }));
  expect(
    await bot.db.prisma.conversationRef.findUniqueOrThrow({
      where: { platform_conversationId: { platform: "TEAMS", conversationId: chat.conversationId } },
    }),
  ).toMatchObject({ scope: "PERSONAL", personId: await personIdOf(olli) });
  connector.reset();
  return chat;
}

// ── the journey ──────────────────────────────────────────────────────────────────────────────────
describe("measure add: the form", () => {
  it("the chair gets a form card: title, owner (members by person id), due date, details; a member is refused", async () => {
    await energyCluster();
    const { card } = await openAddForm();
    expect(cardTexts(card)[0]).toBe(en("measure.formTitle"));

    const inputs = inputsOf(card);
    // No decisions recorded yet, so no decision picker.
    expect(inputs.map((i) => i.id)).toEqual(["title", "owner", "due_date", "description"]);
    const byId = (id: string) => inputs.find((i) => i.id === id)!;
    expect(byId("title")).toMatchObject({
      type: "Input.Text",
      label: en("measure.title"),
      isRequired: true,
      maxLength: 200,
    });
    expect(byId("owner")).toMatchObject({
      type: "Input.ChoiceSet",
      label: en("measure.owner"),
      isRequired: true,
    });
    const people = await bot.db.prisma.person.findMany();
    const idOf = (name: string) => people.find((p) => p.displayName === name)!.id;
    // Every member, by name, with their person id as the value (never a Teams user id).
    expect(byId("owner").choices).toEqual([
      { title: "Emma Chair", value: idOf("Emma Chair") },
      { title: "Mikko Member", value: idOf("Mikko Member") },
      { title: "Olli Owner", value: idOf("Olli Owner") },
    ]);
    expect(byId("due_date")).toMatchObject({
      type: "Input.Date",
      label: en("measure.dueDate"),
      isRequired: true,
    });
    expect(byId("description")).toMatchObject({
      type: "Input.Text",
      label: en("measure.description"),
      isRequired: false,
      isMultiline: true,
    });

    const [execute, ...more] = executeActions(card);
    expect(more).toEqual([]);
    expect(execute).toMatchObject({
      verb: "ennakko.measure-add",
      title: en("measure.submit"),
      data: { formId: "ennakko.measure-add" },
    });
    expect(JSON.parse(execute!.data.metadata)).toEqual({ channelId: energy.channelId });

    // A plain member asking gets a refusal, no form.
    const refused = cardOf(onlyReply(await say(mikko, "measure add")));
    expect(cardTexts(refused)).toEqual([shown(en, "error.FORBIDDEN")]);
    expect(inputsOf(refused)).toEqual([]);
    expect(executeActions(refused)).toEqual([]);
  });

  it("a due date in the past brings the form back with the error under the date, what was typed kept", async () => {
    await energyCluster();
    const form = await openAddForm();
    const owner = await personIdOf(olli);
    const yesterday = daysAhead(-1);
    const turn = await submit(emma, form.card, form.messageId, form.where, {
      title: TITLE,
      owner,
      due_date: yesterday,
    });

    const card = invokeCard(turn);
    expect(cardTexts(card)[0]).toBe(en("measure.formTitle"));
    expect(inputsOf(card).find((i) => i.id === "due_date")).toMatchObject({
      type: "Input.Date",
      value: yesterday,
    });
    expect(below(card, "due_date")).toMatchObject({
      type: "TextBlock",
      text: en("measure.invalid.dueDate"),
      color: "Attention",
    });
    expect(errorsOn(card)).toEqual([en("measure.invalid.dueDate")]);
    expect(inputsOf(card).find((i) => i.id === "title")).toMatchObject({ value: TITLE });
    expect(inputsOf(card).find((i) => i.id === "owner")).toMatchObject({ value: owner });
    expect(executeActions(card).map((a) => a.verb)).toEqual(["ennakko.measure-add"]);

    expect(turn.calls).toEqual([]);
    expect(await bot.db.prisma.measure.count()).toBe(0);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(0);
  });
});

describe("assigning: the owner hears through the outbox", () => {
  it("opens a 1:1 chat with an owner the bot has never talked to in private, and posts the card there", async () => {
    await energyCluster();
    const { turn, measure } = await assignToOlli();

    expect(cardTexts(invokeCard(turn))).toEqual([
      shown(en, "measure.added", { title: TITLE, owner: "Olli Owner", due: formatLocalDate(DUE, "en") }),
    ]);
    expect(measure).toMatchObject({ title: TITLE, status: "PLANNED", progress: 0 });
    expect(measure.ownerId).toBe(await personIdOf(olli));
    expect(measure.dueDate.toISOString().slice(0, 10)).toBe(DUE);
    // Nothing reaches Olli during the chair's turn: the notification waits in the outbox.
    expect(turn.calls).toEqual([]);
    const [queued] = await outboxRows();
    expect(queued).toMatchObject({
      key: `measure:${measure.id}:assigned`,
      platform: "TEAMS",
      target: olli.id, // no personal chat stored: addressed by his Teams user id
      status: "PENDING",
    });

    const calls = await deliverOutbox();
    expect(calls.map((c) => c.operation)).toEqual(["createConversation", "send"]);
    const [create, sent] = calls as [ConnectorCall, ConnectorCall];
    expect(create.method).toBe("POST");
    expect(create.path).toBe("/v3/conversations");
    expect(create.body).toMatchObject({
      isGroup: false,
      bot: { id: BOT.id },
      members: [{ id: olli.id }],
      tenantId: TENANT_ID,
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(create.body.members).toHaveLength(1);

    // The card goes into the chat just opened, as a new message, in Olli's language.
    expect(sent.conversationId).toBe(create.answeredId);
    expect(sent.body.replyToId).toBeUndefined();
    const headline = fi("measure.assigned", {
      by: "Emma Chair",
      cluster: "Energy",
      title: TITLE,
      due: formatLocalDate(DUE, "fi"),
    });
    expect(sent.body.summary).toBe(toTeamsPlainText(headline));
    const card = cardOf(sent);
    expect(cardTexts(card)).toEqual([toCardMarkdown(headline), "Two-day course with the vocational college"]);
    expect(executeActions(card)).toEqual(
      (["started", "progress", "done", "blocked"] as const).map((b) =>
        expect.objectContaining({
          type: "Action.Execute",
          verb: `ennakko.measure.${b}`,
          title: fi(`measure.button.${b}`),
          data: { actionId: `ennakko.measure.${b}`, value: measure.id },
        }),
      ),
    );

    expect(await outboxRows()).toEqual([
      expect.objectContaining({ key: queued!.key, status: "SENT", attempts: 1 }),
    ]);
    // The chat it opened is remembered as Olli's, so the next notification goes straight there.
    expect(
      await bot.db.prisma.conversationRef.findUniqueOrThrow({
        where: { platform_conversationId: { platform: "TEAMS", conversationId: create.answeredId! } },
      }),
    ).toMatchObject({ scope: "PERSONAL", personId: measure.ownerId });

    // A second tick has nothing to do.
    expect(await deliverOutbox()).toEqual([]);

    // His next measure is addressed to that chat and goes straight there: no second chat is opened.
    const form = await openAddForm();
    await submit(emma, form.card, form.messageId, form.where, {
      title: "Second course",
      owner: measure.ownerId!,
      due_date: DUE,
    });
    expect((await outboxRows())[1]).toMatchObject({ target: create.answeredId, status: "PENDING" });
    expect((await deliverOutbox()).map((c) => [c.operation, c.conversationId])).toEqual([
      ["send", create.answeredId],
    ]);
  });

  it("an owner who has talked to the bot in a personal chat is reached in that chat, no chat opened", async () => {
    await energyCluster();
    const chat = await olliTalksInPrivate();
    const { turn, measure } = await assignToOlli();
    expect(turn.calls).toEqual([]);
    expect((await outboxRows())[0]).toMatchObject({ target: chat.conversationId, status: "PENDING" });

    const calls = await deliverOutbox();
    expect(calls.map((c) => [c.operation, c.conversationId])).toEqual([["send", chat.conversationId]]);
    expect(executeActions(cardOf(calls[0]!)).map((a) => a.data.value)).toEqual(Array(4).fill(measure.id));
    expect((await outboxRows())[0]).toMatchObject({ status: "SENT" });
  });
});

describe("check-ins from the owner's card", () => {
  it("progress (form), blocked (form, reason required), done, done again; every change reaches the channel", async () => {
    await energyCluster();
    const delivered = await deliveredToOlli();
    const { measureId, where } = delivered;
    const channelPost = async () => {
      const calls = await deliverOutbox();
      // A new post in the channel itself (the conversation id is the bare channel id), not a reply.
      expect(calls.map((c) => [c.method, c.operation, c.conversationId])).toEqual([
        ["POST", "send", energy.channelId],
      ]);
      expect(calls[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(energy.channelId)}/activities`);
      expect(calls[0]!.body.replyToId).toBeUndefined();
      return cardTexts(cardOf(calls[0]!));
    };

    // Progress: the click answers with a form card in place of the clicked one.
    const asked = await press(olli, delivered.card, delivered.messageId, where, "ennakko.measure.progress");
    expect(asked.calls).toEqual([]);
    const progressForm = invokeCard(asked);
    expect(cardTexts(progressForm)[0]).toBe(fi("measure.progressForm"));
    const progressInputs = inputsOf(progressForm);
    expect(progressInputs.map((i) => i.id)).toEqual(["progress", "note"]);
    expect(progressInputs[0]).toMatchObject({ type: "Input.ChoiceSet", value: "50" });
    expect(progressInputs[0]!.choices).toHaveLength(11);
    expect(executeActions(progressForm)).toEqual([
      expect.objectContaining({ verb: "ennakko.measure-progress", data: expect.any(Object) }),
    ]);
    expect(JSON.parse(executeActions(progressForm)[0]!.data.metadata)).toEqual({
      channelId: (where as { personal: PersonalChat }).personal.conversationId,
      measureId,
    });

    const saved = await submit(olli, progressForm, delivered.messageId, where, {
      progress: "60",
      note: "Curriculum drafted",
    });
    expect(saved.calls).toEqual([]); // the channel hears through the outbox
    const savedCard = invokeCard(saved);
    expect(cardTexts(savedCard)).toEqual([
      shown(fi, "measure.saved", { title: TITLE, status: fi("measure.status.STARTED"), progress: 60 }),
    ]);
    // Still open: the buttons stay, for the next check-in.
    expect(executeActions(savedCard).map((a) => a.verb)).toEqual([
      "ennakko.measure.started",
      "ennakko.measure.progress",
      "ennakko.measure.done",
      "ennakko.measure.blocked",
    ]);
    expect(await channelPost()).toEqual([
      "Olli Owner updated **Hydrogen welding course**: in progress, 60 %.",
      "“Curriculum drafted”",
    ]);

    // Blocked: an empty reason brings the form back with the error under the field.
    const blockedForm = invokeCard(
      await press(olli, savedCard, delivered.messageId, where, "ennakko.measure.blocked"),
    );
    expect(cardTexts(blockedForm)[0]).toBe(fi("measure.blockedForm"));
    expect(inputsOf(blockedForm)).toEqual([
      expect.objectContaining({ type: "Input.Text", id: "reason", isRequired: true }),
    ]);
    const empty = await submit(olli, blockedForm, delivered.messageId, where, { reason: "" });
    const again = invokeCard(empty);
    expect(below(again, "reason")).toMatchObject({ text: fi("measure.invalid.reason"), color: "Attention" });
    expect(errorsOn(again)).toEqual([fi("measure.invalid.reason")]);
    expect(empty.calls).toEqual([]);
    expect(await bot.db.prisma.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({
      status: "STARTED",
      blockedReason: null,
    });

    const blocked = await submit(olli, again, delivered.messageId, where, {
      reason: "Waiting for the welding hall",
    });
    expect(cardTexts(invokeCard(blocked))[0]).toBe(
      shown(fi, "measure.saved", { title: TITLE, status: fi("measure.status.BLOCKED"), progress: 60 }),
    );
    expect(await bot.db.prisma.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({
      status: "BLOCKED",
      progress: 60,
      blockedReason: "Waiting for the welding hall",
    });
    expect(await channelPost()).toEqual([
      "Olli Owner updated **Hydrogen welding course**: blocked, 60 %.",
      "“Waiting for the welding hall”",
    ]);

    // Done, from the card he first got; then done again is told it is closed.
    const done = await press(olli, delivered.card, delivered.messageId, where, "ennakko.measure.done");
    const doneCard = invokeCard(done);
    expect(cardTexts(doneCard)).toEqual([
      shown(fi, "measure.saved", { title: TITLE, status: fi("measure.status.DONE"), progress: 100 }),
    ]);
    expect(executeActions(doneCard)).toEqual([]);
    expect(await channelPost()).toEqual(["Olli Owner updated **Hydrogen welding course**: done, 100 %."]);

    const twice = await press(olli, delivered.card, delivered.messageId, where, "ennakko.measure.done");
    expect(cardTexts(invokeCard(twice))).toEqual([shown(fi, "error.MEASURE_CLOSED", { title: TITLE })]);
    expect(twice.calls).toEqual([]);
    expect(await deliverOutbox()).toEqual([]);

    const measure = await bot.db.prisma.measure.findUniqueOrThrow({ where: { id: measureId } });
    expect(measure).toMatchObject({ status: "DONE", progress: 100, blockedReason: null });
    expect(measure.completedAt).toBeInstanceOf(Date);
    const history = await bot.db.prisma.measureUpdate.findMany({
      where: { measureId },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => [h.status, h.progress, h.note])).toEqual([
      ["PLANNED", 0, null],
      ["STARTED", 60, "Curriculum drafted"],
      ["BLOCKED", 60, "Waiting for the welding hall"],
      ["DONE", 100, null],
    ]);
    const audit = await bot.db.prisma.auditEntry.findMany({
      where: { subjectId: measureId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "measure.add",
      "measure.progress",
      "measure.blocked",
      "measure.done",
    ]);
    expect((await outboxRows()).map((r) => r.status)).toEqual(["SENT", "SENT", "SENT", "SENT"]);
  });

  it("someone else pressing the owner's buttons is refused; the measure is unchanged", async () => {
    await energyCluster();
    const delivered = await deliveredToOlli();
    // Mikko cannot see Olli's chat, but a forged invoke carries the same data.
    const turn = await press(mikko, delivered.card, delivered.messageId, inEnergy(), "ennakko.measure.done");
    expect(cardTexts(invokeCard(turn))).toEqual([shown(en, "error.FORBIDDEN")]);
    expect(
      await bot.db.prisma.measure.findUniqueOrThrow({ where: { id: delivered.measureId } }),
    ).toMatchObject({ status: "PLANNED" });
  });
});

describe("measures: the register", () => {
  it("'measures all' lists the measure with its owner and state; an unknown filter is explained", async () => {
    await energyCluster();
    await assignToOlli();
    const list = cardOf(onlyReply(await say(mikko, "measures all")));
    expect(cardTexts(list)).toEqual([
      shown(en, "measures.title", { cluster: "Energy", filter: en("measures.filter.all") }),
      `**${TITLE}** — Olli Owner · ${en("measure.due", { due: formatLocalDate(DUE, "en") })}`,
      `${en("measure.status.PLANNED")} · 0 %`,
    ]);
    expect(cardTexts(cardOf(onlyReply(await say(emma, "measures someday"))))).toEqual([
      "Filter **someday** is not known. Use open, mine, overdue or all.",
    ]);
  });
});

describe("measures: a long register", () => {
  it("45 measures come 20 at a time with '1–20 of 45'; Show more redraws the card with the next page, twice the same", async () => {
    await energyCluster();
    const cluster = await bot.db.prisma.cluster.findFirstOrThrow();
    for (let i = 1; i <= 45; i++)
      await bot.db.prisma.measure.create({
        data: {
          clusterId: cluster.id,
          title: `Measure ${String(i).padStart(2, "0")}`,
          dueDate: new Date(`${daysAhead(10 + i)}T00:00:00Z`),
        },
      });
    const turn = await say(mikko, "measures all");
    const reply = onlyReply(turn);
    const list = cardOf(reply);
    const titles = (card: Json) => cardTexts(card).filter((t) => t.startsWith("**Measure "));
    expect(cardTexts(list)).toContain("1–20 of 45");
    expect(titles(list)).toHaveLength(20);
    const where = inEnergy(turn.activity.id);
    for (let i = 0; i < 2; i++) {
      const next = invokeCard(await press(mikko, list, reply.answeredId!, where, "ennakko.measures.page"));
      expect(cardTexts(next)).toContain("21–40 of 45");
      expect(titles(next)[0]).toContain("Measure 21");
      expect(executeActions(next).map((a) => a.title)).toEqual(["Show previous", "Show more (5)"]);
    }
  });
});

describe("delivery failures", () => {
  it("a 403 when opening the owner's chat (bot not installed for him) fails the row, with an audit entry", async () => {
    await energyCluster();
    const { measure } = await assignToOlli();
    connector.failNext(403);
    const calls = await deliverOutbox();
    expect(calls.map((c) => [c.operation, c.status])).toEqual([["createConversation", 403]]);

    const [row] = await outboxRows();
    expect(row).toMatchObject({ key: `measure:${measure.id}:assigned`, status: "FAILED", attempts: 1 });
    expect(row!.lastError).toMatch(/^teams: HTTP 403/);
    const failed = await bot.db.prisma.auditEntry.findMany({ where: { action: "notification.failed" } });
    expect(failed).toEqual([
      expect.objectContaining({
        clusterId: measure.clusterId,
        actorId: null,
        subjectType: "OutboxMessage",
        subjectId: row!.id,
      }),
    ]);
    expect(failed[0]!.details).toMatchObject({
      key: row!.key,
      recipient: { platform: "TEAMS", kind: "user", id: olli.id },
    });
    // Permanent: later ticks leave it alone.
    expect(await deliverOutbox()).toEqual([]);
    expect(connector.calls.filter((c) => c.operation === "send")).toEqual([]);
  });

  // Keep last in the file: the worker remembers a throttle per platform in memory, for this bot.
  it("a 429 with Retry-After leaves the row pending until then; a later tick sends it", async () => {
    await energyCluster();
    const chat = await olliTalksInPrivate();
    await assignToOlli();
    connector.failNext(429, 30);
    const before = Date.now();
    const throttled = await deliverOutbox();
    const after = Date.now();
    expect(throttled.map((c) => [c.operation, c.conversationId, c.status])).toEqual([
      ["send", chat.conversationId, 429],
    ]);
    const [row] = await outboxRows();
    // A throttle is not a failed attempt; the row waits out Retry-After (plus up to 250 ms of jitter).
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, leaseOwner: null });
    expect(row!.lastError).toMatch(/^teams: HTTP 429/);
    expect(row!.notBefore.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(row!.notBefore.getTime()).toBeLessThanOrEqual(after + 30_000 + 250);

    // A tick before then sends nothing (the row is not due, and Teams is paused for this worker).
    expect(await deliverOutbox()).toEqual([]);
    expect((await outboxRows())[0]).toMatchObject({ status: "PENDING" });

    // Half a minute later (the bot reads the system clock: move Date, not the timers).
    vi.setSystemTime(new Date(row!.notBefore.getTime() + 1000));
    const later = await deliverOutbox();
    vi.useRealTimers();
    expect(later.map((c) => [c.operation, c.conversationId, c.status])).toEqual([
      ["send", chat.conversationId, 200],
    ]);
    expect((await outboxRows())[0]).toMatchObject({ status: "SENT", attempts: 1 });
  });
});
