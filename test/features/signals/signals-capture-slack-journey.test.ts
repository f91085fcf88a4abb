// Signals capture on Slack, through the real Bolt HTTP receiver with signed requests and the strict
// fake Slack Web API: "Save as signal" on a message opens the form with the message linked and its
// text attributed; submitting saves one signal (a retry or the same form again: still one) and posts
// its card; members rate on the card (one rating each, changeable), the tally is redrawn; observers
// are refused; organisers link it to a measure and put it on the agenda once. `/cluster signal` too,
// with bad input answered under the fields.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { eventually } from "../../support/eventually.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
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
  twoSlotPlan,
  values,
} from "../../support/slack-journey.ts";
import { interactionBody, viewSubmissionPayload } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let counter = 0;
const en = translator("en");

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-EMMA": { display_name: "Emma", locale: "en-US" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
      "U-PIA": { display_name: "Pia", locale: "en-GB" },
      "U-OSKU": { display_name: "Osku", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const { post, command, reply, click, submit, submitView, modal, createCluster } = slackJourney(
  () => ({ bot, slack }),
  {
    nextId: (kind) => `${kind === "command" ? "m" : "c"}${++counter}`,
  },
);

let opened = 0;
let privateAnswers = 0;
const nextModal = () => modal(++opened);
async function nextEphemeral() {
  const n = ++privateAnswers;
  const calls = await slack.waitFor("chat.postEphemeral", n);
  return calls[n - 1]!.body as { channel: string; user: string; text: string; blocks: Block[] };
}

const MESSAGE_TS = "1700000000.000100";
const PERMALINK = "https://lapland.slack.com/archives/C-ENERGY/p1700000000000100";

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  opened = 0;
  privateAnswers = 0;
  await createCluster("U-AINO", "Energy", nextModal);
  for (const user of ["U-EMMA", "U-OLLI", "U-PIA", "U-OSKU"]) await reply(await command(user, "join"));
  await command("U-AINO", "role <@U-OSKU|osku> observer");
  // Its announcement in the channel: the last thing the set-up waits for.
  await slack.waitFor("chat.postMessage", 2);
  slack.reset();
  opened = 0;
  privateAnswers = 0;
});

/** "Save as signal" on Aino's message, by `user`; returns the response_url id its refusals go to. */
async function saveAsSignal(user: string) {
  const id = `s${++counter}`;
  await post(
    interactionBody({
      type: "message_action",
      token: "deprecated-verification-token",
      action_ts: String(Date.now() / 1000),
      team: { id: "T-LAPLAND", domain: "lapland" },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T-LAPLAND" },
      channel: { id: "C-ENERGY", name: "energy-cluster" },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: "save_signal",
      trigger_id: `trigger-${++counter}`,
      response_url: slack.responseUrl(id),
      message_ts: MESSAGE_TS,
      message: {
        type: "message",
        user: "U-AINO",
        ts: MESSAGE_TS,
        text: "Three <https://example.org/h2|hydrogen> buses ordered in Oulu &amp; more coming",
      },
    }),
  );
  return id;
}

const field = (form: Modal, id: string) => form.blocks.find((b) => b.block_id === id)!.element!;

const filled = (overrides: Record<string, unknown> = {}) => ({
  title: input("Hydrogen buses in Oulu"),
  seen: input("Aino: three hydrogen buses ordered"),
  source: input("https://example.org/h2"),
  category: choice("TECHNOLOGICAL"),
  significance: choice("4"),
  timeliness: choice("2"),
  ...overrides,
});

/** Saves a signal through the message shortcut as Emma; returns its id and its posted card. */
async function savedSignal() {
  await saveAsSignal("U-EMMA");
  const form = await nextModal();
  await submit("U-EMMA", form, filled());
  const [card] = await slack.waitFor("chat.postMessage", 1);
  expect((await nextEphemeral()).text).toBe(en("signal.saved", { title: "Hydrogen buses in Oulu" }));
  const signal = await bot.db.prisma.signal.findFirstOrThrow();
  return { signalId: signal.id, card: card!.body as { channel: string; text: string; blocks: Block[] } };
}

