// Every action once, on Slack. Each form the dispatcher knows is submitted, then the very same
// view_submission is delivered again (a retry or a replayed signed request: same view id and hash):
// the replay changes nothing in the database (so no second row and no second notification in the
// outbox), posts nothing but a short note, and closes the modal. Clicks are keyed on their own
// action_ts: a replayed click is ignored, a new click (a changed vote) still counts, four "Done"
// clicks at once record one change.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { eventually } from "../../support/eventually.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import { startMeetingTenMinutesAgo } from "../../support/meetings.ts";
import { seedHeldMeeting } from "../../support/minutes-meeting.ts";
import {
  type Block,
  choice,
  date,
  input,
  type Modal,
  slackJourney,
  startSlackBot,
  stopSlackBot,
  time,
  values,
} from "../../support/slack-journey.ts";
import { blockActionPayload, interactionBody, viewSubmissionPayload } from "../../support/slack-requests.ts";
import { tableDigests } from "../../support/table-digests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;
const en = translator("en");

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-EMMA": { display_name: "Emma", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: (kind) => `${kind[0]}${++n}` });
const { post, command, reply, click, createCluster } = journey;
const deliverOutbox = () => bot.bot.jobs!.scheduler.tick("outbox");
/** Poll redraws wait in the outbox (merged per message): ticks until `count` chat.updates went out. */
const redrawn = (count = 1) =>
  eventually(async () => {
    await deliverOutbox();
    return slack.callsTo("chat.update").length >= count || null;
  });

let opened = 0;
/** The next modal the bot opened. */
const nextModal = (): Promise<Modal> => journey.modal(++opened);

beforeEach(async () => {
  await truncateAll(bot.db);
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
  slack.reset();
  opened = 0;
  await createCluster("U-AINO", "Energy", nextModal);
  await reply(await command("U-EMMA", "join"));
  await reply(await command("U-OLLI", "join"));
  slack.reset();
  opened = 0;
});

// ── the replay ──────────────────────────────────────────────────────────────────────────────────
/** The notes that said "already received": private messages, or answers to a click's response_url. */
const repeatedNotes = () =>
  slack.calls.filter(
    (c) =>
      (c.method === "chat.postEphemeral" || c.method.startsWith("response_url:")) &&
      c.body.text === en("interaction.repeated"),
  );

/** Submits `fields` on `view` once (accepted: the modal closes); returns the signed body to send again. */
async function submitOnce(user: string, view: Modal, fields: Record<string, unknown>): Promise<string> {
  const body = interactionBody(
    viewSubmissionPayload({
      user,
      callbackId: view.callback_id,
      metadata: view.private_metadata,
      values: values(fields),
    }),
  );
  const res = await post(body);
  expect(res.status).toBe(200);
  expect(res.text).toBe("");
  return body;
}

/**
 * Sends `body` again, byte for byte (signed anew, as a retry is). Call it once the first delivery's
 * answers have arrived. Nothing may change; the only call to Slack is the note to the person.
 */
async function replayChangesNothing(body: string): Promise<void> {
  const before = await tableDigests(bot.db);
  const calls = slack.calls.length;
  const notes = repeatedNotes().length;
  const res = await post(body);
  expect(res.status).toBe(200);
  expect(res.text).toBe("");
  await eventually(() => repeatedNotes().length > notes || null);
  expect(slack.calls.slice(calls).map((c) => c.method)).toEqual(["chat.postEphemeral"]);
  expect(await tableDigests(bot.db)).toEqual(before);
}

const ephemerals = (count: number) => slack.waitFor("chat.postEphemeral", count);
const buttons = (blocks: Block[]) => blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
const personId = async (name: string) =>
  (await bot.db.prisma.person.findFirstOrThrow({ where: { displayName: name } })).id;

/** The chair plans a meeting in the modal; returns the signed body of that submission. */
async function planMeeting(extra: Record<string, unknown> = {}) {
  await command("U-AINO", "meeting plan");
  const body = await submitOnce("U-AINO", await nextModal(), {
    title: input("Spring 2027"),
    slot_1_date: date(dayAhead(30)),
    slot_1_time: time("10:00"),
    slot_2_date: date(dayAhead(33)),
    slot_2_time: time("13:00"),
    ...extra,
  });
  await slack.waitFor("chat.postMessage");
  await ephemerals(1);
  // The poll message is remembered (for redraws) right after Slack answered the post.
  await eventually(() => bot.db.prisma.postedMessage.findFirst());
  return body;
}

