// The agenda and meeting-record journeys on Slack, through the real Bolt HTTP receiver with signed
// requests and the fake Slack Web API: propose in a modal, upvote and curate with buttons that redraw
// the private agenda in place, refuse after the deadline; record attendance (multi-select), agenda
// outcomes and decisions, also from the "Record as decision" message shortcut.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import { startMeetingTenMinutesAgo } from "../../support/meetings.ts";
import {
  type Block,
  choice,
  date,
  input,
  slackJourney,
  startSlackBot,
  stopSlackBot,
  time,
} from "../../support/slack-journey.ts";
import { interactionBody } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let counter = 0;
const en = translator("en");

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot({
    "U-AINO": { display_name: "Aino", locale: "en-GB" },
    "U-EMMA": { display_name: "Emma", locale: "en-US" },
    "U-OLLI": { display_name: "Olli", locale: "en-GB" },
  }));
});
afterAll(() => stopSlackBot(bot, slack));

const { post, command, reply, click, submit, modal, createCluster } = slackJourney(() => ({ bot, slack }), {
  nextId: (kind) => `${kind === "command" ? "m" : "c"}${++counter}`,
});
/** The n-th private message posted with chat.postEphemeral (what a form submission answers with). */
async function ephemeral(n: number) {
  const calls = await slack.waitFor("chat.postEphemeral", n);
  return calls[n - 1]!.body as { channel: string; user: string; text: string; blocks: Block[] };
}