/** Ticks the outbox until the card's last redraw shows `expected`. */
const redrawnWith = (expected: string) =>
  eventually(async () => {
    await bot.bot.jobs!.scheduler.tick("outbox");
    const last = slack.callsTo("chat.update").at(-1);
    return last && JSON.stringify(last.body).includes(expected) ? last.body : null;
  });

const rate = (user: string, criterion: "plausibility" | "significance", value: number, signalId: string) =>
  click(user, `ennakko.signal.rate.${criterion}.${value}`, signalId);

/** Waits until `user`'s rating reads `expected`. */
async function ratingOf(
  user: string,
  expected: { plausibility: number | null; significance: number | null },
) {
  const identity = await bot.db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: user } });
  return eventually(async () => {
    const row = await bot.db.prisma.signalRating.findFirst({ where: { personId: identity.personId } });
    return row && row.plausibility === expected.plausibility && row.significance === expected.significance
      ? row
      : null;
  });
}

describe("Slack: saving a signal", () => {
  it("'Save as signal' opens the form with the message linked and attributed; a retry saves one signal", async () => {
    await saveAsSignal("U-EMMA");
    const form = await nextModal();
    expect(form.callback_id).toBe("ennakko.signal-save");
    expect(JSON.parse(form.private_metadata)).toMatchObject({ link: PERMALINK });
    expect(JSON.stringify(form.blocks)).toContain(PERMALINK);
    expect(field(form, "seen").initial_value).toBe(
      "Aino: Three hydrogen (https://example.org/h2) buses ordered in Oulu & more coming",
    );
    expect(field(form, "category").options!.map((o) => o.text.text)).toEqual([
      "Political",
      "Economic",
      "Social",
      "Technological",
      "Environmental",
      "Legal",
    ]);
    expect(field(form, "timeliness").options!.map((o) => o.text.text)).toEqual([
      "Already here",
      "Within 2 years",
      "In 2–5 years",
      "In 5–10 years",
      "10+ years away",
    ]);

    // The same submission delivered twice (Slack's retry: same view id and hash) is acted on once.
    const body = interactionBody(
      viewSubmissionPayload({
        user: "U-EMMA",
        callbackId: form.callback_id,
        metadata: form.private_metadata,
        values: values(filled()),
        viewId: "V-RETRY",
      }),
    );
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    const [card] = await slack.waitFor("chat.postMessage", 1);
    // One answer says it is saved, the other that the replay changed nothing (in either order).
    const answers = [(await nextEphemeral()).text, (await nextEphemeral()).text].sort();
    expect(answers).toEqual(
      [en("interaction.repeated"), en("signal.saved", { title: "Hydrogen buses in Oulu" })].sort(),
    );
    // The same form submitted again (a double click makes a new submission): still one signal.
    await submit("U-EMMA", form, filled());
    expect((await nextEphemeral()).text).toBe(en("signal.duplicate"));
    expect(await bot.db.prisma.signal.count()).toBe(1);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);

    const signal = await bot.db.prisma.signal.findFirstOrThrow({ include: { savedBy: true } });
    expect(signal).toMatchObject({
      title: "Hydrogen buses in Oulu",
      description: "Aino: three hydrogen buses ordered",
      sourceUrl: "https://example.org/h2",
      category: "TECHNOLOGICAL",
      significance: 4,
      timeliness: 2,
      messageLink: PERMALINK,
      savedBy: { displayName: "Emma" },
    });
    // The card (accepted by the strict fake) is in the channel and remembered for its redraws.
    expect(card!.body).toMatchObject({ channel: "C-ENERGY" });
    const shown = JSON.stringify(card!.body.blocks);
    for (const text of [
      "Hydrogen buses in Oulu",
      "Technological",
      "saved by Emma",
      PERMALINK,
      "https://example.org/h2",
    ])
      expect(shown).toContain(text);
    expect(shown).toContain(en("signal.card.noRatings"));
    expect(
      await bot.db.prisma.postedMessage.count({ where: { subjectType: "signal", subjectId: signal.id } }),
    ).toBe(1);
  });

  it("an observer may neither save from a message nor with /cluster signal", async () => {
    expect((await reply(await saveAsSignal("U-OSKU"))).text).toBe(en("error.FORBIDDEN"));
    expect((await reply(await command("U-OSKU", "signal"))).text).toBe(en("error.FORBIDDEN"));
    expect(slack.callsTo("views.open")).toHaveLength(0);
  });

  it("/cluster signal opens the empty form; bad input is answered under each field", async () => {
    await command("U-OLLI", "signal");
    const form = await nextModal();
    expect(form.callback_id).toBe("ennakko.signal-save");
    expect(JSON.parse(form.private_metadata)).toMatchObject({ link: null });
    expect(field(form, "seen").initial_value).toBeUndefined();

    const bad = await submit(
      "U-OLLI",
      form,
      filled({
        title: input(""),
        source: input("javascript:alert(1)"),
        category: choice("MAGIC"),
        significance: choice("9"),
      }),
    );
    expect(JSON.parse(bad.text)).toEqual({
      response_action: "errors",
      errors: {
        title: en("signal.invalid.title"),
        source: en("signal.invalid.source"),
        category: en("signal.invalid.category"),
        significance: en("signal.invalid.significance"),
      },
    });
    const ftp = await submit("U-OLLI", form, filled({ source: input("ftp://example.org/file") }));
    expect(JSON.parse(ftp.text).errors).toEqual({ source: en("signal.invalid.source") });
    expect(await bot.db.prisma.signal.count()).toBe(0);

    // Fixed: saved, without a message link; no source link is fine too.
    await submit("U-OLLI", form, filled({ source: input("") }));
    await slack.waitFor("chat.postMessage", 1);
    const signal = await bot.db.prisma.signal.findFirstOrThrow();
    expect(signal).toMatchObject({ messageLink: null, sourceUrl: null, title: "Hydrogen buses in Oulu" });
  });
});

