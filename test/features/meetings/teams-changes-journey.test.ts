// Invitations, rescheduling and cancelling as Teams drives them. Once the chair schedules the poll,
// the outbox (ticked by hand) brings every member an invitation card in their own 1:1 chat, in their
// language, with an "Add to calendar" link to GET /calendar/<icsUid>.ics; the channel reminders 7 days
// and 1 day before wait in the outbox. "@Ennakko meeting reschedule" is a form card (Action.Execute);
// "@Ennakko meeting cancel" a confirmation card with a destructive Action.Execute. Each change redraws
// the tracked poll card (PUT), is told in the channel, swaps or withdraws the reminders, reaches every
// member through the outbox and shows in the calendar file (same UID, SEQUENCE + 1, STATUS:CANCELLED).
// Activities go through the real CloudAdapter (anonymous) over HTTP, the bot talks to a local fake of
// the Bot Framework Connector, state lives in a real (PGlite) database. The bot's clock is the system
// clock, so dates are relative to today in Europe/Helsinki.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatInZone } from "../../../src/kernel/domain/zoned-time.ts";
import { type MessageKey, type Params, translator } from "../../../src/kernel/i18n/catalog.ts";
import { toCardMarkdown, toTeamsPlainText } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { daysAhead, helsinkiInstant, isoOf } from "../../support/helsinki-dates.ts";
import {
  cardTexts,
  executeActions,
  type Json,
  openUrlActions,
  type PersonalChat,
  personalChat,
  teamsChannel,
  teamsUser,
  type Where,
} from "../../support/teams-activities.ts";
import {
  below,
  cardOf,
  errorsOn,
  expectNoApology,
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
  // Jobs exist but never run on their own: the test ticks the outbox when it wants delivery.
  ({ connector, bot } = await startTeamsBot({ PUBLIC_URL }, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

// ── people and places ────────────────────────────────────────────────────────────────────────────
// Two members: the chair uses Teams in English (so does the cluster), the member in Finnish.
const emma = teamsUser("Emma Chair", { locale: "en-US", timeZone: ZONE });
const mikko = teamsUser("Mikko Member", { locale: "fi-FI", timeZone: ZONE });
const energy = teamsChannel("Energy");
/** Mikko has written to the bot in private before; Emma never has, so her chat is opened for her. */
let mikkosChat: PersonalChat;

// ── dates relative to the real clock ─────────────────────────────────────────────────────────────
/** An iCalendar local DATE-TIME: "2027-01-05" + "14:30" → "20270105T143000". */
const icsStamp = (date: string, time: string) => `${date.replaceAll("-", "")}T${time.replace(":", "")}00`;

const TITLE = "Spring meeting";
const SLOT_1 = { date: daysAhead(30), time: "10:00" };
const SLOT_2 = { date: daysAhead(33), time: "10:00" };
/** Where the chair moves the meeting: 40 days ahead, 14:30, 90 minutes, in Oulu. */
const MOVED = { date: daysAhead(40), time: "14:30", duration: "90", place: "Oulu" };

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
const en = translator("en");
const fi = translator("fi");
/** A catalog message as the card shows it (Adaptive Cards use **bold**). */
const shown = (t: typeof en, key: MessageKey, params?: Params) => toCardMarkdown(t(key, params));
/** How an instant reads on a card: Teams fills in date and time in each viewer's own zone. */
const momentOf = (instant: Date) => `{{DATE(${isoOf(instant)}, SHORT)}} {{TIME(${isoOf(instant)})}}`;
/** How an instant reads where no template is possible (notification text, button labels). */
const inZone = (instant: Date, locale: "en" | "fi") => formatInZone(instant, locale, ZONE, "dateTime");

const { say, submit, press, deliverOutbox, personIdOf, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);
const inEnergy = (threadId?: string): Where => ({ channel: energy, threadId });

const rowsLike = (part: string) =>
  bot.db.prisma.outboxMessage.findMany({ where: { key: { contains: part } }, orderBy: { notBefore: "asc" } });

/** GET /calendar/<uid>.ics, as a calendar app following the invitation's link would. */
async function calendarFile(icsUid: string) {
  const response = await fetch(`${bot.baseUrl}/calendar/${icsUid}.ics`);
  const body = await response.text();
  // Unfold (RFC 5545 3.1), then split the calendar's own lines from the event's.
  const lines = body.replace(/\r\n[ \t]/g, "").split("\r\n");
  const event = lines.slice(lines.indexOf("BEGIN:VEVENT"), lines.indexOf("END:VEVENT") + 1);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition"),
    body,
    calendar: lines.filter((l) => !event.includes(l)),
    event,
  };
}

// ── setting the scene ────────────────────────────────────────────────────────────────────────────
type Scheduled = {
  meetingId: string;
  icsUid: string;
  /** The poll's thread: the chair changes the meeting there, where the poll card lives. */
  where: Where;
  poll: ConnectorCall;
  pollId: string;
  startsAt: Date;
};

/**
 * "@Ennakko setup Energy", Mikko joins and says hello in a 1:1 chat, the chair plans a meeting with
 * two slots and presses Schedule on the poll (nobody has answered, so the earliest slot is offered).
 */
async function scheduledMeeting(): Promise<Scheduled> {
  await createCluster(emma, energy, "Energy");
  onlyReply(await say(mikko, "join"));
  mikkosChat = personalChat();
  onlyReply(await say(mikko, "help", { personal: mikkosChat }));
  expect(await bot.db.prisma.membership.count()).toBe(2);

  const planTurn = await say(emma, "meeting plan");
  const where = inEnergy(planTurn.activity.id);
  const submitted = await submit(emma, onlyReply(planTurn), where, {
    title: TITLE,
    slot_1_date: SLOT_1.date,
    slot_1_time: SLOT_1.time,
    slot_2_date: SLOT_2.date,
    slot_2_time: SLOT_2.time,
    place: "Rovaniemi",
  });
  expect(submitted.calls.map((c) => c.operation)).toEqual(["reply"]);
  const poll = submitted.calls[0]!;
  const pollId = poll.answeredId!;

  const scheduled = await press(emma, cardOf(poll), pollId, where, "ennakko.poll.finalise");
  const startsAt = helsinkiInstant(SLOT_1.date, SLOT_1.time);
  expect(cardTexts(invokeCard(scheduled))).toEqual([
    en("poll.heading", { title: TITLE }),
    `Scheduled: **${momentOf(startsAt)}**, Rovaniemi`,
  ]);
  // Scheduling speaks to the channel; nobody is messaged privately during the click. (The tracked
  // poll card's redraw waits in the outbox, merged per card: the next tick sends it.)
  expect(scheduled.calls.map((c) => c.operation)).toEqual(["reply"]);

  const meeting = await bot.db.prisma.meeting.findFirstOrThrow({ include: { chosenSlot: true } });
  expect(meeting).toMatchObject({ status: "SCHEDULED", icsSequence: 0 });
  expect(meeting.chosenSlot!.startsAt).toEqual(startsAt);
  connector.reset();
  return { meetingId: meeting.id, icsUid: meeting.icsUid, where, poll, pollId, startsAt };
}

type Delivered = { conversationId: string; card: Json; summary: string; created: boolean };

/**
 * One tick of the outbox that must deliver exactly one personal card to each member: Mikko's into
 * the chat he used, Emma's into her 1:1 chat (opened through the connector if the bot has none yet).
 */
async function deliverToBothMembers(): Promise<{
  emma: Delivered;
  mikko: Delivered;
  /** The card redraws the tick sent as well (queued by the turns before it). */
  updates: ConnectorCall[];
}> {
  const calls = await deliverOutbox();
  const sends = calls.filter((c) => c.operation === "send");
  expect(sends).toHaveLength(2);
  const created = calls.filter((c) => c.operation === "createConversation");
  // Only a chat with Emma may be opened, and only with her.
  for (const create of created)
    expect(create.body.members).toEqual([expect.objectContaining({ id: emma.id })]);
  expect(created.length).toBeLessThanOrEqual(1);
  const emmasChat =
    created[0]?.answeredId ??
    (
      await bot.db.prisma.conversationRef.findFirstOrThrow({
        where: { platform: "TEAMS", scope: "PERSONAL", personId: await personIdOf(emma) },
      })
    ).conversationId;
  const deliveredIn = (conversationId: string): Delivered => {
    const sent = sends.find((c) => c.conversationId === conversationId);
    if (!sent) throw new Error(`nothing was sent to ${conversationId}`);
    expect(sent.body.replyToId).toBeUndefined();
    return {
      conversationId,
      card: cardOf(sent),
      summary: String(sent.body.summary),
      created: created.length === 1,
    };
  };
  return {
    emma: deliveredIn(emmasChat),
    mikko: deliveredIn(mikkosChat.conversationId),
    updates: calls.filter((c) => c.operation === "update"),
  };
}

/** An invitation card: one line of text and one link, "Add to calendar", in the reader's language. */
function expectInvitation(
  delivered: Delivered,
  t: typeof en,
  key: MessageKey,
  params: { startsAt: Date; where: string; icsUid: string },
) {
  const words = { title: TITLE, cluster: "Energy", where: params.where };
  expect(cardTexts(delivered.card)).toEqual([shown(t, key, { ...words, when: momentOf(params.startsAt) })]);
  // The notification preview cannot render templates: the time is written in the cluster's zone.
  // (The notification preview, `summary`, is checked under "known bugs" below.)
  expect(openUrlActions(delivered.card)).toEqual([
    {
      type: "Action.OpenUrl",
      title: t("meeting.addToCalendar"),
      url: `${PUBLIC_URL}/calendar/${params.icsUid}.ics`,
    },
  ]);
  expect(executeActions(delivered.card)).toEqual([]);
}

/** The channel reminders of the meeting, oldest first, as [key, target, status, notBefore] rows. */
async function reminders(meetingId: string) {
  return (await rowsLike(":reminder-")).map((r) => {
    expect(r.key.startsWith(`meeting:${meetingId}:reminder-`)).toBe(true);
    expect(r.platform).toBe("TEAMS");
    expect(r.payload).toMatchObject({ v: 1, kind: "channel" });
    return [r.key.slice(`meeting:${meetingId}:`.length), r.target, r.status, r.notBefore];
  });
}

/** "@Ennakko meeting reschedule" by the chair, in the poll's thread: the form, as a reply. */
async function openRescheduleForm(scene: Scheduled): Promise<ConnectorCall> {
  return onlyReply(await say(emma, "meeting reschedule", scene.where));
}

// ── the journey ──────────────────────────────────────────────────────────────────────────────────
describe("invitations", () => {
  it("scheduling invites each member in their 1:1 chat, in their language, with an 'Add to calendar' link to the .ics; the reminders wait in the outbox", async () => {
    const scene = await scheduledMeeting();
    const { meetingId, icsUid, startsAt } = scene;
    const [emmaId, mikkoId] = [await personIdOf(emma), await personIdOf(mikko)];

    // Queued in the chair's transaction, addressed personally: Mikko's stored chat, Emma's user id.
    const invites = await rowsLike(":invite:");
    expect(invites.map((r) => [r.key, r.platform, r.target, r.status]).sort()).toEqual(
      [
        [`meeting:${meetingId}:invite:s0:${emmaId}`, "TEAMS", emma.id, "PENDING"],
        [`meeting:${meetingId}:invite:s0:${mikkoId}`, "TEAMS", mikkosChat.conversationId, "PENDING"],
      ].sort(),
    );
    // Reminders 7 days and 1 day before, at the meeting's own wall-clock time, to the channel.
    expect(await reminders(meetingId)).toEqual([
      ["reminder-7d:s0:TEAMS", energy.channelId, "PENDING", helsinkiInstant(daysAhead(23), "10:00")],
      ["reminder-1d:s0:TEAMS", energy.channelId, "PENDING", helsinkiInstant(daysAhead(29), "10:00")],
    ]);

    const delivered = await deliverToBothMembers();
    expect(delivered.emma.created).toBe(true); // the bot had never talked with Emma in private
    const invitation = { startsAt, where: ", Rovaniemi", icsUid };
    expectInvitation(delivered.emma, en, "meeting.invitation.scheduled", invitation);
    expectInvitation(delivered.mikko, fi, "meeting.invitation.scheduled", invitation);
    expect(cardTexts(delivered.mikko.card)[0]).toMatch(/^Olet kutsuttu: \*\*Spring meeting\*\* \(Energy\), /);
    expect((await rowsLike(":invite:")).map((r) => r.status)).toEqual(["SENT", "SENT"]);
    // The reminders are not due for weeks; a second tick has nothing to do.
    expect((await reminders(meetingId)).map((r) => r[2])).toEqual(["PENDING", "PENDING"]);
    expect(await deliverOutbox()).toEqual([]);

    // The link, followed: an iCalendar request for the meeting as it stands.
    const file = await calendarFile(icsUid);
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(file.disposition).toBe('attachment; filename="spring-meeting.ics"');
    expect(file.calendar).toContain("METHOD:PUBLISH");
    expect(file.event).toEqual(
      expect.arrayContaining([
        `UID:${icsUid}@ennakko`,
        "SEQUENCE:0",
        "STATUS:CONFIRMED",
        `DTSTART;TZID=${ZONE}:${icsStamp(SLOT_1.date, "10:00")}`,
        `DTEND;TZID=${ZONE}:${icsStamp(SLOT_1.date, "12:00")}`,
        `SUMMARY:${TITLE} — Energy`,
        "LOCATION:Rovaniemi",
      ]),
    );
    expect(file.body).toContain(`BEGIN:VTIMEZONE\r\nTZID:${ZONE}\r\n`);
    // A uid nobody was given is not found.
    expect((await calendarFile("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("meeting reschedule", () => {
  it("members are refused; the chair's form moves the meeting: poll redrawn, channel told, reminders swapped, members re-invited, SEQUENCE:1", async () => {
    const scene = await scheduledMeeting();
    const { meetingId, icsUid, where, poll, pollId } = scene;
    await deliverToBothMembers(); // the first invitations are out

    // A plain member asking is refused, in his language, and gets no form.
    const refused = cardOf(onlyReply(await say(mikko, "meeting reschedule", where)));
    expect(cardTexts(refused)).toEqual([shown(fi, "error.FORBIDDEN")]);
    expect(inputsOf(refused)).toEqual([]);
    expect(executeActions(refused)).toEqual([]);

    // The chair gets the form: date and time pickers, duration, place.
    const form = await openRescheduleForm(scene);
    const formCard = cardOf(form);
    expect(cardTexts(formCard)[0]).toBe(en("meeting.rescheduleTitle"));
    const inputs = inputsOf(formCard);
    expect(inputs.map((i) => [i.id, i.type])).toEqual([
      ["date", "Input.Date"],
      ["time", "Input.Time"],
      ["duration", "Input.ChoiceSet"],
      ["place", "Input.Text"],
    ]);
    expect(inputs[0]).toMatchObject({ label: en("meeting.slotDate", { n: 1 }), isRequired: true });
    expect(inputs[1]).toMatchObject({ label: en("meeting.slotTime", { n: 1 }), isRequired: true });
    expect(inputs[2]).toMatchObject({ label: en("meeting.duration"), value: "120" });
    expect(inputs[2]!.choices).toContainEqual({ title: "90 min", value: "90" });
    expect(inputs[3]).toMatchObject({ label: en("meeting.place"), isRequired: false, maxLength: 200 });
    const [execute, ...more] = executeActions(formCard);
    expect(more).toEqual([]);
    expect(execute).toMatchObject({
      type: "Action.Execute",
      verb: "ennakko.meeting-reschedule",
      data: { formId: "ennakko.meeting-reschedule" },
    });
    expect(JSON.parse(execute!.data.metadata)).toEqual({ channelId: energy.channelId, meetingId });

    // A date in the past: the form comes back with the error under the date, what was typed kept.
    const yesterday = daysAhead(-1);
    const past = await submit(emma, form, where, { ...MOVED, date: yesterday });
    const again = invokeCard(past);
    expect(inputsOf(again).find((i) => i.id === "date")).toMatchObject({
      type: "Input.Date",
      value: yesterday,
    });
    expect(below(again, "date")).toMatchObject({
      type: "TextBlock",
      text: en("meeting.invalid.SLOT_IN_PAST"),
      color: "Attention",
    });
    expect(errorsOn(again)).toEqual([en("meeting.invalid.SLOT_IN_PAST")]);
    expect(inputsOf(again).map((i) => [i.id, i.value])).toEqual([
      ["date", yesterday],
      ["time", MOVED.time],
      ["duration", MOVED.duration],
      ["place", MOVED.place],
    ]);
    expect(past.calls).toEqual([]);
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      status: "SCHEDULED",
      icsSequence: 0,
    });
    expect(await bot.db.prisma.meetingSlot.count()).toBe(2);
    expect(await rowsLike(":s1:")).toEqual([]);
    // (That the s0 reminders survive this refusal is checked under "known bugs" below.)

    // A valid date: the clicked form turns into the poll card showing the new time…
    const moved = await submit(emma, form, where, MOVED);
    const newStart = helsinkiInstant(MOVED.date, MOVED.time);
    const scheduledLine = `Scheduled: **${momentOf(newStart)}**, Oulu`;
    expect(cardTexts(invokeCard(moved))).toEqual([en("poll.heading", { title: TITLE }), scheduledLine]);
    // …the thread is told, once; the tracked poll card's redraw waits in the outbox (checked below).
    expect(moved.calls.map((c) => [c.method, c.operation])).toEqual([["POST", "reply"]]);
    const [told] = moved.calls as [ConnectorCall];
    expect(told.conversationId).toBe(poll.conversationId);
    const words = { title: TITLE, cluster: "Energy", where: ", Oulu" };
    expect(cardTexts(cardOf(told))).toEqual([
      shown(en, "meeting.invitation.rescheduled", { ...words, when: momentOf(newStart) }),
    ]);
    expect(cardTexts(cardOf(told))[0]).toMatch(/^\*\*Spring meeting\*\* \(Energy\) has moved to \{\{DATE\(/);
    expect(told.body.summary).toBe(
      toTeamsPlainText(en("meeting.invitation.rescheduled", { ...words, when: inZone(newStart, "en") })),
    );

    // Same meeting, a new chosen slot, SEQUENCE 1.
    const meeting = await bot.db.prisma.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { chosenSlot: true },
    });
    expect(meeting).toMatchObject({ status: "SCHEDULED", icsSequence: 1, icsUid });
    expect(meeting.chosenSlot).toMatchObject({ startsAt: newStart, durationMinutes: 90, location: "Oulu" });
    const audit = await bot.db.prisma.auditEntry.findMany({ where: { action: "meeting.reschedule" } });
    expect(audit.map((a) => [a.subjectId, a.details])).toEqual([
      [meetingId, { startsAt: newStart.toISOString(), sequence: 1 }],
    ]);

    // The old reminders are gone, new ones wait for the new date.
    expect(await reminders(meetingId)).toEqual([
      ["reminder-7d:s1:TEAMS", energy.channelId, "PENDING", helsinkiInstant(daysAhead(33), MOVED.time)],
      ["reminder-1d:s1:TEAMS", energy.channelId, "PENDING", helsinkiInstant(daysAhead(39), MOVED.time)],
    ]);
    expect(await rowsLike(":s0:TEAMS")).toEqual([]);

    // The next tick redraws the tracked poll card in place (PUT), once, and tells each member, in
    // their chat and language, with the same calendar link.
    const delivered = await deliverToBothMembers();
    expect(delivered.updates.map((c) => [c.method, c.conversationId, c.activityId])).toEqual([
      ["PUT", poll.conversationId, pollId],
    ]);
    const [redraw] = delivered.updates as [ConnectorCall];
    expect(redraw.body).toMatchObject({ type: "message", id: pollId });
    expect(cardTexts(cardOf(redraw))).toEqual([en("poll.heading", { title: TITLE }), scheduledLine]);
    expect(executeActions(cardOf(redraw))).toEqual([]);
    expect(delivered.emma.created).toBe(false); // her chat exists since the invitation
    const change = { startsAt: newStart, where: ", Oulu", icsUid };
    expectInvitation(delivered.emma, en, "meeting.invitation.rescheduled", change);
    expectInvitation(delivered.mikko, fi, "meeting.invitation.rescheduled", change);
    expect(cardTexts(delivered.mikko.card)[0]).toMatch(/^\*\*Spring meeting\*\* \(Energy\) on siirtynyt: /);
    expect((await rowsLike(":invite:s1:")).map((r) => r.status)).toEqual(["SENT", "SENT"]);

    // The calendar file: the same event (same UID), SEQUENCE 1, the new start and end.
    const file = await calendarFile(icsUid);
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(file.calendar).toContain("METHOD:PUBLISH");
    expect(file.event).toEqual(
      expect.arrayContaining([
        `UID:${icsUid}@ennakko`,
        "SEQUENCE:1",
        "STATUS:CONFIRMED",
        `DTSTART;TZID=${ZONE}:${icsStamp(MOVED.date, "14:30")}`,
        `DTEND;TZID=${ZONE}:${icsStamp(MOVED.date, "16:00")}`,
        "LOCATION:Oulu",
      ]),
    );
    expect(file.body).not.toContain(icsStamp(SLOT_1.date, "10:00"));
  });
});

describe("meeting cancel", () => {
  it("a confirmation card with a destructive button; the click cancels: channel told, reminders withdrawn, members told, STATUS:CANCELLED; then closed", async () => {
    const scene = await scheduledMeeting();
    const { meetingId, icsUid, where, poll, pollId } = scene;
    await deliverToBothMembers();
    const moved = await submit(emma, await openRescheduleForm(scene), where, MOVED);
    expect(moved.calls.map((c) => c.operation)).toEqual(["reply"]);
    await deliverToBothMembers();
    const newStart = helsinkiInstant(MOVED.date, MOVED.time);

    // A plain member cannot even get the question.
    const refused = cardOf(onlyReply(await say(mikko, "meeting cancel", where)));
    expect(cardTexts(refused)).toEqual([shown(fi, "error.FORBIDDEN")]);
    expect(executeActions(refused)).toEqual([]);

    // The chair is asked to confirm, with the meeting's time spelled out in the cluster's zone.
    const asked = onlyReply(await say(emma, "meeting cancel", where));
    const question = cardOf(asked);
    expect(cardTexts(question)).toEqual([
      shown(en, "meeting.cancelConfirm", { title: TITLE, when: inZone(newStart, "en") }),
    ]);
    expect(executeActions(question)).toEqual([
      {
        type: "Action.Execute",
        title: en("meeting.cancelButton"),
        verb: "ennakko.meeting.cancel",
        data: { actionId: "ennakko.meeting.cancel", value: meetingId },
        style: "destructive",
      },
    ]);
    // Asking changes nothing.
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      status: "SCHEDULED",
      icsSequence: 1,
    });
    expect((await reminders(meetingId)).map((r) => [r[0], r[2]])).toEqual([
      ["reminder-7d:s1:TEAMS", "PENDING"],
      ["reminder-1d:s1:TEAMS", "PENDING"],
    ]);

    // The click: the thread is told; the tracked poll card's redraw (without buttons) waits in the
    // outbox for the next tick (checked below).
    const cancelled = await press(emma, question, asked.answeredId!, where, "ennakko.meeting.cancel");
    const answered = invokeCard(cancelled);
    expect(cardTexts(answered)[0]).toBe(en("poll.heading", { title: TITLE }));
    expect(executeActions(answered)).toEqual([]);
    expect(cancelled.calls.map((c) => [c.method, c.operation])).toEqual([["POST", "reply"]]);
    const [told] = cancelled.calls as [ConnectorCall];
    expect(told.conversationId).toBe(poll.conversationId);
    const words = { title: TITLE, cluster: "Energy", where: "" };
    expect(cardTexts(cardOf(told))).toEqual([
      shown(en, "meeting.invitation.cancelled", { ...words, when: momentOf(newStart) }),
    ]);
    expect(cardTexts(cardOf(told))[0]).toMatch(/^\*\*Spring meeting\*\* \(Energy\) on .+ is cancelled\.$/);

    const meeting = await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting).toMatchObject({ status: "CANCELLED", icsSequence: 2 });
    expect(await bot.db.prisma.auditEntry.count({ where: { action: "meeting.cancel" } })).toBe(1);
    // No reminder is left to go out.
    expect(
      await bot.db.prisma.outboxMessage.count({
        where: { status: "PENDING", key: { contains: ":reminder-" } },
      }),
    ).toBe(0);

    // The next tick redraws the poll card in place and brings each member the cancellation; its
    // link now removes the event.
    const delivered = await deliverToBothMembers();
    expect(delivered.updates.map((c) => [c.method, c.conversationId, c.activityId])).toEqual([
      ["PUT", poll.conversationId, pollId],
    ]);
    const [redraw] = delivered.updates as [ConnectorCall];
    expect(cardTexts(cardOf(redraw))[0]).toBe(en("poll.heading", { title: TITLE }));
    expect(executeActions(cardOf(redraw))).toEqual([]);
    const change = { startsAt: newStart, where: "", icsUid };
    expectInvitation(delivered.emma, en, "meeting.invitation.cancelled", change);
    expectInvitation(delivered.mikko, fi, "meeting.invitation.cancelled", change);
    expect(cardTexts(delivered.mikko.card)[0]).toMatch(/^\*\*Spring meeting\*\* \(Energy\) .+ on peruttu\.$/);
    expect((await rowsLike(":invite:s2:")).map((r) => r.status)).toEqual(["SENT", "SENT"]);

    const file = await calendarFile(icsUid);
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(file.calendar).toContain("METHOD:PUBLISH");
    expect(file.event).toEqual(
      expect.arrayContaining([
        `UID:${icsUid}@ennakko`,
        "SEQUENCE:2",
        "STATUS:CANCELLED",
        `DTSTART;TZID=${ZONE}:${icsStamp(MOVED.date, "14:30")}`,
      ]),
    );

    // Clicking the same button again: the meeting is closed; nothing changes, nobody is told.
    const outboxBefore = await bot.db.prisma.outboxMessage.count();
    const twice = await press(emma, question, asked.answeredId!, where, "ennakko.meeting.cancel");
    expect(cardTexts(invokeCard(twice))).toEqual([shown(en, "error.POLL_CLOSED", { title: TITLE })]);
    expect(twice.calls).toEqual([]);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(outboxBefore);
    expect(await bot.db.prisma.auditEntry.count({ where: { action: "meeting.cancel" } })).toBe(1);
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({
      status: "CANCELLED",
      icsSequence: 2,
    });

    // There is nothing left to move or cancel.
    for (const command of ["meeting reschedule", "meeting cancel"]) {
      const answer = cardOf(onlyReply(await say(emma, command, where)));
      expect(cardTexts(answer)).toEqual([en("meeting.notScheduled")]);
      expect(inputsOf(answer)).toEqual([]);
      expect(executeActions(answer)).toEqual([]);
    }
    expect(await deliverOutbox()).toEqual([]);
  });
});

// Regressions: each of these was a bug found by this journey (the file named in the title).
describe("regressions", () => {
  it("teams-gateway.ts: an outbox card's notification preview (summary) is plain text, not ⟦instant|text⟧ markup", async () => {
    const { startsAt } = await scheduledMeeting();
    const delivered = await deliverToBothMembers();
    const words = { title: TITLE, cluster: "Energy", where: ", Rovaniemi" };
    expect(delivered.emma.summary).toBe(
      toTeamsPlainText(en("meeting.invitation.scheduled", { ...words, when: inZone(startsAt, "en") })),
    );
    expect(delivered.mikko.summary).toBe(
      toTeamsPlainText(fi("meeting.invitation.scheduled", { ...words, when: inZone(startsAt, "fi") })),
    );
  });

  it("change-meeting.ts: a reschedule refused for a past date leaves the pending reminders in place", async () => {
    const scene = await scheduledMeeting();
    const past = await submit(emma, await openRescheduleForm(scene), scene.where, {
      ...MOVED,
      date: daysAhead(-1),
    });
    expect(errorsOn(invokeCard(past))).toEqual([en("meeting.invalid.SLOT_IN_PAST")]);
    // The meeting has not moved, so its reminders must still go out.
    expect((await reminders(scene.meetingId)).map((r) => [r[0], r[2]])).toEqual([
      ["reminder-7d:s0:TEAMS", "PENDING"],
      ["reminder-1d:s0:TEAMS", "PENDING"],
    ]);
  });

  it("poll-view.ts: the poll card of a cancelled meeting does not read like an open poll", async () => {
    const scene = await scheduledMeeting();
    const asked = onlyReply(await say(emma, "meeting cancel", scene.where));
    const cancelled = await press(
      emma,
      cardOf(asked),
      asked.answeredId!,
      scene.where,
      "ennakko.meeting.cancel",
    );
    expect(cancelled.status).toBe(200);
    const redraws = await deliverOutbox(); // the card's redraw waits in the outbox
    const redraw = redraws.find((c) => c.operation === "update" && c.activityId === scene.pollId)!;
    const texts = cardTexts(cardOf(redraw));
    // Today it shows the poll's intro ("When can you come?…"), every slot with an empty tally and
    // "Not answered yet: …", and nothing says the meeting is cancelled.
    expect(texts).not.toContain(en("poll.intro"));
    expect(texts.filter((t) => t.startsWith(en("poll.pending", { names: "" })))).toEqual([]);
  });

  it("teams-platform.ts: a change made from a new post (another thread) still redraws the poll card", async () => {
    const scene = await scheduledMeeting();
    // "@Ennakko meeting reschedule" as a new post in the channel, not in the poll's thread.
    const turn = await say(emma, "meeting reschedule");
    const form = onlyReply(turn);
    const moved = await submit(emma, form, inEnergy(turn.activity.id), MOVED);
    expect(cardTexts(invokeCard(moved))[0]).toBe(en("poll.heading", { title: TITLE }));
    // Today only the announcement is posted; the poll card keeps showing the old time.
    const sent = [...moved.calls, ...(await deliverOutbox())]; // the redraw waits in the outbox
    expect(sent.map((c) => [c.operation, c.conversationId, c.activityId])).toContainEqual([
      "update",
      scene.poll.conversationId,
      scene.pollId,
    ]);
  });
});