const buttons = (blocks: Block[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
const button = (blocks: Block[], actionId: string, near?: string) => {
  // The buttons of one item follow its text block: find the block that mentions `near`, then the next actions.
  if (near) {
    const at = blocks.findIndex((b) => b.text?.text.includes(near));
    const actions = blocks.slice(at + 1).find((b) => b.type === "actions");
    const found = actions?.elements?.find((e) => e.action_id === actionId);
    if (!found) throw new Error(`no ${actionId} next to "${near}"`);
    return found;
  }
  const found = buttons(blocks).find((e) => e.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button`);
  return found;
};
const allText = (blocks: Block[]) => JSON.stringify(blocks);

let opened = 0;
let privateAnswers = 0;
const nextModal = () => modal(++opened);
const nextEphemeral = () => ephemeral(++privateAnswers);

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  opened = 0;
  privateAnswers = 0;
  await createCluster("U-AINO", "Energy", nextModal);
  await reply(await command("U-EMMA", "join"));
  await reply(await command("U-OLLI", "join"));
  await command("U-AINO", "role <@U-EMMA|emma> secretary");
  await slack.waitFor("chat.postMessage", 2);
  await command("U-AINO", "meeting plan");
  await submit("U-AINO", await nextModal(), {
    title: input("Spring 2027"),
    slot_1_date: date(dayAhead(30)),
    slot_1_time: time("10:00"),
    slot_2_date: date(dayAhead(33)),
    slot_2_time: time("10:00"),
    place: input("Rovaniemi"),
    deadline_date: date(dayAhead(20)),
    deadline_time: time("16:00"),
  });
  await slack.waitFor("chat.postMessage", 3);
  await slack.waitFor("chat.postEphemeral", 1);
  expect(await bot.db.prisma.meeting.count()).toBe(1);
  expect(await bot.db.prisma.membership.findMany({ select: { role: true } })).toHaveLength(3);
  // Count from here: each test reads the modals and private answers it caused.
  slack.reset();
  opened = 0;
  privateAnswers = 0;
});

async function propose(user: string, title: string, kind = "TOPIC") {
  await command(user, "agenda add");
  const view = await nextModal();
  const res = await submit(user, view, { title: input(title), kind: choice(kind) });
  expect(res.status).toBe(200);
  return { view, answer: await nextEphemeral() };
}

describe("Slack: the agenda", () => {
  it("a member proposes in a modal; errors stay in the form; the same form twice adds once", async () => {
    await command("U-EMMA", "agenda add");
    const view = await nextModal();
    expect(view.callback_id).toBe("ennakko.agenda-add");
    const types = Object.fromEntries(
      view.blocks.filter((b) => b.element).map((b) => [b.block_id, b.element!.type]),
    );
    expect(types).toEqual({ title: "plain_text_input", kind: "static_select", details: "plain_text_input" });
    expect(view.blocks.find((b) => b.block_id === "kind")!.element!.options!.map((o) => o.text.text)).toEqual(
      ["Topic", "Problem spot", "Proposed measure", "Information"],
    );

    const bad = await submit("U-EMMA", view, { title: input("ab"), kind: choice("TOPIC") });
    expect(JSON.parse(bad.text)).toEqual({
      response_action: "errors",
      errors: { title: en("agenda.invalid.title") },
    });

    const values = {
      title: input("Hydrogen valley"),
      kind: choice("PROBLEM"),
      details: input("Where we stand"),
    };
    expect((await submit("U-EMMA", view, values)).status).toBe(200);
    const answer = await nextEphemeral();
    expect(answer).toMatchObject({ channel: "C-ENERGY", user: "U-EMMA" });
    expect(allText(answer.blocks)).toContain("*Hydrogen valley* is proposed for *Spring 2027*.");
    expect(allText(answer.blocks)).toContain("Problem spot · proposed by Emma · 👍 0");

    await submit("U-EMMA", view, values);
    expect(allText((await nextEphemeral()).blocks)).toContain(
      en("agenda.duplicate", { title: "Hydrogen valley" }),
    );
    expect(await bot.db.prisma.agendaItem.count()).toBe(1);
  });

  it("members upvote (idempotently) and the chair curates; each click redraws the private agenda in place", async () => {
    await propose("U-EMMA", "Hydrogen valley");
    // "Add agenda item" on the agenda does what the command does.
    const shown = await reply(await command("U-OLLI", "agenda"));
    // The notification text is a summary: counts per section and the items, not the heading alone.
    expect(shown.text).toBe("Agenda: Spring 2027 — Proposed: 1:\n• Hydrogen valley");
    expect(allText(shown.blocks)).toContain(en("agenda.followUp"));
    expect(allText(shown.blocks)).toContain(en("agenda.noFollowUp"));
    expect(buttons(shown.blocks).map((b) => b.action_id)).toEqual([
      "ennakko.agenda.add",
      "ennakko.agenda.vote",
    ]);
    await click("U-OLLI", "ennakko.agenda.add", button(shown.blocks, "ennakko.agenda.add").value);
    await submit("U-OLLI", await nextModal(), { title: input("Welding skills"), kind: choice("TOPIC") });
    await nextEphemeral();

    const upvote = button(shown.blocks, "ennakko.agenda.vote", "Hydrogen valley");
    expect(upvote.text.text).toBe("👍 Upvote");
    const voted = await reply(await click("U-OLLI", "ennakko.agenda.vote", upvote.value));
    expect(voted.replace_original).toBe(true);
    expect(allText(voted.blocks)).toContain("proposed by Emma · 👍 1");
    expect(button(voted.blocks, "ennakko.agenda.vote", "Hydrogen valley").text.text).toBe(
      "Take my vote back",
    );
    // The old button clicked again (a double click) keeps one vote.
    await reply(await click("U-OLLI", "ennakko.agenda.vote", upvote.value));
    expect(await bot.db.prisma.agendaVote.count()).toBe(1);

    // The secretary is no chair: no curation buttons, and a forged click is refused.
    const item = await bot.db.prisma.agendaItem.findFirstOrThrow({ where: { title: "Hydrogen valley" } });
    expect((await reply(await click("U-EMMA", "ennakko.agenda.accept", item.id))).text).toBe(
      en("error.FORBIDDEN"),
    );

    const forChair = await reply(await command("U-AINO", "agenda"));
    // Proposals by votes: Hydrogen valley (1) before Welding skills (0).
    const text = allText(forChair.blocks);
    expect(text.indexOf("Hydrogen valley")).toBeLessThan(text.indexOf("Welding skills"));
    let agenda = await reply(
      await click(
        "U-AINO",
        "ennakko.agenda.accept",
        button(forChair.blocks, "ennakko.agenda.accept", "Hydrogen valley").value,
      ),
    );
    agenda = await reply(
      await click(
        "U-AINO",
        "ennakko.agenda.accept",
        button(agenda.blocks, "ennakko.agenda.accept", "Welding skills").value,
      ),
    );
    expect(allText(agenda.blocks)).toContain("*1. Hydrogen valley*");
    agenda = await reply(
      await click(
        "U-AINO",
        "ennakko.agenda.up",
        button(agenda.blocks, "ennakko.agenda.up", "Welding skills").value,
      ),
    );
    expect(agenda.replace_original).toBe(true);
    expect(allText(agenda.blocks)).toContain("*1. Welding skills*");
    expect(allText(agenda.blocks)).toContain("*2. Hydrogen valley*");

    await click(
      "U-AINO",
      "ennakko.agenda.timebox",
      button(agenda.blocks, "ennakko.agenda.timebox", "Welding skills").value,
    );
    const timebox = await nextModal();
    expect(timebox.callback_id).toBe("ennakko.agenda-timebox");
    await submit("U-AINO", timebox, { minutes: choice("20") });
    const after = await nextEphemeral();
    expect(allText(after.blocks)).toContain("*1. Welding skills* · 20 min");
    expect(allText(after.blocks)).toContain(en("agenda.totalTime", { minutes: 20 }));
    expect(
      (await bot.db.prisma.agendaItem.findMany({ orderBy: { position: "asc" } })).map((i) => [
        i.title,
        i.status,
        i.position,
        i.timeboxMinutes,
      ]),
    ).toEqual([
      ["Welding skills", "ACCEPTED", 1, 20],
      ["Hydrogen valley", "ACCEPTED", 2, null],
    ]);
  });

  it("a long follow-up (40 open measures) is split into several blocks at item ends, every item whole", async () => {
    const db = bot.db.prisma;
    const cluster = await db.cluster.findFirstOrThrow();
    const titles = Array.from(
      { length: 40 },
      (_, i) => `Measure ${i + 1}: train welders for hydrogen pipelines in Lapland and report the results`,
    );
    for (const [i, title] of titles.entries())
      await db.measure.create({
        data: { clusterId: cluster.id, title, dueDate: new Date(`${dayAhead(40 + i)}T00:00:00Z`) },
      });
    const shown = await reply(await command("U-OLLI", "agenda"));
    const texts = shown.blocks.flatMap((b) => (b.text ? [b.text.text] : []));
    const start = texts.indexOf(en("agenda.followUp"));
    const followUp = texts.slice(start + 1);
    // The agenda shows the 30 due first and says how many more there are.
    expect(shown.blocks.at(-1)).toMatchObject({ type: "context", elements: [{ text: "…and 10 more" }] });
    expect(followUp.length).toBeGreaterThan(1);
    for (const part of followUp) {
      expect(part.length).toBeLessThanOrEqual(3000);
      expect(part.endsWith("…")).toBe(false);
    }
    // Every line is one whole item: none cut, none lost.
    const lines = followUp.join("\n").split("\n");
    expect(lines).toHaveLength(30);
    for (const [i, line] of lines.entries()) expect(line).toContain(`*${titles[i]}*`);
  });

  it("after the deadline, additions are refused with a clear message and no form opens", async () => {
    await bot.db.prisma.meeting.updateMany({ data: { agendaDeadline: new Date(Date.now() - 60_000) } });
    expect((await reply(await command("U-OLLI", "agenda add"))).text).toBe(
      en("error.AGENDA_CLOSED", { title: "Spring 2027" }),
    );
    expect(slack.callsTo("views.open")).toHaveLength(opened);
    const shown = await reply(await command("U-OLLI", "agenda"));
    expect(allText(shown.blocks)).toContain(en("agenda.closed"));
    expect(buttons(shown.blocks)).toEqual([]);
    expect((await reply(await click("U-OLLI", "ennakko.agenda.vote", "not-an-item"))).text).toBe(
      en("parse.unknownAction"),
    );
  });
});

/** The meeting is scheduled and started ten minutes ago; two items are on its agenda. */
async function meetingUnderway() {
  await propose("U-EMMA", "Hydrogen valley");
  await propose("U-OLLI", "Welding skills");
  return startMeetingTenMinutesAgo(bot.db);
}

describe("Slack: recording the meeting", () => {
  it("the secretary records attendance with a multi-select and marks agenda outcomes", async () => {
    const meeting = await meetingUnderway();
    expect((await reply(await command("U-OLLI", "record"))).text).toBe(en("error.FORBIDDEN"));
    const record = await reply(await command("U-EMMA", "record"));
    // The notification text: the heading, the counts and each item's outcome.
    expect(record.text).toBe(
      "Record: Spring 2027 — *Decisions*: 0:\n• 1. Hydrogen valley — on the agenda\n• 2. Welding skills — on the agenda",
    );
    expect(allText(record.blocks)).toContain(en("record.noAttendance"));

    await click(
      "U-EMMA",
      "ennakko.record.attendance",
      button(record.blocks, "ennakko.record.attendance").value,
    );
    const form = await nextModal();
    expect(form.callback_id).toBe("ennakko.record-attendance");
    const select = form.blocks.find((b) => b.block_id === "present")!.element!;
    expect(select.type).toBe("multi_static_select");
    expect(select.options!.map((o) => o.text.text)).toEqual(["Aino", "Emma", "Olli"]);
    const idOf = (name: string) => select.options!.find((o) => o.text.text === name)!.value;
    await submit("U-EMMA", form, {
      present: {
        type: "multi_static_select",
        selected_options: [{ value: idOf("Aino") }, { value: idOf("Emma") }],
      },
    });
    const saved = await nextEphemeral();
    expect(allText(saved.blocks)).toContain(en("record.attendanceSaved", { present: 2, absent: 1 }));
    expect(allText(saved.blocks)).toContain("Present (2): Aino, Emma");
    expect(allText(saved.blocks)).toContain("Absent (1): Olli");
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      status: "HELD",
    });

    const marked = await reply(
      await click(
        "U-EMMA",
        "ennakko.record.discussed",
        button(saved.blocks, "ennakko.record.discussed", "Hydrogen valley").value,
      ),
    );
    expect(marked.replace_original).toBe(true);
    expect(allText(marked.blocks)).toContain("*1. Hydrogen valley* — discussed");
    await reply(
      await click(
        "U-EMMA",
        "ennakko.record.deferred",
        button(marked.blocks, "ennakko.record.deferred", "Welding skills").value,
      ),
    );
    expect(
      (await bot.db.prisma.agendaItem.findMany({ orderBy: { position: "asc" } })).map((i) => [
        i.title,
        i.status,
      ]),
    ).toEqual([
      ["Hydrogen valley", "DISCUSSED"],
      ["Welding skills", "DEFERRED"],
    ]);
  });

  it("'Record as decision' on a message opens the form prefilled; it is recorded once and announced", async () => {
    await meetingUnderway();
    const shortcut = (user: string, responseUrl: string) => ({
      type: "message_action",
      token: "deprecated-verification-token",
      action_ts: String(Date.now() / 1000),
      team: { id: "T-LAPLAND", domain: "lapland" },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T-LAPLAND" },
      channel: { id: "C-ENERGY", name: "energy-cluster" },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: "record_decision",
      trigger_id: `trigger-${++counter}`,
      response_url: responseUrl,
      message_ts: "1700000000.000100",
      message: {
        type: "message",
        user: "U-AINO",
        ts: "1700000000.000100",
        text: "We apply for <https://example.org/fund|the valley fund> &amp; report to <@U-OLLI|olli> in May",
      },
    });
    // A plain member may not record decisions: told privately, no form.
    await post(interactionBody(shortcut("U-OLLI", slack.responseUrl("s1"))));
    expect((await reply("s1")).text).toBe(en("error.FORBIDDEN"));
    expect(slack.callsTo("views.open")).toHaveLength(opened);

    await post(interactionBody(shortcut("U-EMMA", slack.responseUrl("s2"))));
    const form = await nextModal();
    expect(form.callback_id).toBe("ennakko.record-decision");
    const text = form.blocks.find((b) => b.block_id === "text")!.element!;
    expect(text.initial_value).toBe(
      "We apply for the valley fund (https://example.org/fund) & report to @olli in May",
    );
    const items = form.blocks.find((b) => b.block_id === "item")!.element!;
    expect(items.options!.map((o) => o.text.text)).toEqual(["—", "Hydrogen valley", "Welding skills"]);
    const valley = items.options!.find((o) => o.text.text === "Hydrogen valley")!.value;

    const values = { text: input(text.initial_value!), item: choice(valley) };
    await submit("U-EMMA", form, values);
    const [announcement] = await slack.waitFor("chat.postMessage", 1);
    expect(announcement!.body).toMatchObject({ channel: "C-ENERGY" });
    expect(announcement!.body.text).toBe(
      "📌 *Decision of Spring 2027* on “Hydrogen valley”: We apply for the valley fund (https://example.org/fund) &amp; report to @olli in May",
    );
    expect((await nextEphemeral()).text).toBe(en("decision.saved"));
    const decision = await bot.db.prisma.decision.findFirstOrThrow({
      include: { agendaItem: true, meeting: true },
    });
    expect(decision).toMatchObject({
      sourceRef: "slack:C-ENERGY:1700000000.000100",
      agendaItem: { title: "Hydrogen valley" },
      meeting: { title: "Spring 2027", status: "HELD" },
    });

    // The same modal submitted again (a retry, a double click) records nothing more.
    await submit("U-EMMA", form, values);
    expect((await nextEphemeral()).text).toBe(en("decision.duplicate"));
    expect(await bot.db.prisma.decision.count()).toBe(1);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("a decision written as a link is announced as text: Slack's <url|label> and markdown's alike", async () => {
    await meetingUnderway();
    await command("U-AINO", "decide");
    const form = await nextModal();
    const written =
      "<https://evil.example/login|Click to verify> or [Click to verify](https://evil.example/login)";
    await submit("U-AINO", form, { text: input(written) });
    const [announcement] = await slack.waitFor("chat.postMessage", 1);
    const shown =
      "&lt;https://evil.example/login|Click to verify&gt; or [Click to verify](https://evil.example/login)";
    expect(announcement!.body.text).toBe(`📌 *Decision of Spring 2027*: ${shown}`);
    expect(announcement!.body.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: `📌 *Decision of Spring 2027*: ${shown}` } },
    ]);
    expect(JSON.stringify(announcement!.body)).not.toContain("<https://");
    expect((await bot.db.prisma.decision.findFirstOrThrow()).text).toBe(written);
  });

  it("/cluster decide opens the same form; an empty decision stays in the form", async () => {
    await meetingUnderway();
    await command("U-AINO", "decide");
    const form = await nextModal();
    expect(form.callback_id).toBe("ennakko.record-decision");
    expect(allText(form.blocks)).toContain(en("decision.forMeeting", { title: "Spring 2027" }));
    const res = await submit("U-AINO", form, { text: input("ok") });
    expect(JSON.parse(res.text)).toEqual({
      response_action: "errors",
      errors: { text: en("decision.invalid.text") },
    });
    expect(await bot.db.prisma.decision.count()).toBe(0);
  });
});