/** The chair assigns a measure to Olli in the modal; returns the body and the measure's id. */
async function assignMeasure() {
  await command("U-AINO", "measure add");
  const body = await submitOnce("U-AINO", await nextModal(), {
    title: input("Hydrogen welding course"),
    owner: choice(await personId("Olli")),
    due_date: date(dayAhead(60)),
  });
  await ephemerals(1);
  const measure = await bot.db.prisma.measure.findFirstOrThrow();
  return { body, measureId: measure.id };
}

/** Clicks a button in `channel` (by default `user`'s DM with the bot); `body` can be sent again. */
function clickIn(user: string, actionId: string, value: string, channel = `D-${user}`) {
  const id = `d${++n}`;
  const body = interactionBody(
    blockActionPayload({ user, channel, actionId, value, responseUrl: slack.responseUrl(id) }),
  );
  return { id, body, sent: post(body) };
}

/** The chair creates a named pulse for the members in the modal; returns that submission's body. */
async function createPulse(title: string) {
  await command("U-AINO", "pulse new");
  const body = await submitOnce("U-AINO", await nextModal(), {
    title: input(title),
    questions: {
      type: "multi_static_select",
      selected_options: ["education-cooperation", "hiring-next-12m"].map((value) => ({ value })),
    },
    anonymity: choice("named"),
    closes_date: date(dayAhead(14)),
    closes_time: time("16:00"),
    results_live: choice("no"),
  });
  await ephemerals(1);
  return body;
}