describe("Slack: rating and curating a signal", () => {
  it("three members rate, one changes their rating; the card's tally is redrawn; an observer is refused", async () => {
    const { signalId } = await savedSignal();
    await rate("U-EMMA", "plausibility", 4, signalId);
    await ratingOf("U-EMMA", { plausibility: 4, significance: null });
    await rate("U-OLLI", "plausibility", 2, signalId);
    await rate("U-OLLI", "significance", 4, signalId);
    await rate("U-PIA", "plausibility", 3, signalId);
    await rate("U-EMMA", "significance", 5, signalId);
    await ratingOf("U-OLLI", { plausibility: 2, significance: 4 });
    await ratingOf("U-PIA", { plausibility: 3, significance: null });
    await ratingOf("U-EMMA", { plausibility: 4, significance: 5 });
    // Emma changes her mind: her rating changes, no second one.
    await rate("U-EMMA", "plausibility", 5, signalId);
    await ratingOf("U-EMMA", { plausibility: 5, significance: 5 });
    expect(await bot.db.prisma.signalRating.count()).toBe(3);

    // (5 + 2 + 3) / 3 and (5 + 4) / 2.
    const tally = en("signal.card.tally", { plausibility: "3.3", pn: 3, significance: "4.5", sn: 2 });
    const redrawn = await redrawnWith(tally);
    expect(redrawn).toMatchObject({ channel: "C-ENERGY" });

    const refused = await rate("U-OSKU", "plausibility", 1, signalId);
    expect((await reply(refused)).text).toBe(en("signal.rate.observer"));
    expect(await bot.db.prisma.signalRating.count()).toBe(3);
  });

  it("an organiser links the signal to an open measure; a member may not", async () => {
    const { signalId } = await savedSignal();
    const cluster = await bot.db.prisma.cluster.findFirstOrThrow();
    const open = await bot.db.prisma.measure.create({
      data: { clusterId: cluster.id, title: "Hydrogen skills pilot", dueDate: new Date("2027-06-30") },
    });
    await bot.db.prisma.measure.create({
      data: {
        clusterId: cluster.id,
        title: "Finished study",
        dueDate: new Date("2026-01-31"),
        status: "DONE",
      },
    });

    expect((await reply(await click("U-OLLI", "ennakko.signal.link-measure", signalId))).text).toBe(
      en("error.FORBIDDEN"),
    );
    await click("U-AINO", "ennakko.signal.link-measure", signalId);
    const form = await nextModal();
    expect(form.callback_id).toBe("ennakko.signal-measure");
    // Only open measures are offered.
    expect(field(form, "measure").options!.map((o) => o.text.text)).toEqual(["Hydrogen skills pilot"]);
    await submit("U-AINO", form, { measure: choice(open.id) });
    expect((await nextEphemeral()).text).toBe(en("signal.linked", { title: "Hydrogen skills pilot" }));
    expect((await bot.db.prisma.signal.findUniqueOrThrow({ where: { id: signalId } })).measureId).toBe(
      open.id,
    );
    await redrawnWith(en("signal.card.measure", { title: "Hydrogen skills pilot" }));
  });

  it("'Add to the agenda': no planned meeting is told; then once only, as a topic", async () => {
    const { signalId } = await savedSignal();
    expect((await reply(await click("U-AINO", "ennakko.signal.to-agenda", signalId))).text).toBe(
      en("error.SIGNAL_NO_PLANNED_MEETING"),
    );

    await command("U-AINO", "meeting plan");
    await submit("U-AINO", await nextModal(), {
      title: input("Spring 2027"),
      slot_1_date: date(dayAhead(30)),
      slot_1_time: time("10:00"),
      slot_2_date: date(dayAhead(33)),
      slot_2_time: time("10:00"),
    });
    await eventually(async () => ((await bot.db.prisma.meeting.count()) === 1 ? true : null));

    expect((await reply(await click("U-AINO", "ennakko.signal.to-agenda", signalId))).text).toBe(
      en("signal.onAgenda", { meeting: "Spring 2027" }),
    );
    expect((await reply(await click("U-AINO", "ennakko.signal.to-agenda", signalId))).text).toBe(
      en("signal.alreadyOnAgenda", { meeting: "Spring 2027" }),
    );
    const items = await bot.db.prisma.agendaItem.findMany();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ title: "Hydrogen buses in Oulu", kind: "TOPIC", status: "PROPOSED" });
    expect(items[0]!.details).toContain(PERMALINK);
    const signal = await bot.db.prisma.signal.findUniqueOrThrow({ where: { id: signalId } });
    expect(signal.agendaItemId).toBe(items[0]!.id);
    const redrawn = await redrawnWith(
      en("signal.card.agenda", { meeting: "Spring 2027", title: "Hydrogen buses in Oulu" }),
    );
    // Once on the agenda, the card no longer offers to add it.
    expect(JSON.stringify(redrawn)).not.toContain("ennakko.signal.to-agenda");
  });
});

