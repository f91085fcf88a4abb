// Bridged clusters, use cases and delivery: mirrorChannelPost and mirrorRefresh write outbox rows in a
// real database; the real bot's outbox job delivers them through the real Slack and Teams gateways to
// local fakes of the Slack Web API and the Bot Framework Connector.
import { readdir, readFile } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  mirrorChannelPost,
  mirrorRefresh,
} from "../../../src/features/bridge/app/mirror-to-bridged-channels.ts";
import { type AppContext, systemClock } from "../../../src/kernel/app/context.ts";
import type { Conversation } from "../../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { text, type View, view } from "../../../src/kernel/surface/view.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { slackChannel } from "../../support/people.ts";
import {
  cardTexts,
  message,
  postActivity,
  TENANT_ID,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import { connectTeams } from "../../support/teams-connection.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let connector: FakeBotConnector;
let bot: TestBot;
let ctx: AppContext;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  const teams = await connectTeams();
  connector = teams.connector;
  bot = await startTestBot({ ...slackHttpEnv(slack.apiUrl), ...teams.env }, undefined, {
    jobs: "manual",
    teamsIdentity: teams.teamsIdentity,
  });
  ctx = { db: bot.db.prisma, clock: systemClock, compose: surfaceComposer };
});
afterAll(async () => {
  await bot?.stop();
  await connector?.stop();
  await slack?.stop();
});

const energy = teamsChannel("Energy");
const aino = teamsUser("Aino Chair");
const SLACK_CHANNEL = "C-ENERGY";
const fromSlack: Conversation = slackChannel(SLACK_CHANNEL);
const poll = { type: "meeting", id: "meeting-1" };
const card = (line: string): View => view(line, text(line));
let clusterId: string;

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  clusterId = await bridgedCluster();
  // A real turn in the Teams channel stores the reference the gateway posts through.
  const turn = message({
    serviceUrl: connector.serviceUrl,
    from: aino,
    where: { channel: energy },
    text: "help",
  });
  expect((await postActivity(bot.baseUrl, turn)).status).toBe(200);
  connector.reset();
});

/** A cluster bound to a Slack channel and a Teams channel (what `/cluster link` will create). */
async function bridgedCluster(): Promise<string> {
  const db = bot.db.prisma;
  const slackSpace = await db.workspace.create({ data: { platform: "SLACK", externalId: "T-LAPLAND" } });
  const teamsSpace = await db.workspace.create({ data: { platform: "TEAMS", externalId: TENANT_ID } });
  const cluster = await db.cluster.create({
    data: {
      name: "Energy",
      timeZone: "Europe/Helsinki",
      locale: "en",
      bindings: {
        create: [
          { platform: "SLACK", workspaceId: slackSpace.id, channelId: SLACK_CHANNEL },
          { platform: "TEAMS", workspaceId: teamsSpace.id, channelId: energy.channelId },
        ],
      },
    },
  });
  return cluster.id;
}

const mirrorRows = () =>
  bot.db.prisma.outboxMessage.findMany({
    where: { key: { startsWith: "mirror:" } },
    orderBy: { createdAt: "asc" },
  });

async function deliverOutbox() {
  expect(await bot.bot.jobs!.scheduler.tick("outbox")).toBe("ran");
}

const viewOf = (row: { payload: unknown }) => (row.payload as { view: View }).view;

/** The statements after "-- Data" in the named migration (each one whole, for a prepared statement). */
async function migrationDataStep(name: string): Promise<string[]> {
  const dir = (await readdir("prisma/migrations")).find((d) => d.endsWith(`_${name}`))!;
  const sql = await readFile(`prisma/migrations/${dir}/migration.sql`, "utf8");
  const data = sql.split(/^-- Data\b.*$/m)[1] ?? "";
  return data
    .split(/;\s*$/m)
    .map((s) => s.replace(/^--.*$/gm, "").trim())
    .filter((s) => s !== "");
}

/** Copies of the poll already posted on both platforms. */
async function postedCopies(teamsConversation = energy.channelId) {
  const copies = [
    { platform: "SLACK" as const, conversationId: SLACK_CHANNEL, messageId: "1700000000.000100" },
    { platform: "TEAMS" as const, conversationId: teamsConversation, messageId: "1:teams-poll" },
  ];
  await bot.db.prisma.postedMessage.createMany({
    data: copies.map((c) => ({ ...c, subjectType: poll.type, subjectId: poll.id })),
  });
  return copies;
}