// ── one test per form ───────────────────────────────────────────────────────────────────────────
describe("Slack: every form, replayed, acts once", () => {
  it("ennakko.setup-cluster: one cluster, one announcement", async () => {
    await command("U-AINO", "setup Tourism", "C-TOURISM");
    const body = await submitOnce("U-AINO", await nextModal(), {
      name: input("Tourism"),
      locale: choice("en"),
    });
    await slack.waitFor("chat.postMessage");
    await replayChangesNothing(body);
    expect(await bot.db.prisma.cluster.count({ where: { name: "Tourism" } })).toBe(1);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("ennakko.measure-add: one measure, one message to its owner", async () => {
    const { body } = await assignMeasure();
    await replayChangesNothing(body);
    expect(await bot.db.prisma.measure.count()).toBe(1);
    expect(await bot.db.prisma.outboxMessage.count({ where: { key: { endsWith: ":assigned" } } })).toBe(1);
  });

  it("ennakko.measure-add: four identical deliveries at once make one measure", async () => {
    await command("U-AINO", "measure add");
    const view = await nextModal();
    const body = interactionBody(
      viewSubmissionPayload({
        user: "U-AINO",
        callbackId: view.callback_id,
        metadata: view.private_metadata,
        values: values({
          title: input("Hydrogen welding course"),
          owner: choice(await personId("Olli")),
          due_date: date(dayAhead(60)),
        }),
      }),
    );
    const answers = await Promise.all([1, 2, 3, 4].map(() => post(body)));
    expect(answers.map((a) => [a.status, a.text])).toEqual(Array(4).fill([200, ""]));
    await eventually(() => repeatedNotes().length === 3 || null);
    const assigned = await ephemerals(4);
    expect(assigned.filter((c) => String(c.body.text).includes("is assigned to Olli"))).toHaveLength(1);
    expect(await bot.db.prisma.measure.count()).toBe(1);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(1);
  });

  it("ennakko.measure-progress and ennakko.measure-blocked: one check-in each", async () => {
    const { measureId } = await assignMeasure();
    await clickIn("U-OLLI", "ennakko.measure.progress", measureId).sent;
    const progress = await submitOnce("U-OLLI", await nextModal(), {
      progress: choice("60"),
      note: input("Curriculum drafted"),
    });
    await ephemerals(2);
    await replayChangesNothing(progress);

    await clickIn("U-OLLI", "ennakko.measure.blocked", measureId).sent;
    const blocked = await submitOnce("U-OLLI", await nextModal(), { reason: input("No teacher yet") });
    await ephemerals(4);
    await replayChangesNothing(blocked);

    const history = await bot.db.prisma.measureUpdate.findMany({ orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.status)).toEqual(["PLANNED", "STARTED", "BLOCKED"]);
    expect(await bot.db.prisma.outboxMessage.count({ where: { key: { contains: ":update:" } } })).toBe(2);
  });

  it("ennakko.plan-meeting: one meeting, one poll, one message to each member", async () => {
    const body = await planMeeting();
    const members = await bot.db.prisma.outboxMessage.count();
    await replayChangesNothing(body);
    expect(await bot.db.prisma.meeting.count()).toBe(1);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(members);
  });

  it("ennakko.meeting-reschedule: moved once, one notice to each member", async () => {
    await planMeeting();
    const meeting = await bot.db.prisma.meeting.findFirstOrThrow({ include: { slots: true } });
    await bot.db.prisma.meeting.update({
      where: { id: meeting.id },
      data: { status: "SCHEDULED", chosenSlotId: meeting.slots[0]!.id },
    });
    await command("U-AINO", "meeting reschedule");
    const body = await submitOnce("U-AINO", await nextModal(), {
      date: date(dayAhead(40)),
      time: time("12:00"),
      duration: choice("90"),
    });
    // The change is announced in the channel; the poll's redraw goes out from the outbox.
    await slack.waitFor("chat.postMessage", 2);
    await redrawn();
    await replayChangesNothing(body);
    expect(await bot.db.prisma.meeting.findFirstOrThrow()).toMatchObject({ icsSequence: 1 });
    expect(await bot.db.prisma.meetingSlot.count()).toBe(3);
  });

  it("ennakko.pulse-new: one pulse, one sheet for each member", async () => {
    const body = await createPulse("Spring skills pulse");
    await replayChangesNothing(body);
    expect(await bot.db.prisma.pulse.count()).toBe(1);
  });

  it("ennakko.pulse-copy: one copy", async () => {
    await createPulse("Spring skills pulse");
    await command("U-AINO", "pulse copy");
    const body = await submitOnce("U-AINO", await nextModal(), {
      title: input("Autumn skills pulse"),
      opens_date: date(dayAhead(20)),
      closes_date: date(dayAhead(34)),
      closes_time: time("16:00"),
    });
    await ephemerals(2);
    await replayChangesNothing(body);
    expect(await bot.db.prisma.pulse.count({ where: { title: "Autumn skills pulse" } })).toBe(1);
  });

  it("ennakko.pulse-answer: the answers are saved once", async () => {
    await createPulse("Spring skills pulse");
    expect(await deliverOutbox()).toBe("ran");
    const dm = await eventually(() =>
      slack.callsTo("chat.postMessage").find((c) => c.body.channel === "D-U-OLLI"),
    );
    const formButton = buttons(dm.body.blocks as Block[]).find((b) => b.action_id === "ennakko.pulse.form")!;
    const opening = clickIn("U-OLLI", "ennakko.pulse.form", formButton.value);
    const body = await submitOnce("U-OLLI", await nextModal(), { q1: input("4"), q2: input("12") });
    // The sheet in the DM is redrawn through the response_url of the click that opened the form.
    await reply(opening.id);
    await replayChangesNothing(body);
    expect(await bot.db.prisma.pulseAnswer.count()).toBeGreaterThan(0);
  });

  it("ennakko.agenda-add and ennakko.agenda-timebox: one item, one timebox", async () => {
    await planMeeting({ deadline_date: date(dayAhead(20)), deadline_time: time("16:00") });
    await command("U-OLLI", "agenda add");
    const added = await submitOnce("U-OLLI", await nextModal(), {
      title: input("Hydrogen valley"),
      kind: choice("TOPIC"),
    });
    await ephemerals(2);
    await replayChangesNothing(added);
    expect(await bot.db.prisma.agendaItem.count()).toBe(1);

    const item = await bot.db.prisma.agendaItem.findFirstOrThrow();
    await reply(await click("U-AINO", "ennakko.agenda.accept", item.id));
    await click("U-AINO", "ennakko.agenda.timebox", item.id);
    const timeboxed = await submitOnce("U-AINO", await nextModal(), { minutes: choice("20") });
    await ephemerals(4);
    await replayChangesNothing(timeboxed);
    expect(await bot.db.prisma.agendaItem.findFirstOrThrow()).toMatchObject({ timeboxMinutes: 20 });
  });

  it("ennakko.record-attendance and ennakko.record-decision: recorded once, announced once", async () => {
    await planMeeting();
    const meeting = await startMeetingTenMinutesAgo(bot.db);
    await click("U-AINO", "ennakko.record.attendance", meeting.id);
    const attendance = await submitOnce("U-AINO", await nextModal(), {
      present: {
        type: "multi_static_select",
        selected_options: [{ value: await personId("Aino") }, { value: await personId("Olli") }],
      },
    });
    await ephemerals(2);
    await replayChangesNothing(attendance);
    expect(await bot.db.prisma.attendance.count()).toBe(3);

    await command("U-AINO", "decide");
    const decided = await submitOnce("U-AINO", await nextModal(), {
      text: input("We apply for the valley fund"),
    });
    await slack.waitFor("chat.postMessage", 2);
    await ephemerals(4);
    await replayChangesNothing(decided);
    expect(await bot.db.prisma.decision.count()).toBe(1);
  });

  it("ennakko.minutes-draft: one version saved", async () => {
    await seedHeldMeeting(bot.db, { present: ["Aino", "Olli"], owner: "Olli" });
    await command("U-AINO", "minutes draft Spring 2027");
    const body = await submitOnce("U-AINO", await nextModal(), {
      summary: input("The chair opened the meeting."),
      discussion: input("Funding looks likely."),
      nextSteps: input("Apply by June."),
    });
    await ephemerals(1);
    await replayChangesNothing(body);
    expect(await bot.db.prisma.minutes.count()).toBe(1);
  });
});

// ── forms refused or failed, and clicks ─────────────────────────────────────────────────────────
describe("Slack: what a replay must not block", () => {
  it("a refused form, corrected, goes through under the same view id and hash", async () => {
    await command("U-AINO", "measure add");
    const view = await nextModal();
    const olli = await personId("Olli");
    // Slack keeps the view id and hash of a modal answered with errors.
    const submit = (dueDate: string) =>
      post(
        interactionBody(
          viewSubmissionPayload({
            user: "U-AINO",
            callbackId: view.callback_id,
            metadata: view.private_metadata,
            values: values({
              title: input("Hydrogen welding course"),
              owner: choice(olli),
              due_date: date(dueDate),
            }),
            viewId: "V-REFUSED",
            hash: "1700000001.hash",
          }),
        ),
      );
    const refused = await submit("2020-01-01");
    expect(JSON.parse(refused.text)).toMatchObject({ response_action: "errors" });
    const again = await submit("2020-01-01");
    expect(JSON.parse(again.text)).toMatchObject({ response_action: "errors" });
    expect(await bot.db.prisma.measure.count()).toBe(0);
    expect((await submit(dayAhead(60))).text).toBe("");
    expect(String((await ephemerals(1))[0]!.body.text)).toContain("is assigned to Olli");
    expect(await bot.db.prisma.measure.count()).toBe(1);
    expect(repeatedNotes()).toHaveLength(0);
  });

  it("a submission that failed on our side runs again when Slack retries it", async () => {
    await command("U-AINO", "measure add");
    const view = await nextModal();
    // A real failure of the database engine, for this one title, gone before the retry.
    await bot.db.prisma.$executeRawUnsafe(
      `ALTER TABLE "Measure" ADD CONSTRAINT replay_test_failure CHECK (title <> 'Hydrogen welding course')`,
    );
    let body = "";
    try {
      body = await submitOnce("U-AINO", view, {
        title: input("Hydrogen welding course"),
        owner: choice(await personId("Olli")),
        due_date: date(dayAhead(60)),
      });
      expect((await ephemerals(1))[0]!.body.text).toBe(en("error.unexpected"));
    } finally {
      await bot.db.prisma.$executeRawUnsafe(`ALTER TABLE "Measure" DROP CONSTRAINT replay_test_failure`);
    }
    expect((await post(body)).text).toBe("");
    expect(String((await ephemerals(2))[1]!.body.text)).toContain("is assigned to Olli");
    expect(await bot.db.prisma.measure.count()).toBe(1);
    expect(repeatedNotes()).toHaveLength(0);
  });

  it("a replayed click is ignored; a new click that changes the vote still counts", async () => {
    await planMeeting();
    const slot = await bot.db.prisma.meetingSlot.findFirstOrThrow({ orderBy: { startsAt: "asc" } });
    const value = `${slot.meetingId}|${slot.id}`;
    const yes = clickIn("U-OLLI", "ennakko.poll.yes", value, "C-ENERGY");
    await yes.sent;
    await eventually(() => bot.db.prisma.slotVote.findFirst({ where: { answer: "YES" } }));
    // The vote redraws the poll in the channel (from the outbox).
    await redrawn();

    const before = await tableDigests(bot.db);
    const calls = slack.calls.length;
    await post(yes.body);
    await eventually(() => repeatedNotes().length === 1 || null);
    expect(slack.calls.slice(calls).map((c) => c.method)).toEqual([`response_url:${yes.id}`]);
    expect(await tableDigests(bot.db)).toEqual(before);

    const no = clickIn("U-OLLI", "ennakko.poll.no", value, "C-ENERGY");
    await no.sent;
    await eventually(() => bot.db.prisma.slotVote.findFirst({ where: { answer: "NO" } }));
    await redrawn(2);
    expect(await bot.db.prisma.slotVote.count()).toBe(1);
    expect(repeatedNotes()).toHaveLength(1);
  });

  it("four 'Done' clicks at once record one change and one update for the channel", async () => {
    const { measureId } = await assignMeasure();
    const clicks = [1, 2, 3, 4].map(() => clickIn("U-OLLI", "ennakko.measure.done", measureId));
    await Promise.all(clicks.map((c) => c.sent));
    const answers = await Promise.all(clicks.map((c) => reply(c.id)));
    expect(answers.filter((a) => a.text.includes("is done (100 %)"))).toHaveLength(1);
    expect(
      answers.filter((a) => a.text === en("error.MEASURE_CLOSED", { title: "Hydrogen welding course" })),
    ).toHaveLength(3);
    expect(await bot.db.prisma.measureUpdate.count({ where: { measureId, status: "DONE" } })).toBe(1);
    expect(await bot.db.prisma.outboxMessage.count({ where: { key: { contains: ":update:" } } })).toBe(1);
  });
});

describe("Slack: double clicks on buttons", () => {
  it("'Up' clicked twice on one agenda moves the item one place", async () => {
    await planMeeting({ deadline_date: date(dayAhead(20)), deadline_time: time("16:00") });
    for (const title of ["Hydrogen valley", "Welding skills", "Summer school"]) {
      await command("U-AINO", "agenda add");
      await submitOnce("U-AINO", await nextModal(), { title: input(title), kind: choice("TOPIC") });
    }
    await ephemerals(4);
    for (const item of await bot.db.prisma.agendaItem.findMany({ orderBy: { createdAt: "asc" } }))
      await reply(await click("U-AINO", "ennakko.agenda.accept", item.id));
    const agenda = await reply(await command("U-AINO", "agenda"));
    const blocks = agenda.blocks;
    const at = blocks.findIndex((b) => b.text?.text.includes("Summer school"));
    const up = blocks
      .slice(at + 1)
      .find((b) => b.type === "actions")!
      .elements!.find((e) => e.action_id === "ennakko.agenda.up")!;
    // Two clicks, two deliveries (each its own action_ts), both from the same agenda as shown.
    await reply(await click("U-AINO", "ennakko.agenda.up", up.value));
    await reply(await click("U-AINO", "ennakko.agenda.up", up.value));
    const order = await bot.db.prisma.agendaItem.findMany({ orderBy: { position: "asc" } });
    expect(order.map((i) => i.title)).toEqual(["Hydrogen valley", "Summer school", "Welding skills"]);
  });
});