describe("Slack: from a saved signal to the radar and the next meeting's agenda", () => {
  it("a signal saved from a message shows on /cluster signals and in the agenda's signals section", async () => {
    // A meeting is being planned (there is no held one yet: the section covers the last 6 months).
    await command("U-AINO", "meeting plan");
    const planned = await submitView("U-AINO", await nextModal(), twoSlotPlan("Autumn meeting"));
    expect(planned.text).toBe("");
    await eventually(() => bot.db.prisma.meeting.findFirst());
    await slack.waitFor("chat.postMessage", 1);
    slack.reset();
    opened = 0;
    privateAnswers = 0;

    const { signalId } = await savedSignal();
    await rate("U-OLLI", "significance", 5, signalId);
    await ratingOf("U-OLLI", { plausibility: null, significance: 5 });

    // The radar: the chart counts it under its category; the list names it.
    const radar = await reply(await command("U-PIA", "signals"));
    const blocks = JSON.stringify(radar.blocks);
    expect(radar.blocks.some((b) => b.type === "data_visualization")).toBe(true);
    expect(blocks).toContain("Hydrogen buses in Oulu");
    expect(blocks).toContain("Technological");

    // The agenda of the meeting being planned lists it among the signals since the last meeting.
    const agenda = await reply(await command("U-PIA", "agenda"));
    const section = JSON.stringify(agenda.blocks);
    expect(section).toContain(en("signal.radar.agenda.firstMeeting"));
    expect(section).toContain("Hydrogen buses in Oulu");
  });
});
