// A bridged cluster end to end: one cluster bound to a Slack channel and a Teams channel, the real bot
// serving both (Bolt over signed HTTP, CloudAdapter over HTTP) against local fakes of the Slack Web API
// and the Bot Framework Connector. A date poll planned on one platform appears on the other after the
// outbox tick, and a vote on either side redraws both copies (queued in the outbox, merged per copy).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { eventually } from "../../support/eventually.ts";
import { daysAhead } from "../../support/helsinki-dates.ts";
import { slackJourney, startSlackBot, twoSlotPlan } from "../../support/slack-journey.ts";
import { type Json, TENANT_ID, teamsChannel, teamsUser } from "../../support/teams-activities.ts";
import { connectTeams } from "../../support/teams-connection.ts";
import { cardOf, expectNoApology, inChannel, type Turn, teamsJourney } from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let connector: FakeBotConnector;
let bot: TestBot;
let counter = 0;

beforeAll(async () => {
  const teams = await connectTeams();
  connector = teams.connector;
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-EMMA": { display_name: "Emma", locale: "en-GB" },
    },
    { jobs: "manual", teams },
  ));
});
afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
  await connector?.stop();
});

const english = { locale: "en-US", timeZone: "Europe/Helsinki" };
const mikko = teamsUser("Mikko Member", english);
const energy = teamsChannel("Energy");

const onSlack = slackJourney(() => ({ bot, slack }), {
  nextId: (kind) => `${kind === "command" ? "b" : "v"}${++counter}`,
});
const onTeams = teamsJourney(() => ({ bot, connector }), energy);

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  connector.reset();
  await onSlack.createCluster("U-AINO", "Energy");
  await onSlack.reply(await onSlack.command("U-EMMA", "join"));
  await bridgeToTeams();
  // Mikko's "join" in the Teams channel also stores the channel's reference for proactive posts.
  expect(cardJson(replyOf(await onTeams.say(mikko, "join")))).toContain("Energy");
  slack.reset();
  connector.reset();
});

/** The second binding `/cluster link` will create, written directly. */
async function bridgeToTeams() {
  const db = bot.db.prisma;
  const cluster = await db.cluster.findFirstOrThrow();
  const workspace = await db.workspace.create({ data: { platform: "TEAMS", externalId: TENANT_ID } });
  await db.channelBinding.create({
    data: {
      clusterId: cluster.id,
      platform: "TEAMS",
      workspaceId: workspace.id,
      channelId: energy.channelId,
    },
  });
}

/** The chair plans a two-slot poll on Slack; the poll message Slack received. */
async function planOnSlack() {
  await onSlack.command("U-AINO", "meeting plan");
  const form = await onSlack.modal(1);
  await onSlack.submitView("U-AINO", form, twoSlotPlan("Spring 2027"));
  const [poll] = await slack.waitFor("chat.postMessage");
  await eventually(() => bot.db.prisma.postedMessage.findFirst({ where: { platform: "SLACK" } }));
  return poll!;
}

async function firstSlot() {
  const meeting = await bot.db.prisma.meeting.findFirstOrThrow({
    include: { slots: { orderBy: { startsAt: "asc" } } },
  });
  return { meetingId: meeting.id, slotId: meeting.slots[0]!.id };
}

const cardJson = (call: ConnectorCall) => JSON.stringify(cardOf(call));
/** The bot's one reply in a turn (a turn may also look people up through the connector). */
function replyOf(turn: Turn): ConnectorCall {
  const replies = turn.calls.filter((c) => c.operation === "reply");
  expect(replies).toHaveLength(1);
  return replies[0]!;
}
const slackText = (call: { body: Json }) => JSON.stringify(call.body.blocks);
/** Slack acks a click before the bot acts: the tick that follows waits for the vote's queued redraw. */
async function deliverAfterRedrawQueued() {
  await eventually(() =>
    bot.db.prisma.outboxMessage.findFirst({ where: { stage: "redraw", status: "PENDING" } }),
  );
  return onTeams.deliverOutbox();
}
const mirrorRows = () => bot.db.prisma.outboxMessage.findMany({ where: { key: { startsWith: "mirror:" } } });