describe("mirrorChannelPost", () => {
  it("queues the post for the other platform's channel; the worker posts it there and tracks the copy", async () => {
    const result = await mirrorChannelPost(ctx, {
      conversation: fromSlack,
      view: card("Date poll"),
      track: poll,
    });
    expect(result).toEqual({ ok: true, value: { enqueued: 1 } });
    const [row] = await mirrorRows();
    expect(row).toMatchObject({
      key: expect.stringMatching(/^mirror:post:meeting:meeting-1:TEAMS:[0-9a-f-]{36}$/),
      clusterId,
      platform: "TEAMS",
      target: energy.channelId,
      status: "PENDING",
      payload: { v: 1, kind: "channel", view: card("Date poll"), track: poll },
    });

    await deliverOutbox();
    const [sent] = connector.posted;
    expect(sent).toMatchObject({ operation: "send", conversationId: energy.channelId });
    expect(cardTexts(sent!.body.attachments[0].content)).toEqual(["Date poll"]);
    expect(await bot.db.prisma.postedMessage.findMany()).toMatchObject([
      {
        platform: "TEAMS",
        conversationId: energy.channelId,
        messageId: sent!.answeredId,
        subjectType: "meeting",
        subjectId: "meeting-1",
      },
    ]);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("mirrors a Teams post to Slack, and an untracked post is not remembered", async () => {
    const fromTeams: Conversation = {
      platform: "TEAMS",
      tenant: TENANT_ID,
      channelId: energy.channelId,
      scope: "CHANNEL",
    };
    await mirrorChannelPost(ctx, { conversation: fromTeams, view: card("Scheduled") });
    const [row] = await mirrorRows();
    expect(row!.key).toMatch(/^mirror:post:-:-:SLACK:/);
    expect(row!.payload).toEqual({ v: 1, kind: "channel", view: card("Scheduled") });

    await deliverOutbox();
    expect(slack.callsTo("chat.postMessage").map((c) => [c.body.channel, c.body.text])).toEqual([
      [SLACK_CHANNEL, "Scheduled"],
    ]);
    expect(await bot.db.prisma.postedMessage.count()).toBe(0);
  });

  it("does nothing for an unbound conversation or a cluster bound on one platform only", async () => {
    const unbound = await mirrorChannelPost(ctx, { conversation: slackChannel("C-OTHER"), view: card("x") });
    expect(unbound).toEqual({ ok: true, value: { enqueued: 0 } });
    await bot.db.prisma.channelBinding.deleteMany({ where: { platform: "TEAMS" } });
    await mirrorChannelPost(ctx, { conversation: fromSlack, view: card("x"), track: poll });
    expect(await mirrorRows()).toEqual([]);
  });

  it("refuses malformed input as data", async () => {
    const result = await mirrorChannelPost(ctx, {
      conversation: fromSlack,
      view: card("x"),
      track: { type: "", id: "1" },
    });
    expect(result).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
  });
});

describe("mirrorRefresh", () => {
  it("redraws the copies on the other platform: chat.update on Slack, an activity update on Teams", async () => {
    const [slackCopy, teamsCopy] = await postedCopies();
    expect(
      await mirrorRefresh(ctx, {
        subject: poll,
        view: card("Yes 1"),
        fromPlatform: "TEAMS",
        conversation: fromSlack,
      }),
    ).toEqual({ ok: true, value: { enqueued: 1 } });
    const [row] = await mirrorRows();
    expect(row).toMatchObject({
      key: expect.stringMatching(/^mirror:update:SLACK:1700000000\.000100:/),
      platform: "SLACK",
      target: SLACK_CHANNEL,
      clusterId,
      payload: { update: { messageId: slackCopy!.messageId }, view: card("Yes 1") },
    });
    await deliverOutbox();
    expect(slack.callsTo("chat.update").map((c) => [c.body.channel, c.body.ts, c.body.text])).toEqual([
      [SLACK_CHANNEL, slackCopy!.messageId, "Yes 1"],
    ]);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);

    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 2"), fromPlatform: "SLACK" });
    await deliverOutbox();
    const [update] = connector.calls;
    expect(connector.calls.map((c) => c.operation)).toEqual(["update"]);
    expect(update).toMatchObject({ conversationId: energy.channelId, activityId: teamsCopy!.messageId });
    expect(cardTexts(update!.body.attachments[0].content)).toEqual(["Yes 2"]);
    expect((await mirrorRows()).map((r) => r.status)).toEqual(["SENT", "SENT"]);
    // A redraw is not a new copy.
    expect(await bot.db.prisma.postedMessage.count()).toBe(2);
  });

  it("reaches a Teams copy posted in a thread through its channel's reference", async () => {
    const thread = `${energy.channelId};messageid=1763800000001`;
    await postedCopies(thread);
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "SLACK" });
    await deliverOutbox();
    expect(connector.calls.map((c) => [c.operation, c.conversationId, c.activityId])).toEqual([
      ["update", thread, "1:teams-poll"],
    ]);
  });

  it("gives a mirror post that is still queued the newer view", async () => {
    await mirrorChannelPost(ctx, { conversation: fromSlack, view: card("No answers yet"), track: poll });
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "SLACK" });
    const rows = await mirrorRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ view: card("Yes 1"), track: poll });

    await deliverOutbox();
    expect(connector.posted.map((c) => cardTexts(c.body.attachments[0].content))).toEqual([["Yes 1"]]);
    expect(await bot.db.prisma.postedMessage.count({ where: { platform: "TEAMS" } })).toBe(1);
  });

  it("folds votes into a queued redraw nobody has claimed; a claimed one gets a successor", async () => {
    await postedCopies();
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "SLACK" });
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 2"), fromPlatform: "SLACK" });
    const [queued] = await mirrorRows();
    expect((await mirrorRows()).map(viewOf)).toEqual([card("Yes 2")]);

    // As if a worker were delivering it right now: its payload is read, so a new row must follow.
    const leaseUntil = new Date(Date.now() + 60_000);
    await bot.db.prisma.outboxMessage.update({
      where: { id: queued!.id },
      data: { leaseOwner: "w", leaseUntil },
    });
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 3"), fromPlatform: "SLACK" });
    // Both carry the newest view: the claimed one too, in case its delivery is retried.
    expect((await mirrorRows()).map(viewOf)).toEqual([card("Yes 3"), card("Yes 3")]);
  });

  it("finds its queued rows by structured keys (subject, stage), rows queued before the upgrade too", async () => {
    await postedCopies();
    await mirrorChannelPost(ctx, { conversation: fromSlack, view: card("Posted"), track: poll });
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "SLACK" });
    // The lookups are equality on the [subject, stage] index, never a prefix of the key.
    expect((await mirrorRows()).map((r) => [r.subject, r.stage]).sort()).toEqual([
      ["copy:TEAMS:1:teams-poll", "redraw"],
      ["meeting:meeting-1", "mirror-post"],
    ]);

    // Rows written before the structured keys: the migration's data step gives them theirs, and the
    // next vote folds into them instead of queueing more.
    await bot.db.prisma.outboxMessage.updateMany({
      where: { key: { startsWith: "mirror:" } },
      data: { subject: null, stage: null },
    });
    for (const statement of await migrationDataStep("scale_due_driven_jobs"))
      await bot.db.prisma.$executeRawUnsafe(statement);
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 2"), fromPlatform: "SLACK" });
    const rows = await mirrorRows();
    expect(rows.map((r) => [r.subject, r.stage]).sort()).toEqual([
      ["copy:TEAMS:1:teams-poll", "redraw"],
      ["meeting:meeting-1", "mirror-post"],
    ]);
    expect(rows.map(viewOf)).toEqual([card("Yes 2"), card("Yes 2")]);
  });

  it("freshens a redraw queued from the other platform when this platform redraws its own copy", async () => {
    await postedCopies();
    // A Teams vote queued a redraw of the Slack copy; a Slack vote follows before the tick.
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "TEAMS" });
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 2"), fromPlatform: "SLACK" });
    const rows = await mirrorRows();
    expect(rows.map((r) => [r.platform, viewOf(r)])).toEqual([
      ["SLACK", card("Yes 2")],
      ["TEAMS", card("Yes 2")],
    ]);
  });

  it("follows a redraw being sent to this platform's copy, so the older tally cannot land last", async () => {
    await postedCopies();
    // A Teams vote queued a redraw of the Slack copy, and a worker is sending it right now…
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "TEAMS" });
    const [inFlight] = await mirrorRows();
    await bot.db.prisma.outboxMessage.update({
      where: { id: inFlight!.id },
      data: { leaseOwner: "w", leaseUntil: new Date(Date.now() + 60_000) },
    });
    // …when a Slack vote redraws the Slack copy itself: a row follows the one in flight.
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 2"), fromPlatform: "SLACK" });
    const slackRows = (await mirrorRows()).filter((r) => r.platform === "SLACK");
    expect(slackRows.map(viewOf)).toEqual([card("Yes 2"), card("Yes 2")]);
    expect(slackRows.filter((r) => r.leaseOwner === null)).toHaveLength(1);
  });

  it("queues nothing when the subject has no copy on another platform", async () => {
    await bot.db.prisma.postedMessage.create({
      data: {
        platform: "SLACK",
        conversationId: SLACK_CHANNEL,
        messageId: "1.1",
        subjectType: "meeting",
        subjectId: poll.id,
      },
    });
    expect(await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "SLACK" })).toEqual({
      ok: true,
      value: { enqueued: 0 },
    });
    expect(await mirrorRows()).toEqual([]);
  });
});

describe("redraw failures", () => {
  it("a copy that was deleted fails for good, on Slack and on Teams", async () => {
    await postedCopies();
    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 1"), fromPlatform: "TEAMS" });
    slack.failNext("chat.update", 200, { error: "message_not_found" });
    await deliverOutbox();
    expect(await mirrorRows()).toMatchObject([{ status: "FAILED", lastError: "slack: message_not_found" }]);

    await mirrorRefresh(ctx, { subject: poll, view: card("Yes 2"), fromPlatform: "SLACK" });
    connector.failNext(404);
    await deliverOutbox();
    const teamsRow = (await mirrorRows()).find((r) => r.platform === "TEAMS");
    expect(teamsRow).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(teamsRow!.lastError).toMatch(/^teams: HTTP 404/);
    expect(connector.calls.map((c) => c.operation)).toEqual(["update"]);
  });
});
