// The meeting-poll journey on Slack: plan in a modal, a poll in the channel whose tally is redrawn
// in place (chat.update, queued in the outbox and merged per message), per-viewer times as Slack date
// tokens, finalise and announce.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { eventually } from "../../support/eventually.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import {
  type Block,
  date,
  input,
  slackJourney,
  startSlackBot,
  stopSlackBot,
  time,
  twoSlotPlan,
  values,
} from "../../support/slack-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let counter = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-EMMA": { display_name: "Emma", locale: "en-US" },
      "U-OLLI": { display_name: "Olli", locale: "fi-FI" },
    },
    { jobs: "manual" },
  ));
});

/**
 * Redraws go through the outbox (src/kernel/app/queue-redraw.ts); the running bot wakes it at once,
 * this test ticks it: until `count` chat.updates have gone out (Slack acks before the bot acts).
 */
const redrawn = (count: number) =>
  eventually(async () => {
    await bot.bot.jobs!.scheduler.tick("outbox");
    const calls = slack.callsTo("chat.update");
    return calls.length >= count ? calls : null;
  });
afterAll(() => stopSlackBot(bot, slack));

const {
  command,
  reply,
  submitView: submit,
  click,
  createCluster,
} = slackJourney(() => ({ bot, slack }), {
  nextId: (kind) => `${kind === "command" ? "m" : "c"}${++counter}`,
});

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-EMMA", "join"));
  await reply(await command("U-OLLI", "join"));
  slack.reset();
});

async function openPlanForm() {
  await command("U-AINO", "meeting plan");
  const [open] = await slack.waitFor("views.open");
  return open!.body.view as {
    callback_id: string;
    private_metadata: string;
    blocks: Block[] & { element?: { type: string } }[];
  };
}

describe("Slack: planning a meeting", () => {
  it("opens a form with date and time pickers; refuses members", async () => {
    const view = await openPlanForm();
    expect(view.callback_id).toBe("ennakko.plan-meeting");
    const types = Object.fromEntries(
      view.blocks.map((b) => [b.block_id, (b as { element?: { type: string } }).element?.type]),
    );
    expect(types).toMatchObject({
      title: "plain_text_input",
      slot_1_date: "datepicker",
      slot_1_time: "timepicker",
      slot_10_time: "timepicker",
      duration: "static_select",
    });
    expect((await reply(await command("U-EMMA", "meeting plan"))).text).toBe(
      "Your role does not allow that. Ask the chair or the foresight coordinator.",
    );
    expect(slack.callsTo("views.open")).toHaveLength(1);
  });

  it("puts every problem next to its field and keeps the form open", async () => {
    const view = await openPlanForm();
    const res = await submit(
      "U-AINO",
      view,
      values({
        title: input("S"),
        slot_1_date: date("2020-01-01"),
        slot_1_time: time("10:00"),
        slot_2_date: date(dayAhead(30)),
      }),
    );
    expect(JSON.parse(res.text)).toEqual({
      response_action: "errors",
      errors: {
        title: "Give a title of 2–120 characters.",
        slot_1_date: "This time is in the past.",
        slot_2_time: "Give both a date and a time.",
      },
    });
    expect(await bot.db.prisma.meeting.count()).toBe(0);
  });
});