describe("a bridged cluster's date poll", () => {
  it("planned on Slack: posted into the Teams channel, and votes on either side redraw both copies", async () => {
    await planOnSlack();
    const { meetingId, slotId } = await firstSlot();
    expect((await mirrorRows()).map((r) => [r.platform, r.target, r.status])).toEqual([
      ["TEAMS", energy.channelId, "PENDING"],
    ]);

    const [teamsPoll, ...more] = await onTeams.deliverOutbox();
    expect(more).toEqual([]);
    expect(teamsPoll).toMatchObject({ operation: "send", conversationId: energy.channelId });
    expect(cardJson(teamsPoll!)).toContain("Date poll: Spring 2027");
    expect(await bot.db.prisma.postedMessage.findMany({ orderBy: { platform: "asc" } })).toMatchObject([
      { platform: "SLACK", conversationId: "C-ENERGY", messageId: expect.any(String) },
      { platform: "TEAMS", conversationId: energy.channelId, messageId: teamsPoll!.answeredId },
    ]);

    // Mikko votes on the mirrored card: his card answers him at once, both copies are redrawn by the tick.
    const where = inChannel(energy, teamsPoll!.answeredId);
    const vote = await onTeams.press(
      mikko,
      cardOf(teamsPoll!),
      teamsPoll!.answeredId!,
      where,
      "ennakko.poll.yes",
      slotId,
    );
    const shown = vote.calls.filter((c) => ["reply", "send", "update"].includes(c.operation));
    expect(shown).toEqual([]);
    expect(slack.callsTo("chat.update")).toHaveLength(0);
    const tick = await onTeams.deliverOutbox();
    expect(tick.map((c) => [c.operation, c.activityId])).toEqual([["update", teamsPoll!.answeredId]]);
    expect(cardJson(tick[0]!)).toContain("✅ 1 (Mikko Member)");
    const [slackRedraw] = slack.callsTo("chat.update");
    const slackCopy = await bot.db.prisma.postedMessage.findFirstOrThrow({ where: { platform: "SLACK" } });
    expect(slackRedraw!.body).toMatchObject({ channel: "C-ENERGY", ts: slackCopy.messageId });
    expect(slackText(slackRedraw!)).toContain("✅ 1 (Mikko Member)");

    // Emma votes on Slack: both copies are redrawn by the tick.
    await onSlack.click("U-EMMA", "ennakko.poll.yes", `${meetingId}|${slotId}`);
    const [teamsRedraw, ...others] = await deliverAfterRedrawQueued();
    expect(slackText(slack.callsTo("chat.update")[1]!)).toContain("✅ 2 (Emma, Mikko Member)");
    expect(others).toEqual([]);
    expect(teamsRedraw).toMatchObject({
      operation: "update",
      conversationId: energy.channelId,
      activityId: teamsPoll!.answeredId,
    });
    expect(cardJson(teamsRedraw!)).toContain("✅ 2 (Emma, Mikko Member)");
    expect((await mirrorRows()).every((r) => r.status === "SENT")).toBe(true);
    expectNoApology(connector.calls);
  });

  it("a vote that arrives before the mirror post went out is on the mirrored card", async () => {
    await planOnSlack();
    const { meetingId, slotId } = await firstSlot();
    await onSlack.click("U-EMMA", "ennakko.poll.yes", `${meetingId}|${slotId}`);

    const calls = await deliverAfterRedrawQueued();
    expect(slackText(slack.callsTo("chat.update")[0]!)).toContain("✅ 1 (Emma)");
    expect(calls.map((c) => c.operation)).toEqual(["send"]);
    expect(cardJson(calls[0]!)).toContain("✅ 1 (Emma)");
    expect(await mirrorRows()).toHaveLength(1);
  });

  it("planned on Teams: posted into the Slack channel, and a Slack vote redraws the Teams card", async () => {
    // Mikko is made an organiser (roles are not what this test is about).
    await bot.db.prisma.membership.updateMany({
      where: { person: { identities: { some: { platform: "TEAMS" } } } },
      data: { role: "CHAIR" },
    });
    const opened = await onTeams.say(mikko, "meeting plan");
    const where = inChannel(energy, opened.activity.id as string);
    const submitted = await onTeams.submit(mikko, replyOf(opened), where, {
      title: "Autumn 2027",
      slot_1_date: daysAhead(40),
      slot_1_time: "10:00",
      slot_2_date: daysAhead(41),
      slot_2_time: "10:00",
    });
    const [teamsPoll] = submitted.calls.filter((c) => c.operation === "reply");
    expect(cardJson(teamsPoll!)).toContain("Date poll: Autumn 2027");

    await onTeams.deliverOutbox();
    const [slackPoll] = slack.callsTo("chat.postMessage");
    expect(slackPoll!.body.channel).toBe("C-ENERGY");
    expect(slackText(slackPoll!)).toContain("Date poll: Autumn 2027");
    const slackCopy = await bot.db.prisma.postedMessage.findFirstOrThrow({ where: { platform: "SLACK" } });
    expect(slackCopy).toMatchObject({ conversationId: "C-ENERGY", messageId: expect.any(String) });

    const { meetingId, slotId } = await firstSlot();
    await onSlack.click("U-EMMA", "ennakko.poll.no", `${meetingId}|${slotId}`);
    const [teamsRedraw] = await deliverAfterRedrawQueued();
    const [slackRedraw] = slack.callsTo("chat.update");
    expect(slackRedraw!.body.ts).toBe(slackCopy.messageId);
    // The poll lives in the thread of the message that planned it: redrawn there.
    expect(teamsRedraw).toMatchObject({
      operation: "update",
      conversationId: teamsPoll!.conversationId,
      activityId: teamsPoll!.answeredId,
    });
    expect(cardJson(teamsRedraw!)).toContain("❌ 1 (Emma)");
  });
});

