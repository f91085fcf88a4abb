// The meeting date poll as Teams drives it: "@Ennakko meeting plan" → a form card, its Action.Execute
// submit → a poll card posted into the thread, votes and "Schedule" as Action.Execute invokes on that
// card. Activities go through the real CloudAdapter (anonymous mode) over HTTP, the bot talks to a
// local fake of the Bot Framework Connector, state lives in a real (PGlite) database. The bot's
// clock is the system clock, so slot dates are relative to today in Europe/Helsinki.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatInZone, zoneAbbreviation } from "../../../src/kernel/domain/zoned-time.ts";
import { type MessageKey, type Params, translator } from "../../../src/kernel/i18n/catalog.ts";
import { toCardMarkdown, toTeamsPlainText } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { daysAhead, helsinkiInstant, isoOf } from "../../support/helsinki-dates.ts";
import {
  cardTexts,
  executeActions,
  invoke,
  type Json,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  expectNoApology,
  inChannel,
  inputsOf,
  invokeCard,
  onlyReply,
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
  ({ connector, bot } = await startTeamsBot({}, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

// ── people and places ────────────────────────────────────────────────────────────────────────────
// English-speaking Teams clients, so every answer is in English; the cluster's zone is Helsinki.
const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const sanna = teamsUser("Sanna Member", english);
const ghost = teamsUser("Ghost Outsider", english);
const energy = teamsChannel("Energy");

// ── dates relative to the real clock ─────────────────────────────────────────────────────────────
const SLOT_1 = { date: daysAhead(30), time: "10:00" };
const SLOT_2 = { date: daysAhead(33), time: "10:00" };
const TITLE = "Spring meeting";

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
const en = translator("en");
/** A catalog message as the card shows it (Adaptive Cards use **bold**). */
const shown = (key: MessageKey, params?: Params) => toCardMarkdown(en(key, params));
/** How a slot's time reads on a card: Teams fills in date and time in each viewer's own zone. */
const momentOf = (iso: string) => `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;

const { send, say, submit, press, createCluster, deliverOutbox } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);

/** Nothing new appeared in the channel during the turn (card redraws via PUT aside). */
const postedDuring = (turn: Turn) =>
  turn.calls.filter((c) => c.operation !== "update").map((c) => c.operation);

/** The names on the "Not answered yet:" line, sorted (the line lists them in membership order). */
function pendingNames(card: Json): string[] {
  const prefix = en("poll.pending", { names: "" });
  const line = cardTexts(card).find((t) => t.startsWith(prefix));
  if (!line) throw new Error(`no "${prefix}" line on the card: ${cardTexts(card).join(" / ")}`);
  return line.slice(prefix.length).split(", ").sort();
}

/** The tally line under the slot whose time is `iso`. */
function tallyOf(card: Json, iso: string): string {
  const texts = cardTexts(card);
  const at = texts.findIndex((t) => t.includes(momentOf(iso)));
  expect(at).toBeGreaterThan(-1);
  return texts[at + 1]!;
}

/** "@Ennakko setup Energy" and "Create", then two more people join. */
async function energyCluster() {
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, sanna]) {
    expect(cardTexts(cardOf(onlyReply(await say(member, "join"))))).toEqual([
      shown("join.done", { cluster: "Energy" }),
    ]);
  }
  expect(await bot.db.prisma.membership.count()).toBe(3);
}

/** The chair opens the form; `thread` is the thread it (and later the poll) lives in. */
async function openPlanForm() {
  const turn = await say(emma, "meeting plan");
  return { form: onlyReply(turn), thread: turn.activity.id as string };
}

const validInputs = {
  title: TITLE,
  slot_1_date: SLOT_1.date,
  slot_1_time: SLOT_1.time,
  slot_2_date: SLOT_2.date,
  slot_2_time: SLOT_2.time,
  place: "Rovaniemi",
};

/** Cluster, form, valid submit: the poll is in the channel. */
async function pollPosted() {
  await energyCluster();
  const { form, thread } = await openPlanForm();
  const where = inChannel(energy, thread);
  const submitted = await submit(emma, form, where, validInputs);
  expect(submitted.calls.map((c) => c.operation)).toEqual(["reply"]);
  const poll = submitted.calls[0]!;
  const meeting = await bot.db.prisma.meeting.findFirstOrThrow({
    include: { slots: { orderBy: { startsAt: "asc" } } },
  });
  const [slot1, slot2] = meeting.slots as [(typeof meeting.slots)[number], (typeof meeting.slots)[number]];
  return {
    submitted,
    poll,
    pollCard: cardOf(poll),
    pollId: poll.answeredId!,
    where,
    thread,
    meeting,
    slot1,
    slot2,
  };
}

const iso1 = () => isoOf(helsinkiInstant(SLOT_1.date, SLOT_1.time));
const iso2 = () => isoOf(helsinkiInstant(SLOT_2.date, SLOT_2.time));

// ── the journey ──────────────────────────────────────────────────────────────────────────────────

/**
 * A refusal answers the click with Teams' message answer: the text is shown to the clicker and the
 * clicked card stays as it was (a card answer would replace the poll, buttons and all, for them).
 */
function refusalOf(turn: { status: number; body: unknown }): string {
  expect(turn.status).toBe(200);
  expect(turn.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
  return (turn.body as { value: string }).value;
}

describe("meeting plan: the form", () => {
  it("the chair gets a form card: title, ten date/time pairs (two required), duration, place, link, deadline", async () => {
    await energyCluster();
    const { form } = await openPlanForm();
    const card = cardOf(form);
    expect(cardTexts(card).slice(0, 2)).toEqual([
      en("meeting.formTitle"),
      en("meeting.intro", { zone: ZONE }),
    ]);

    const inputs = inputsOf(card);
    expect(inputs.map((i) => i.id)).toEqual([
      "title",
      ...Array.from({ length: 10 }, (_, i) => [`slot_${i + 1}_date`, `slot_${i + 1}_time`]).flat(),
      "duration",
      "place",
      "online_url",
      "deadline_date",
      "deadline_time",
    ]);
    const byId = (id: string) => inputs.find((i) => i.id === id);
    expect(byId("title")).toMatchObject({
      type: "Input.Text",
      label: en("meeting.title"),
      isRequired: true,
      maxLength: 120,
    });
    for (let n = 1; n <= 10; n++) {
      expect(byId(`slot_${n}_date`)).toMatchObject({
        type: "Input.Date",
        label: en("meeting.slotDate", { n }),
        isRequired: n <= 2,
      });
      expect(byId(`slot_${n}_time`)).toMatchObject({
        type: "Input.Time",
        label: en("meeting.slotTime", { n }),
        isRequired: n <= 2,
      });
    }
    expect(byId("duration")).toMatchObject({ type: "Input.ChoiceSet", value: "120" });
    expect(byId("duration")!.choices).toContainEqual({ title: "90 min", value: "90" });
    expect(byId("place")).toMatchObject({ type: "Input.Text", isRequired: false });
    expect(byId("online_url")).toMatchObject({ type: "Input.Text", isRequired: false });
    expect(byId("deadline_date")).toMatchObject({ type: "Input.Date", isRequired: false });
    expect(byId("deadline_time")).toMatchObject({ type: "Input.Time", isRequired: false });

    const [execute, ...more] = executeActions(card);
    expect(more).toEqual([]);
    expect(execute).toMatchObject({
      type: "Action.Execute",
      verb: "ennakko.plan-meeting",
      title: en("meeting.submit"),
      data: { formId: "ennakko.plan-meeting" },
    });
    expect(JSON.parse(execute!.data.metadata)).toEqual({ channelId: energy.channelId, timeZone: ZONE });
  });

  it("a plain member asking is refused (forbidden) and gets no form", async () => {
    await energyCluster();
    const card = cardOf(onlyReply(await say(mikko, "meeting plan")));
    expect(cardTexts(card)).toEqual([shown("error.FORBIDDEN")]);
    expect(inputsOf(card)).toEqual([]);
    expect(executeActions(card)).toEqual([]);
  });

  it("a plain member submitting the chair's form (it is visible in the thread) is refused too", async () => {
    await energyCluster();
    const { form, thread } = await openPlanForm();
    const turn = await submit(mikko, form, inChannel(energy, thread), validInputs);
    expect(cardTexts(invokeCard(turn))).toEqual([shown("error.FORBIDDEN")]);
    expect(turn.calls).toEqual([]);
    expect(await bot.db.prisma.meeting.count()).toBe(0);
  });

  it("a slot in the past and a one-character title bring the form back with the errors under those fields", async () => {
    await energyCluster();
    const { form, thread } = await openPlanForm();
    const yesterday = daysAhead(-1);
    const turn = await submit(emma, form, inChannel(energy, thread), {
      ...validInputs,
      title: "X",
      slot_1_date: yesterday,
    });

    const card = invokeCard(turn);
    const body = card.body as Json[];
    const below = (id: string) => body[body.findIndex((e) => e.id === id) + 1];
    expect(body.find((e) => e.id === "title")).toMatchObject({ type: "Input.Text", value: "X" });
    expect(below("title")).toMatchObject({
      type: "TextBlock",
      text: en("meeting.invalid.TITLE"),
      color: "Attention",
    });
    expect(body.find((e) => e.id === "slot_1_date")).toMatchObject({ type: "Input.Date", value: yesterday });
    expect(below("slot_1_date")).toMatchObject({
      type: "TextBlock",
      text: en("meeting.invalid.SLOT_IN_PAST"),
      color: "Attention",
    });
    // Exactly those two errors; what was typed elsewhere is kept.
    expect(body.filter((e) => e.color === "Attention").map((e) => e.text)).toEqual([
      en("meeting.invalid.TITLE"),
      en("meeting.invalid.SLOT_IN_PAST"),
    ]);
    expect(body.find((e) => e.id === "slot_2_date")).toMatchObject({ value: SLOT_2.date });
    expect(body.find((e) => e.id === "place")).toMatchObject({ value: "Rovaniemi" });
    expect(executeActions(card).map((a) => a.verb)).toEqual(["ennakko.plan-meeting"]);

    expect(turn.calls).toEqual([]);
    expect(await bot.db.prisma.meeting.count()).toBe(0);
    expect(await bot.db.prisma.meetingSlot.count()).toBe(0);
  });
});

describe("the poll card", () => {
  it("a valid submit answers 'posted' and posts the poll into the thread, tracked for redraws", async () => {
    const { submitted, poll, pollCard, pollId, thread, meeting, slot1, slot2 } = await pollPosted();

    expect(cardTexts(invokeCard(submitted))).toEqual([shown("meeting.posted", { title: TITLE })]);
    expect(poll.conversationId).toBe(`${energy.channelId};messageid=${thread}`);
    // The notification text is a summary: who has not answered, each slot's tally, not the heading alone.
    expect(poll.body.summary).toMatch(
      new RegExp(`^${en("poll.heading", { title: TITLE })} — ${en("poll.pending", { names: ".+" })}:\\n• `),
    );

    expect(meeting).toMatchObject({ title: TITLE, status: "POLLING", chosenSlotId: null });
    // 10:00 in Helsinki, whatever the season: 08:00Z in winter, 07:00Z in summer.
    expect([isoOf(slot1.startsAt), isoOf(slot2.startsAt)]).toEqual([iso1(), iso2()]);
    expect(iso1()).toMatch(/T0[78]:00:00Z$/);
    expect(slot1).toMatchObject({ durationMinutes: 120, location: "Rovaniemi" });

    expect(cardTexts(pollCard)).toEqual([
      en("poll.heading", { title: TITLE }),
      en("poll.intro"),
      `**${momentOf(iso1())}** · 120 min · Rovaniemi`,
      "✅ 0   🤔 0   ❌ 0",
      `**${momentOf(iso2())}** · 120 min · Rovaniemi`,
      "✅ 0   🤔 0   ❌ 0",
      expect.stringMatching(/^Not answered yet: /),
    ]);
    expect((pollCard.body as Json[])[0]).toMatchObject({ size: "Large", weight: "Bolder" });
    expect(pendingNames(pollCard)).toEqual(["Emma Chair", "Mikko Member", "Sanna Member"]);

    const answers = (slotId: string) =>
      ["ennakko.poll.yes", "ennakko.poll.if-need-be", "ennakko.poll.no"].map((verb, i) =>
        expect.objectContaining({
          type: "Action.Execute",
          verb,
          title: en(["poll.yes", "poll.ifNeedBe", "poll.no"][i] as MessageKey),
          data: { actionId: verb, value: `${meeting.id}|${slotId}` },
        }),
      );
    expect(executeActions(pollCard)).toEqual([
      ...answers(slot1.id),
      ...answers(slot2.id),
      // Nobody has answered: the earliest slot is suggested, its time spelled out in the cluster's zone.
      expect.objectContaining({
        verb: "ennakko.poll.finalise",
        // The button cannot show each viewer's time: it says whose time it is (the cluster's zone).
        title: en("poll.finalise", {
          when: `${formatInZone(slot1.startsAt, "en", ZONE, "dateTime")} ${zoneAbbreviation(slot1.startsAt, ZONE)}`,
        }),
        data: { actionId: "ennakko.poll.finalise", value: `${meeting.id}|${slot1.id}` },
      }),
    ]);

    const tracked = await bot.db.prisma.postedMessage.findMany();
    expect(tracked).toEqual([
      expect.objectContaining({
        platform: "TEAMS",
        conversationId: poll.conversationId,
        messageId: pollId,
        subjectType: "meeting",
        subjectId: meeting.id,
      }),
    ]);
    const audit = await bot.db.prisma.auditEntry.findMany({ where: { action: "meeting.plan" } });
    expect(audit.map((a) => a.subjectId)).toEqual([meeting.id]);
  });
});

describe("voting", () => {
  it("Yes shows in the tally at once; a second Yes changes nothing; No replaces it", async () => {
    const { pollCard, pollId, where, slot1, slot2 } = await pollPosted();

    const yes = await press(mikko, pollCard, pollId, where, "ennakko.poll.yes", slot1.id);
    const afterYes = invokeCard(yes);
    expect(postedDuring(yes)).toEqual([]);
    expect(cardTexts(afterYes)[0]).toBe(en("poll.heading", { title: TITLE }));
    expect(tallyOf(afterYes, iso1())).toBe("✅ 1 (Mikko Member)   🤔 0   ❌ 0");
    expect(tallyOf(afterYes, iso2())).toBe("✅ 0   🤔 0   ❌ 0");
    expect(pendingNames(afterYes)).toEqual(["Emma Chair", "Sanna Member"]);
    // The buttons are still there: people keep answering on the redrawn card.
    expect(executeActions(afterYes)).toHaveLength(7);
    const votes = () =>
      bot.db.prisma.slotVote.findMany({ include: { person: { select: { displayName: true } } } });
    expect((await votes()).map((v) => [v.slotId, v.person.displayName, v.answer])).toEqual([
      [slot1.id, "Mikko Member", "YES"],
    ]);

    const again = await press(mikko, pollCard, pollId, where, "ennakko.poll.yes", slot1.id);
    expect(cardTexts(invokeCard(again))).toEqual(cardTexts(afterYes));
    expect(postedDuring(again)).toEqual([]);
    expect((await votes()).map((v) => [v.slotId, v.answer])).toEqual([[slot1.id, "YES"]]);

    const no = await press(mikko, afterYes, pollId, where, "ennakko.poll.no", slot1.id);
    const afterNo = invokeCard(no);
    expect(tallyOf(afterNo, iso1())).toBe("✅ 0   🤔 0   ❌ 1 (Mikko Member)");
    expect(pendingNames(afterNo)).toEqual(["Emma Chair", "Sanna Member"]);
    expect((await votes()).map((v) => [v.slotId, v.answer])).toEqual([[slot1.id, "NO"]]);

    const maybe = await press(sanna, afterNo, pollId, where, "ennakko.poll.if-need-be", slot2.id);
    const afterMaybe = invokeCard(maybe);
    expect(tallyOf(afterMaybe, iso1())).toBe("✅ 0   🤔 0   ❌ 1 (Mikko Member)");
    expect(tallyOf(afterMaybe, iso2())).toBe("✅ 0   🤔 1 (Sanna Member)   ❌ 0");
    expect(pendingNames(afterMaybe)).toEqual(["Emma Chair"]);
    // The suggestion follows the answers: slot 2 now.
    expect(executeActions(afterMaybe).at(-1)).toMatchObject({
      verb: "ennakko.poll.finalise",
      // The button cannot show each viewer's time: it says whose time it is (the cluster's zone).
      title: en("poll.finalise", {
        when: `${formatInZone(slot2.startsAt, "en", ZONE, "dateTime")} ${zoneAbbreviation(slot2.startsAt, ZONE)}`,
      }),
    });
    expect(await bot.db.prisma.slotVote.count()).toBe(2);
  });

  it("someone who is not a member is refused, and no vote is stored", async () => {
    const { pollCard, pollId, where, slot1 } = await pollPosted();
    const turn = await press(ghost, pollCard, pollId, where, "ennakko.poll.yes", slot1.id);
    expect(refusalOf(turn)).toBe(toTeamsPlainText(en("error.NOT_A_MEMBER", { cluster: "Energy" })));
    expect(turn.calls).toEqual([]);
    expect(await bot.db.prisma.slotVote.count()).toBe(0);
  });

  it("a forged button value (not meeting|slot ids) is answered, not crashed on", async () => {
    const { pollId, where } = await pollPosted();
    const turn = await send(
      invoke({
        serviceUrl: connector.serviceUrl,
        from: mikko,
        where,
        verb: "ennakko.poll.yes",
        data: { actionId: "ennakko.poll.yes", value: "not-a-meeting|nor-a-slot" },
        replyToId: pollId,
      }),
    );
    expect(refusalOf(turn)).toBe(toTeamsPlainText(en("parse.unknownAction")));
    expect(await bot.db.prisma.slotVote.count()).toBe(0);
  });

  // Teams has no ephemeral messages: "@Ennakko meeting" in the poll's thread answers with a second
  // copy of the poll card, as a reply. A vote on that copy must redraw the tracked poll card too, by
  // PUTting it to the connector (updateActivity), since it is not the card that was clicked.
  it("a vote on another copy of the poll in the same thread redraws the tracked poll card via PUT (from the outbox)", async () => {
    const { pollId, poll, where, slot1 } = await pollPosted();
    const shownAgain = onlyReply(await say(sanna, "meeting", where));
    const copy = cardOf(shownAgain);
    expect(cardTexts(copy)[0]).toBe(en("poll.heading", { title: TITLE }));
    expect(shownAgain.answeredId).not.toBe(pollId);

    const turn = await press(sanna, copy, shownAgain.answeredId!, where, "ennakko.poll.yes", slot1.id);
    expect(tallyOf(invokeCard(turn), iso1())).toBe("✅ 1 (Sanna Member)   🤔 0   ❌ 0");
    // The card's redraw waits in the outbox, merged per card; the next tick sends it.
    const updates = (await deliverOutbox()).filter((c) => c.operation === "update");
    expect(updates.map((c) => [c.method, c.conversationId, c.activityId])).toContainEqual([
      "PUT",
      poll.conversationId,
      pollId,
    ]);
    const redrawn = updates.find((c) => c.activityId === pollId)!;
    expect(redrawn.body).toMatchObject({ type: "message", id: pollId });
    expect(tallyOf(cardOf(redrawn), iso1())).toBe("✅ 1 (Sanna Member)   🤔 0   ❌ 0");
    expect(postedDuring(turn)).toEqual([]);
  });
});

describe("scheduling", () => {
  it("the chair's Schedule button closes the poll and announces the meeting; later answers are refused", async () => {
    const { pollCard, pollId, poll, where, meeting, slot1, slot2 } = await pollPosted();
    const voted = invokeCard(await press(mikko, pollCard, pollId, where, "ennakko.poll.yes", slot2.id));
    // The chair presses Schedule on the card as it now reads (suggesting slot 2).
    expect(executeActions(voted).at(-1)!.data.value).toBe(`${meeting.id}|${slot2.id}`);

    const scheduled = await press(emma, voted, pollId, where, "ennakko.poll.finalise");
    const card = invokeCard(scheduled);
    expect(cardTexts(card)).toEqual([
      en("poll.heading", { title: TITLE }),
      `Scheduled: **${momentOf(iso2())}**, Rovaniemi`,
    ]);
    expect(executeActions(card)).toEqual([]); // no more buttons
    expect(postedDuring(scheduled)).toEqual(["reply"]);
    const announcement = scheduled.calls.find((c) => c.operation === "reply")!;
    expect(announcement.conversationId).toBe(poll.conversationId);
    expect(cardTexts(cardOf(announcement))).toEqual([
      `**${TITLE}** will be held ${momentOf(iso2())}, Rovaniemi.`,
    ]);
    // The notification text has the time in the cluster's zone, not the {{DATE()}} template.
    expect(announcement.body.summary).toBe(
      toTeamsPlainText(
        en("meeting.announce", {
          title: TITLE,
          when: formatInZone(slot2.startsAt, "en", ZONE, "dateTime"),
          where: ", Rovaniemi",
        }),
      ),
    );

    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      status: "SCHEDULED",
      chosenSlotId: slot2.id,
    });
    const audit = await bot.db.prisma.auditEntry.findMany({ where: { action: "meeting.finalise" } });
    expect(audit.map((a) => a.subjectId)).toEqual([meeting.id]);

    // A stale card still has the buttons: pressing them is told the poll is closed (the card stays).
    const late = await press(sanna, pollCard, pollId, where, "ennakko.poll.yes", slot1.id);
    expect(refusalOf(late)).toBe(en("error.POLL_CLOSED", { title: TITLE }).replace(/\*/g, ""));
    expect(late.calls).toEqual([]);
    expect(await bot.db.prisma.slotVote.count()).toBe(1);
    const twice = await press(emma, voted, pollId, where, "ennakko.poll.finalise");
    expect(refusalOf(twice)).toBe(en("error.POLL_CLOSED", { title: TITLE }).replace(/\*/g, ""));
    expect(twice.calls).toEqual([]);
    expect(await bot.db.prisma.auditEntry.count({ where: { action: "meeting.finalise" } })).toBe(1);

    // "@Ennakko meeting" now shows the scheduled meeting.
    const shownNow = cardOf(onlyReply(await say(sanna, "meeting")));
    expect(cardTexts(shownNow)).toEqual([
      en("poll.heading", { title: TITLE }),
      `Scheduled: **${momentOf(iso2())}**, Rovaniemi`,
    ]);
  });

  it("a plain member cannot schedule", async () => {
    const { pollCard, pollId, where, meeting } = await pollPosted();
    const turn = await press(mikko, pollCard, pollId, where, "ennakko.poll.finalise");
    // Refused without destroying the poll for Mikko: his answer buttons stay where they were.
    expect(refusalOf(turn)).toBe(toTeamsPlainText(en("error.FORBIDDEN")));
    expect(turn.calls).toEqual([]);
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      status: "POLLING",
      chosenSlotId: null,
    });
  });
});

describe("meeting (show)", () => {
  it("before any plan it says none is being planned; during the poll it shows the poll with its tally", async () => {
    await energyCluster();
    expect(cardTexts(cardOf(onlyReply(await say(mikko, "meeting"))))).toEqual([shown("meeting.none")]);

    const { form, thread } = await openPlanForm();
    const where = inChannel(energy, thread);
    const posted = await submit(emma, form, where, validInputs);
    const poll = posted.calls[0]!;
    await press(mikko, cardOf(poll), poll.answeredId!, where, "ennakko.poll.yes");

    const card = cardOf(onlyReply(await say(sanna, "meeting")));
    expect(cardTexts(card)[0]).toBe(en("poll.heading", { title: TITLE }));
    expect(tallyOf(card, iso1())).toBe("✅ 1 (Mikko Member)   🤔 0   ❌ 0");
    expect(pendingNames(card)).toEqual(["Emma Chair", "Sanna Member"]);
    // Shown, not posted for tracking: only the poll itself is redrawn later.
    expect(await bot.db.prisma.postedMessage.count()).toBe(1);
  });
});