describe("Slack: the date poll", () => {
  async function postPoll() {
    const view = await openPlanForm();
    const res = await submit("U-AINO", view, twoSlotPlan("Spring 2027", { place: input("Rovaniemi") }));
    expect(res.status).toBe(200);
    const [poll] = await slack.waitFor("chat.postMessage");
    // The bot remembers the message (for later redraws) right after Slack answered the post.
    await eventually(() => bot.db.prisma.postedMessage.findFirst());
    return poll!;
  }

  it("posts the poll with per-viewer times and answer buttons, and tracks the message", async () => {
    const poll = await postPoll();
    const blocks = poll.body.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe("Date poll: Spring 2027");
    const slots = await bot.db.prisma.meetingSlot.findMany({ orderBy: { startsAt: "asc" } });
    const unix = Math.floor(slots[0]!.startsAt.getTime() / 1000);
    expect(JSON.stringify(blocks)).toContain(`<!date^${unix}^{date_short_pretty} {time}|`);
    const buttons = blocks
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements!.map((e) => e.action_id));
    expect(buttons).toEqual([
      "ennakko.poll.yes",
      "ennakko.poll.if-need-be",
      "ennakko.poll.no",
      "ennakko.poll.yes",
      "ennakko.poll.if-need-be",
      "ennakko.poll.no",
      "ennakko.poll.finalise",
    ]);
    expect(JSON.stringify(blocks)).toContain("Not answered yet: Aino, Emma, Olli");
    // The slots show each viewer's time; the Schedule button cannot, so it says whose time it shows.
    const schedule = blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "ennakko.poll.finalise")!;
    expect(schedule.text.text).toMatch(/^Schedule .* EES?T$/);
    // Its notification text says who has not answered and how each slot stands, not only the heading.
    expect(poll.body.text).toMatch(
      /^Date poll: Spring 2027 — Not answered yet: Aino, Emma, Olli:\n• .+: ✅ 0 🤔 0 ❌ 0\n• /,
    );
    expect(await bot.db.prisma.postedMessage.findFirstOrThrow()).toMatchObject({
      platform: "SLACK",
      conversationId: "C-ENERGY",
      messageId: poll.body.ts ?? expect.any(String),
    });
  });

  it("redraws the tally in place after each answer and schedules on finalise", async () => {
    const poll = await postPoll();
    const tracked = await bot.db.prisma.postedMessage.findFirstOrThrow();
    const [meetingId, firstSlot] = (poll.body.blocks as Block[])
      .find((b) => b.type === "actions")!
      .elements![0]!.value.split("|");
    await click("U-EMMA", "ennakko.poll.yes", `${meetingId}|${firstSlot}`);
    const [update] = await redrawn(1);
    expect(update!.body).toMatchObject({ channel: "C-ENERGY", ts: tracked.messageId });
    expect(JSON.stringify(update!.body.blocks)).toContain("✅ 1 (Emma)");
    expect(JSON.stringify(update!.body.blocks)).toContain("Not answered yet: Aino, Olli");

    await click("U-EMMA", "ennakko.poll.no", `${meetingId}|${firstSlot}`);
    const updates = await redrawn(2);
    expect(JSON.stringify(updates[1]!.body.blocks)).toContain("❌ 1 (Emma)");
    expect(await bot.db.prisma.slotVote.count()).toBe(1);

    const finaliseButton = (updates[1]!.body.blocks as Block[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "ennakko.poll.finalise")!;
    expect((await reply(await click("U-EMMA", "ennakko.poll.finalise", finaliseButton.value))).text).toBe(
      "Your role does not allow that. Ask the chair or the foresight coordinator.",
    );
    await click("U-AINO", "ennakko.poll.finalise", finaliseButton.value);
    const [announcement] = await slack.waitFor("chat.postMessage", 2).then((calls) => calls.slice(1));
    expect(String(announcement!.body.text)).toMatch(/^\*Spring 2027\* will be held .+, Rovaniemi\.$/);
    const scheduled = await redrawn(3);
    expect(JSON.stringify(scheduled[2]!.body.blocks)).toContain("Scheduled:");
    const meeting = await bot.db.prisma.meeting.findFirstOrThrow();
    expect(meeting).toMatchObject({ status: "SCHEDULED" });
    // The invitations' "Add to calendar" link, served by the bot itself.
    const ics = await fetch(`${bot.baseUrl}/calendar/${meeting.icsUid}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    expect(await ics.text()).toContain("SUMMARY:Spring 2027 — Energy");
    expect((await fetch(`${bot.baseUrl}/calendar/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(
      404,
    );

    expect((await reply(await click("U-OLLI", "ennakko.poll.yes", `${meetingId}|${firstSlot}`))).text).toBe(
      "Kokouksen *Spring 2027* ajankohtakysely on suljettu.",
    );
    expect((await reply(await command("U-OLLI", "meeting"))).text).toBe("Ajankohtakysely: Spring 2027");
  });

  it("answers a forged button value without touching the database", async () => {
    await postPoll();
    expect((await reply(await click("U-EMMA", "ennakko.poll.yes", "not-a-slot"))).text).toBe(
      "That button is no longer in use. Run `/cluster help` to start again.",
    );
    expect(await bot.db.prisma.slotVote.count()).toBe(0);
  });

  it("reschedules and cancels a scheduled meeting, for organisers only", async () => {
    const poll = await postPoll();
    const finalise = (poll.body.blocks as Block[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "ennakko.poll.finalise")!;
    await click("U-AINO", "ennakko.poll.finalise", finalise.value);
    await slack.waitFor("chat.postMessage", 2);
    const meeting = await bot.db.prisma.meeting.findFirstOrThrow();

    expect((await reply(await command("U-EMMA", "meeting reschedule"))).text).toBe(
      "Your role does not allow that. Ask the chair or the foresight coordinator.",
    );
    await command("U-AINO", "meeting reschedule");
    const form = (await slack.waitFor("views.open", 2))[1]!.body.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(form.callback_id).toBe("ennakko.meeting-reschedule");
    const past = await submit("U-AINO", form, values({ date: date("2020-01-01"), time: time("10:00") }));
    expect(JSON.parse(past.text)).toEqual({
      response_action: "errors",
      errors: { date: "This time is in the past." },
    });
    await submit(
      "U-AINO",
      form,
      values({ date: date(dayAhead(40)), time: time("14:00"), place: input("Kemi") }),
    );
    const [moved] = (await slack.waitFor("chat.postMessage", 3)).slice(2);
    expect(String(moved!.body.text)).toMatch(
      /^\*Spring 2027\* \(Energy\) has moved to .+, Kemi\. Please update your calendar\.$/,
    );
    expect((await bot.db.prisma.meeting.findFirstOrThrow()).icsSequence).toBe(1);
    const ics = await (await fetch(`${bot.baseUrl}/calendar/${meeting.icsUid}.ics`)).text();
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("T140000");

    await command("U-AINO", "meeting cancel");
    const confirm = (await slack.waitFor(`response_url:m${counter}`))[0]!.body as { blocks: Block[] };
    const cancelButton = confirm.blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "ennakko.meeting.cancel")!;
    await click("U-AINO", "ennakko.meeting.cancel", cancelButton.value);
    const [cancelled] = (await slack.waitFor("chat.postMessage", 4)).slice(3);
    expect(String(cancelled!.body.text)).toMatch(/^\*Spring 2027\* \(Energy\) on .+ is cancelled\.$/);
    const cancelledIcs = await (await fetch(`${bot.baseUrl}/calendar/${meeting.icsUid}.ics`)).text();
    expect(cancelledIcs).toContain("METHOD:PUBLISH");
    expect(cancelledIcs).toContain("STATUS:CANCELLED");
    expect(
      await bot.db.prisma.outboxMessage.count({
        where: { status: "PENDING", key: { contains: "reminder" } },
      }),
    ).toBe(0);
    expect((await reply(await command("U-AINO", "meeting cancel"))).text).toBe(
      "There is no scheduled meeting to change.",
    );
  });
});