describe("a burst of votes on both platforms", () => {
  it("20 votes at once: one waiting redraw per copy, one update each, and both copies show the last tally", async () => {
    await planOnSlack();
    const { meetingId, slotId } = await firstSlot();
    const [teamsPoll] = await onTeams.deliverOutbox(); // the mirror post
    const where = inChannel(energy, teamsPoll!.answeredId);
    const slackVoters = Array.from({ length: 10 }, (_, i) => `U-VOTER${i}`);
    const teamsVoters = Array.from({ length: 10 }, (_, i) => teamsUser(`Teams Voter ${i}`, english));
    for (const id of slackVoters) {
      slack.users.set(id, { display_name: id, locale: "en-GB" });
      await onSlack.reply(await onSlack.command(id, "join"));
    }
    for (const voter of teamsVoters) replyOf(await onTeams.say(voter, "join"));
    slack.reset();
    connector.reset();

    // Twenty clicks at once, ten on each platform.
    await Promise.all([
      ...slackVoters.map((id) => onSlack.click(id, "ennakko.poll.yes", `${meetingId}|${slotId}`)),
      ...teamsVoters.map((voter) =>
        onTeams.press(voter, cardOf(teamsPoll!), teamsPoll!.answeredId!, where, "ennakko.poll.yes", slotId),
      ),
    ]);

    // Slack acks before the bot acts: wait until every vote is in and its redraw queued.
    const meeting = await eventually(async () => {
      const found = await bot.db.prisma.meeting.findFirstOrThrow();
      const redraws = await bot.db.prisma.outboxMessage.findMany({ where: { stage: "redraw" } });
      const newest = Math.max(...redraws.map((r) => Number((r.payload as { version?: number }).version)));
      return found.pollVersion === 20 && newest === 20 ? found : null;
    });
    expect(meeting.pollVersion).toBe(20);
    expect(await bot.db.prisma.slotVote.count()).toBe(20);
    // At most one redraw waits per copy, whatever the number of votes.
    const waiting = await bot.db.prisma.outboxMessage.groupBy({
      by: ["subject"],
      where: { stage: "redraw", status: "PENDING" },
      _count: true,
    });
    for (const copy of waiting) expect(copy._count).toBe(1);
    await onTeams.deliverOutbox();

    const slackUpdates = slack.callsTo("chat.update");
    const teamsUpdates = connector.calls.filter((c) => c.operation === "update");
    // Twenty votes, one tick: one redraw per copy (it was 20 chat.updates and 10 card updates).
    expect(slackUpdates).toHaveLength(1);
    expect(teamsUpdates).toHaveLength(1);
    expect(slackText(slackUpdates.at(-1)!)).toContain("✅ 20 (");
    expect(cardJson(teamsUpdates.at(-1)!)).toContain("✅ 20 (");
    expect(await bot.db.prisma.outboxMessage.count({ where: { stage: "redraw", status: "PENDING" } })).toBe(
      0,
    );
    expectNoApology(connector.calls);
  });
});

describe("an unbridged cluster", () => {
  it("queues nothing to mirror", async () => {
    await bot.db.prisma.channelBinding.deleteMany({ where: { platform: "TEAMS" } });
    await planOnSlack();
    const { meetingId, slotId } = await firstSlot();
    await onSlack.click("U-EMMA", "ennakko.poll.yes", `${meetingId}|${slotId}`);
    expect(await deliverAfterRedrawQueued()).toEqual([]);
    expect(slack.callsTo("chat.update")).toHaveLength(1);
    expect(await mirrorRows()).toEqual([]);
  });
});
