// What bridging a cluster to a second platform costs, and whether both copies of its date poll end
// up showing the same tally as the database.
//
//   npm run bench:bridged-poll                        200 members, votes spread over 20 s
//   BRIDGED_MEMBERS=60 BRIDGED_WINDOW_S=10 npm run bench:bridged-poll
//
// Processes (bench/lib/child.ts): this one (load generator and report), the fake Slack Web API, the
// fake Bot Framework Connector (Teams), and the real bot on a fresh embedded PGlite in a temporary
// DATA_DIR, started with its jobs "manual": this process runs the outbox job itself, every
// BRIDGED_TICK_S seconds during a burst (15 s, as the bot's cron does) and back-to-back afterwards.
//
// Set-up, through the bot's own endpoints (signed Slack requests, Teams activities on
// /api/messages), in one bot process:
//   - bridged: a cluster created on Slack, half of the members join there (`/cluster join`), the
//     chair's link code is typed in a Teams channel, the other half joins there ("join"); the chair
//     plans a date poll with 3 slots on Slack; one outbox tick copies it into the Teams channel.
//   - baseline: the same members again, unbridged: a Slack-only cluster (half of the members, the poll
//     planned on Slack) and a Teams-only cluster (the other half, the poll planned on Teams).
// The burst: every member votes on one slot at a random moment within BRIDGED_WINDOW_S, and
// BRIDGED_CHANGE_PCT % of them (20) answer that slot differently once more, later (after the first
// vote was acknowledged). Slack members click the buttons of the Slack message (signed block_actions
// on /slack/events), Teams members the Action.Execute buttons of the card in their channel (the
// mirrored copy when bridged), BRIDGED_CONCURRENCY requests in flight at most (4). The baseline
// burst sends the same votes at the same offsets, member i of the bridged cluster being member i of
// the unbridged one.
// After each burst, the outbox is ticked back-to-back until no mirror row is pending, and every copy
// of the poll — the last chat.update of the Slack message, the last PUT of the Teams card — is read
// and its "✅ n 🤔 n ❌ n" per slot compared with the SlotVote rows. Exit code 1 when a copy differs
// from the database or a vote is missing.
import { cpus, loadavg } from "node:os";
import { POLL_ACTIONS } from "../src/features/meetings/surface/poll-view.ts";
import type { FakeMember } from "../test/fakes/bot-connector.ts";
import type { SlackUserFixture } from "../test/fakes/slack-api.ts";
import { dayAhead } from "../test/support/helsinki-dates.ts";
import * as slackRequest from "../test/support/slack-requests.ts";
import {
  cardAction,
  executeActions,
  invoke,
  type Json,
  message,
  type TeamsChannel,
  type TeamsUser,
  teamsChannel,
  teamsUser,
  type Where,
} from "../test/support/teams-activities.ts";
import { percentileRatios } from "./lib/ack-table.ts";
import { ChildGroup, type ChildHandle } from "./lib/ipc.ts";
import { postOnce } from "./lib/post.ts";
import {
  type BotStats,
  type ConnectorCallSummary,
  type ConnectorCallsAnswer,
  SLACK_EVENTS_PATH,
} from "./lib/protocol.ts";
import { readNumber, runBenchmark, SettingsError, seeded } from "./lib/settings.ts";
import { SlackSide, sleep } from "./lib/slack-side.ts";
import { distribution, fmt, nsToMs, table } from "./lib/stats.ts";
import { keepAliveAgent, type Timed, timedPost } from "./lib/timed-post.ts";

const TEAMS_PATH = "/api/messages";
const ACK_DEADLINE_MS = 3000;
const REQUEST_TIMEOUT_MS = 15_000;
const DRAIN_TIMEOUT_MS = 30_000;
const TEAM = "T-LAPLAND";
const ENGLISH = { locale: "en-GB", timeZone: "Europe/Helsinki" };
const ANSWERS = [POLL_ACTIONS.YES, POLL_ACTIONS.IF_NEED_BE, POLL_ACTIONS.NO] as const;
type Verb = (typeof ANSWERS)[number];
const DB_ANSWER: Record<Verb, string> = {
  [POLL_ACTIONS.YES]: "YES",
  [POLL_ACTIONS.IF_NEED_BE]: "IF_NEED_BE",
  [POLL_ACTIONS.NO]: "NO",
};

const settings = readSettings();

function readSettings() {
  try {
    return settingsFromEnv();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`benchmark failed: ${error.message}`);
    process.exit(1);
  }
}

function settingsFromEnv() {
  const members = Math.round(readNumber("BRIDGED_MEMBERS", 200, 4));
  return {
    members,
    slackMembers: Math.ceil(members / 2),
    teamsMembers: Math.floor(members / 2),
    windowS: readNumber("BRIDGED_WINDOW_S", 20, 1),
    changePct: readNumber("BRIDGED_CHANGE_PCT", 20, 0),
    concurrency: Math.round(readNumber("BRIDGED_CONCURRENCY", 4, 1)),
    tickS: readNumber("BRIDGED_TICK_S", 15, 1),
  };
}

// ── who votes what, when ──────────────────────────────────────────────────────────────────────────

type Platform = "slack" | "teams";
/** One click: member `index` of `platform`'s half, on slot `slot`, at `offsetMs` after the start. */
type Vote = {
  platform: Platform;
  index: number;
  slot: number;
  verb: Verb;
  offsetMs: number;
  change: boolean;
};

function planVotes(): Vote[] {
  const random = seeded(0xb41d_9e00);
  const votes: Vote[] = [];
  const windowMs = settings.windowS * 1000;
  for (const [platform, count] of [
    ["slack", settings.slackMembers],
    ["teams", settings.teamsMembers],
  ] as const)
    for (let index = 0; index < count; index++) {
      const slot = Math.floor(random() * 3);
      const first = random() < 0.6 ? 0 : 1 + Math.floor(random() * 2);
      const offsetMs = random() * windowMs * 0.8;
      votes.push({ platform, index, slot, verb: ANSWERS[first]!, offsetMs, change: false });
      if (random() * 100 < settings.changePct) {
        const other = ANSWERS[(first + 1 + Math.floor(random() * 2)) % 3]!;
        const later = offsetMs + 1000 + random() * Math.max(0, windowMs - offsetMs - 1000);
        votes.push({ platform, index, slot, verb: other, offsetMs: later, change: true });
      }
    }
  return votes.sort((a, b) => a.offsetMs - b.offsetMs);
}

// ── the two platforms, seen from here ─────────────────────────────────────────────────────────────

class SetupError extends Error {}

/** The fake connector's calls, polled over IPC; bodies of sends, replies and PUT updates. */
class ConnectorSide {
  readonly seen: ConnectorCallSummary[] = [];
  constructor(
    readonly child: ChildHandle,
    readonly serviceUrl: string,
  ) {}

  private last: Promise<unknown> = Promise.resolve();

  /** Fetches the calls since the last poll; concurrent polls take turns. */
  poll(): Promise<ConnectorCallSummary[]> {
    const next = this.last.then(async () => {
      const { calls } = await this.child.call<ConnectorCallsAnswer>("calls", {
        from: this.seen.length,
        bodiesOf: ["send", "reply", "update"],
      });
      this.seen.push(...calls);
      return calls;
    });
    this.last = next.catch(() => {});
    return next;
  }
}

type Scene = { slack: SlackSide; teams: ConnectorSide; bot: ChildHandle; port: number };
let replyIds = 0;

async function slackPost(scene: Scene, what: string, body: string): Promise<string> {
  const res = await postOnce(scene.port, SLACK_EVENTS_PATH, body, slackRequest.signedHeaders(body));
  if (res.status !== 200) throw new SetupError(`set-up: ${what} answered HTTP ${res.status}: ${res.body}`);
  return res.body;
}

/** Sends `/cluster <text>` in `channel`; the bot answers privately at response_url `replyId`. */
function sendCommand(scene: Scene, user: string, channel: string, text: string, replyId: string) {
  const responseUrl = scene.slack.responseUrl(replyId);
  const body = slackRequest.slashCommandBody({ user, channel, text, responseUrl, team: TEAM });
  return slackPost(scene, `/cluster ${text}`, body);
}

/** `/cluster <text>` in `channel`; resolves with the private answer's text once it reached Slack. */
async function slashCommand(scene: Scene, user: string, channel: string, text: string): Promise<string> {
  const id = `setup-${++replyIds}`;
  const replied = scene.slack.expectReply(id, 30_000);
  replied.catch(() => {});
  await sendCommand(scene, user, channel, text, id);
  return String((await replied).body?.text ?? "");
}

/** A `/cluster <text>` that opens a modal, submitted with `fields` (block id = action id). */
async function slackForm(
  scene: Scene,
  user: string,
  channel: string,
  text: string,
  fields: Record<string, Record<string, unknown>>,
): Promise<void> {
  const opened = scene.slack.expect("views.open", 30_000);
  await sendCommand(scene, user, channel, text, `form-${++replyIds}`);
  const view = (await opened).body?.view as { callback_id: string; private_metadata: string };
  const values = Object.fromEntries(Object.entries(fields).map(([id, state]) => [id, { [id]: state }]));
  const payload = slackRequest.viewSubmissionPayload({
    user,
    team: TEAM,
    callbackId: view.callback_id,
    metadata: view.private_metadata,
    values,
  });
  const ack = await slackPost(scene, `the form of /cluster ${text}`, slackRequest.interactionBody(payload));
  if (ack.trim() !== "") throw new SetupError(`set-up: the form of /cluster ${text} was refused: ${ack}`);
}

/** Posts one activity; answers with the connector calls the bot made before answering (sends finish first). */
async function teamsTurn(scene: Scene, activity: Json): Promise<ConnectorCallSummary[]> {
  await scene.teams.poll();
  const before = scene.teams.seen.length;
  const body = JSON.stringify(activity);
  const res = await postOnce(scene.port, TEAMS_PATH, body, { "content-type": "application/json" });
  if (res.status !== 200) throw new SetupError(`set-up: Teams answered HTTP ${res.status}: ${res.body}`);
  await scene.teams.poll();
  return scene.teams.seen.slice(before);
}

const say = (scene: Scene, from: TeamsUser, where: Where, text: string) =>
  teamsTurn(scene, message({ serviceUrl: scene.teams.serviceUrl, from, where, text }));

const cardIn = (call: ConnectorCallSummary | undefined): Json | undefined =>
  ((call?.body?.attachments as Json[] | undefined) ?? [])[0]?.content as Json | undefined;

/** Runs `each` over `items`, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, each: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await each(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

// ── set-up through the bot ────────────────────────────────────────────────────────────────────────

const SLOTS = [
  { date: dayAhead(30), time: "10:00" },
  { date: dayAhead(31), time: "13:00" },
  { date: dayAhead(33), time: "09:00" },
];
const slotFields = (shape: (kind: "date" | "time", value: string) => unknown) =>
  Object.fromEntries(
    SLOTS.flatMap((s, i) => [
      [`slot_${i + 1}_date`, shape("date", s.date)],
      [`slot_${i + 1}_time`, shape("time", s.time)],
    ]),
  );

/** The copies of a poll: where each is shown, and the buttons Teams members press. */
type Poll = {
  meetingId: string;
  /** Slot ids in the poll's order (by start time). */
  slotIds: string[];
  slack?: { channel: string; ts: string };
  teams?: { channel: TeamsChannel; messageId: string; card: Json; where: Where };
};

type Cluster = {
  name: string;
  slackUsers: string[];
  teamsUsers: TeamsUser[];
  slackChannel?: string;
  teamsChannel?: TeamsChannel;
  poll?: Poll;
};

async function slackCluster(scene: Scene, c: Cluster, channel: string): Promise<void> {
  const chair = c.slackUsers[0]!;
  const announced = scene.slack.expect("chat.postMessage", 30_000, (call) => call.body?.channel === channel);
  await slackForm(scene, chair, channel, `setup ${c.name}`, {
    name: { type: "plain_text_input", value: c.name },
    locale: { type: "static_select", selected_option: { value: "en" } },
  });
  await announced;
  await inParallel(c.slackUsers.slice(1), 4, (user) => slashCommand(scene, user, channel, "join"));
  c.slackChannel = channel;
}

async function teamsJoins(scene: Scene, users: TeamsUser[], channel: TeamsChannel): Promise<void> {
  await inParallel(users, 4, (user) => say(scene, user, { channel }, "join"));
}

async function bridgedCluster(scene: Scene, c: Cluster): Promise<void> {
  await slackCluster(scene, c, "C-BRIDGED");
  const issued = await slashCommand(scene, c.slackUsers[0]!, "C-BRIDGED", "link");
  const code = /`([A-Z2-9]{4}-[A-Z2-9]{4})`/.exec(issued)?.[1];
  if (!code) throw new SetupError(`set-up: no link code in "${issued}"`);
  const channel = teamsChannel("Bridged");
  await say(scene, c.teamsUsers[0]!, { channel }, `link ${code}`);
  await teamsJoins(scene, c.teamsUsers.slice(1), channel);
  c.teamsChannel = channel;
  c.poll = await slackPoll(scene, c);
  // One outbox tick copies the poll (and the bridge notices) into the other channel.
  const row = await eventually("the outbox did not copy the poll into the Teams channel", async () => {
    await tickOutbox(scene);
    return copyId(scene, c.poll!.meetingId, "TEAMS");
  });
  await scene.teams.poll();
  const sent = scene.teams.seen.find((call) => call.operation === "send" && call.answeredId === row);
  const card = cardIn(sent);
  if (!card) throw new SetupError("set-up: the poll's copy on Teams carries no card");
  c.poll.teams = { channel, messageId: row, card, where: { channel, threadId: row } };
}

async function slackPoll(scene: Scene, c: Cluster): Promise<Poll> {
  const title = `${c.name} poll`;
  await slackForm(scene, c.slackUsers[0]!, c.slackChannel!, "meeting plan", {
    title: { type: "plain_text_input", value: title },
    ...slotFields((kind, value) =>
      kind === "date"
        ? { type: "datepicker", selected_date: value }
        : { type: "timepicker", selected_time: value },
    ),
  });
  const meetingId = await meetingIdOf(scene, title);
  const ts = await postedCopy(scene, meetingId, "SLACK");
  return { meetingId, slotIds: await slotIdsOf(scene, meetingId), slack: { channel: c.slackChannel!, ts } };
}

async function teamsOnlyCluster(scene: Scene, c: Cluster): Promise<void> {
  const chair = c.teamsUsers[0]!;
  const channel = teamsChannel("Solo");
  const serviceUrl = scene.teams.serviceUrl;
  /** Sends `text`, then submits the form card it answered with, in the thread the message started. */
  const formTurn = async (text: string, inputs: Record<string, string>) => {
    const asked = message({ serviceUrl, from: chair, where: { channel }, text });
    const form = (await teamsTurn(scene, asked)).find((call) => call.operation === "reply");
    const card = cardIn(form);
    if (!card || !form?.answeredId) throw new SetupError(`set-up: "${text}" on Teams answered no form`);
    const where = { channel, threadId: String(asked.id) };
    const submitted = cardAction({
      serviceUrl,
      from: chair,
      where,
      card,
      replyToId: form.answeredId,
      inputs,
    });
    return { where, calls: await teamsTurn(scene, submitted) };
  };
  await formTurn(`setup ${c.name}`, {});
  await teamsJoins(scene, c.teamsUsers.slice(1), channel);
  const title = `${c.name} poll`;
  const planned = await formTurn("meeting plan", { title, ...slotFields((_, value) => value) });
  const meetingId = await meetingIdOf(scene, title);
  const messageId = await postedCopy(scene, meetingId, "TEAMS");
  const card = cardIn(planned.calls.find((call) => call.answeredId === messageId));
  if (!card) throw new SetupError(`set-up: the poll of ${c.name} was not posted on Teams`);
  c.teamsChannel = channel;
  c.poll = {
    meetingId,
    slotIds: await slotIdsOf(scene, meetingId),
    teams: { channel, messageId, card, where: planned.where },
  };
}

/** What `find` finds within 30 s: the bot acts on a Slack request after acknowledging it. */
async function eventually<T>(what: string, find: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new SetupError(`set-up: ${what} within 30 s`);
    await sleep(100);
  }
}

const meetingIdOf = (scene: Scene, title: string) =>
  eventually(`no meeting titled "${title}"`, async () => {
    const rows = await query<{ id: string }>(scene, `SELECT "id" FROM "Meeting" WHERE "title" = $1`, [title]);
    return rows[0]?.id;
  });

const slotIdsOf = async (scene: Scene, meetingId: string) =>
  (
    await query<{ id: string }>(
      scene,
      `SELECT "id" FROM "MeetingSlot" WHERE "meetingId" = $1 ORDER BY "startsAt", "id"`,
      [meetingId],
    )
  ).map((r) => r.id);

/** The message id of the poll's copy on `platform` (chat ts on Slack, activity id on Teams), if posted. */
async function copyId(scene: Scene, meetingId: string, platform: "SLACK" | "TEAMS") {
  const rows = await query<{ messageId: string }>(
    scene,
    `SELECT "messageId" FROM "PostedMessage"
      WHERE "subjectType" = 'meeting' AND "subjectId" = $1 AND "platform" = $2::"Platform"`,
    [meetingId, platform],
  );
  return rows[0]?.messageId;
}

const postedCopy = (scene: Scene, meetingId: string, platform: "SLACK" | "TEAMS") =>
  eventually(`the poll was not posted on ${platform}`, () => copyId(scene, meetingId, platform));

function query<T>(scene: Scene, sql: string, params: unknown[] = []): Promise<T[]> {
  return scene.bot.call<T[]>("query", { sql, params });
}

async function tickOutbox(scene: Scene): Promise<string> {
  return scene.bot.call<string>("tick", "outbox");
}

// ── the burst ─────────────────────────────────────────────────────────────────────────────────────

type Shot = Timed & { vote: Vote; plannedNs: bigint };

/** Who presses what: the Slack or Teams copy a member sees, in the cluster of their half. */
type Target = { slackCluster: Cluster; teamsCluster: Cluster };

function voteRequest(scene: Scene, target: Target, vote: Vote, n: number) {
  if (vote.platform === "slack") {
    const c = target.slackCluster;
    const poll = c.poll!;
    const body = slackRequest.interactionBody(
      slackRequest.blockActionPayload({
        user: c.slackUsers[vote.index]!,
        channel: poll.slack!.channel,
        actionId: vote.verb,
        value: `${poll.meetingId}|${poll.slotIds[vote.slot]}`,
        responseUrl: scene.slack.responseUrl(`vote-${n}`),
        team: TEAM,
      }),
    );
    return { path: SLACK_EVENTS_PATH, body, headers: slackRequest.signedHeaders(body) };
  }
  const c = target.teamsCluster;
  const copy = c.poll!.teams!;
  const slotId = c.poll!.slotIds[vote.slot]!;
  const action = executeActions(copy.card).find(
    (a) => a.verb === vote.verb && String(a.data?.value).endsWith(`|${slotId}`),
  );
  if (!action) throw new Error(`no ${vote.verb} button for slot ${vote.slot + 1} on the Teams card`);
  const activity = invoke({
    serviceUrl: scene.teams.serviceUrl,
    from: c.teamsUsers[vote.index]!,
    where: copy.where,
    verb: action.verb,
    title: action.title,
    data: action.data,
    replyToId: copy.messageId,
  });
  return {
    path: TEAMS_PATH,
    body: JSON.stringify(activity),
    headers: { "content-type": "application/json" },
  };
}

/**
 * Before anything is measured: the first member on each platform clicks their own first vote of the
 * burst a few times (the same slot and answer, so the tallies are unchanged), then one outbox tick,
 * so neither burst pays for the bot's first votes (JIT, caches).
 */
async function warmUp(scene: Scene, target: Target, votes: Vote[]): Promise<void> {
  const agent = keepAliveAgent();
  for (const platform of ["slack", "teams"] as const) {
    const vote = votes.find((v) => v.platform === platform && v.index === 0 && !v.change);
    if (!vote) continue;
    for (let i = 0; i < 5; i++) {
      const { path, body, headers } = voteRequest(scene, target, vote, -1 - i);
      const shot = await timedPost(agent, scene.port, path, body, headers, REQUEST_TIMEOUT_MS);
      if (shot.status !== 200) throw new SetupError(`warm-up: a ${platform} vote answered ${shot.error}`);
    }
  }
  agent.destroy();
  await sleep(500);
  await tickOutbox(scene);
}

type BurstResult = {
  shots: Shot[];
  lastAckWallMs: number;
  cpuMs: number;
  ticks: { during: number; ms: number[] };
};

/**
 * Sends the votes at their offsets, `concurrency` at a time (a vote waits for a free slot; its latency
 * counts from when it left). A change of mind leaves only after the member's first vote was acked.
 */
async function burst(scene: Scene, target: Target, votes: Vote[]): Promise<BurstResult> {
  const agent = keepAliveAgent();
  const cpuBefore = await scene.bot.call<NodeJS.CpuUsage>("cpu");
  const startNs = process.hrtime.bigint() + 50_000_000n;
  const firstVotes = new Map<string, Promise<void>>();
  const shots: Shot[] = [];
  const ticks = { during: 0, ms: [] as number[] };
  let ticking = true;
  const ticker = (async () => {
    for (let at = settings.tickS * 1000; ; at += settings.tickS * 1000) {
      while (ticking && nsToMs(process.hrtime.bigint() - startNs) < at) await sleep(50);
      if (!ticking) return;
      const t0 = performance.now();
      await tickOutbox(scene);
      ticks.during += 1;
      ticks.ms.push(performance.now() - t0);
    }
  })();
  let next = 0;
  const worker = async () => {
    while (next < votes.length) {
      const n = next++;
      const vote = votes[n]!;
      const key = `${vote.platform}:${vote.index}`;
      // Registered when taken, so that a change of mind taken by another worker waits for it.
      let acked = () => {};
      if (!vote.change) firstVotes.set(key, new Promise<void>((resolve) => (acked = resolve)));
      const plannedNs = startNs + BigInt(Math.round(vote.offsetMs * 1e6));
      const waitMs = nsToMs(plannedNs - process.hrtime.bigint());
      if (waitMs > 0) await sleep(waitMs);
      if (vote.change) await firstVotes.get(key);
      const { path, body, headers } = voteRequest(scene, target, vote, n);
      const shot = await timedPost(agent, scene.port, path, body, headers, REQUEST_TIMEOUT_MS);
      shots.push({ ...shot, vote, plannedNs });
      acked();
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, worker));
  const lastAckWallMs = Date.now();
  ticking = false;
  await ticker;
  agent.destroy();
  const cpuAfter = await scene.bot.call<NodeJS.CpuUsage>("cpu");
  const cpuMs = (cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000;
  return { shots, lastAckWallMs, cpuMs, ticks };
}

// ── convergence: every copy against the database ──────────────────────────────────────────────────

/** [yes, if need be, no] per slot, in slot order. */
type Tally = number[][];
const TALLY_LINE = /✅ (\d+)[^🤔]*🤔 (\d+)[^❌]*❌ (\d+)/gu;

function tallyShown(drawn: unknown): Tally | undefined {
  if (drawn === undefined) return undefined;
  return [...JSON.stringify(drawn).matchAll(TALLY_LINE)].map((m) => [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
  ]);
}

async function tallyStored(scene: Scene, poll: Poll): Promise<Tally> {
  const rows = await query<{ slotId: string; answer: string; n: number }>(
    scene,
    `SELECT v."slotId", v."answer"::text AS answer, count(*)::int AS n FROM "SlotVote" v
      JOIN "MeetingSlot" s ON s."id" = v."slotId" WHERE s."meetingId" = $1 GROUP BY 1, 2`,
    [poll.meetingId],
  );
  return poll.slotIds.map((slotId) =>
    ["YES", "IF_NEED_BE", "NO"].map((a) => rows.find((r) => r.slotId === slotId && r.answer === a)?.n ?? 0),
  );
}

type Copy = { label: string; shown: Tally | undefined; updates: number };

/** The last state of each copy: the last chat.update of the Slack message, the last PUT of the card. */
async function copiesOf(scene: Scene, poll: Poll, label: string): Promise<Copy[]> {
  await scene.slack.poll(["chat.update"]);
  await scene.teams.poll();
  const copies: Copy[] = [];
  if (poll.slack) {
    const updates = scene.slack.seen.filter(
      (c) =>
        c.method === "chat.update" &&
        c.body?.ts === poll.slack!.ts &&
        c.body?.channel === poll.slack!.channel,
    );
    copies.push({
      label: `${label}: Slack message`,
      shown: tallyShown(updates.at(-1)?.body?.blocks),
      updates: updates.length,
    });
  }
  if (poll.teams) {
    const updates = scene.teams.seen.filter(
      (c) => c.operation === "update" && c.activityId === poll.teams!.messageId,
    );
    copies.push({
      label: `${label}: Teams card`,
      shown: tallyShown(cardIn(updates.at(-1))),
      updates: updates.length,
    });
  }
  return copies;
}

const sameTally = (a: Tally | undefined, b: Tally) => JSON.stringify(a) === JSON.stringify(b);
const tallyText = (t: Tally | undefined) => (t ? t.map((s) => s.join("/")).join("  ") : "(never redrawn)");

const pendingMirrorRows = async (scene: Scene) =>
  (
    await query<{ n: number }>(
      scene,
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE "status" = 'PENDING' AND "key" LIKE 'mirror:%'`,
    )
  )[0]?.n ?? 0;

type Drained = { ms: number; ticks: number; converged: boolean; copies: Copy[]; stored: Tally[] };

/**
 * Ticks the outbox back-to-back while mirror rows are pending, until every copy of `polls` shows the
 * database's tally (then once more after a quiet second, in case a late redraw changes it).
 */
async function drain(scene: Scene, polls: Array<[string, Poll]>, lastAckWallMs: number): Promise<Drained> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  let ticks = 0;
  const check = async () => {
    const copies = (await Promise.all(polls.map(([label, poll]) => copiesOf(scene, poll, label)))).flat();
    const stored = await Promise.all(polls.map(([, poll]) => tallyStored(scene, poll)));
    const perCopy = polls.flatMap(([, poll], i) =>
      poll.slack && poll.teams ? [stored[i]!, stored[i]!] : [stored[i]!],
    );
    return { copies, stored, converged: copies.every((c, i) => sameTally(c.shown, perCopy[i]!)) };
  };
  for (;;) {
    const pending = await pendingMirrorRows(scene);
    const state = await check();
    if (pending === 0 && state.converged) {
      const ms = Date.now() - lastAckWallMs;
      await sleep(1000);
      const again = await check();
      return { ms, ticks, ...again };
    }
    if (Date.now() > deadline) return { ms: Number.NaN, ticks, ...state };
    if (pending > 0) {
      await tickOutbox(scene);
      ticks += 1;
    } else await sleep(50);
  }
}

// ── lost votes: what members clicked last against SlotVote ────────────────────────────────────────

async function lostVotes(scene: Scene, target: Target, votes: Vote[]) {
  const expected = new Map<string, string>();
  const idOf = (v: Vote) =>
    v.platform === "slack"
      ? target.slackCluster.slackUsers[v.index]!
      : target.teamsCluster.teamsUsers[v.index]!.id;
  const pollOf = (v: Vote) => (v.platform === "slack" ? target.slackCluster : target.teamsCluster).poll!;
  for (const v of votes) expected.set(idOf(v), `${pollOf(v).slotIds[v.slot]}|${DB_ANSWER[v.verb]}`);
  const meetings = [...new Set([target.slackCluster.poll!.meetingId, target.teamsCluster.poll!.meetingId])];
  const rows = await query<{ externalId: string; slotId: string; answer: string }>(
    scene,
    `SELECT i."externalId", v."slotId", v."answer"::text AS answer FROM "SlotVote" v
      JOIN "MeetingSlot" s ON s."id" = v."slotId" JOIN "PlatformIdentity" i ON i."personId" = v."personId"
      WHERE s."meetingId" = ANY($1::text[])`,
    [meetings],
  );
  const stored = new Map(rows.map((r) => [r.externalId, `${r.slotId}|${r.answer}`]));
  let missing = 0;
  let otherAnswer = 0;
  for (const [id, want] of expected) {
    const got = stored.get(id);
    if (got === undefined) missing += 1;
    else if (got !== want) otherAnswer += 1;
  }
  return { voters: expected.size, votesStored: rows.length, missing, otherAnswer };
}

// ── mirroring: outbox rows against interactions ───────────────────────────────────────────────────

async function mirrorRows(scene: Scene, since: Date) {
  const rows = await query<{ kind: string; platform: string; status: string; n: number }>(
    scene,
    `SELECT split_part("key", ':', 2) AS kind, "platform"::text AS platform, "status"::text AS status,
        count(*)::int AS n
      FROM "OutboxMessage" WHERE "key" LIKE 'mirror:%' AND "createdAt" >= $1 GROUP BY 1, 2, 3`,
    [since],
  );
  const count = (kind: string, platform: string) =>
    rows.filter((r) => r.kind === kind && r.platform === platform).reduce((t, r) => t + r.n, 0);
  return {
    redrawsToTeams: count("update", "TEAMS"),
    redrawsToSlack: count("update", "SLACK"),
    posts: rows.filter((r) => r.kind === "post").reduce((t, r) => t + r.n, 0),
    failed: rows.filter((r) => r.status === "FAILED").reduce((t, r) => t + r.n, 0),
  };
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

const latency = (s: Timed) => nsToMs(s.doneNs! - s.sentNs);

function ackRow(name: string, shots: Shot[]) {
  const ok = shots.filter((s) => s.status === 200 && s.doneNs !== null);
  const d = distribution(ok.map(latency));
  return {
    d,
    cells: [
      name,
      String(shots.length),
      String(shots.length - ok.length),
      String(ok.filter((s) => latency(s) > ACK_DEADLINE_MS).length),
      fmt(d.p50),
      fmt(d.p90),
      fmt(d.p99),
      fmt(d.max),
    ],
  };
}

function ackTable(bridged: BurstResult, base: BurstResult): string {
  const rows: string[][] = [];
  for (const platform of ["slack", "teams"] as const) {
    const of = (r: BurstResult) => r.shots.filter((s) => s.vote.platform === platform);
    const name = platform === "slack" ? "Slack" : "Teams";
    const b = ackRow(`${name}, bridged`, of(bridged));
    const u = ackRow(`${name}, unbridged`, of(base));
    rows.push(b.cells, u.cells, [`${name}, bridged / unbridged`, "", "", "", ...percentileRatios(b.d, u.d)]);
  }
  return table(
    ["votes", "requests", "non-200", `>${ACK_DEADLINE_MS / 1000} s`, "p50", "p90", "p99", "max"],
    rows,
  );
}

const startedAt = Date.now();
const loadAtStart = loadavg()[0] ?? Number.NaN;
const stamp = () => `[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)} s]`;
const say1 = (line: string) => console.log(`${stamp()} ${line}`);

// ── main ──────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  console.log(
    `Ennakko bridged poll — ${settings.members} members (${settings.slackMembers} on Slack, ${settings.teamsMembers} on Teams) ` +
      `vote on a 3-slot date poll within ${settings.windowS} s, ${settings.changePct} % change their answer once; ` +
      `${settings.concurrency} requests in flight at most; outbox ticked every ${settings.tickS} s during the burst\n` +
      `Node ${process.version}, ${cpus().length} CPU(s), load average ${fmt(loadAtStart)}`,
  );
  const children = new ChildGroup();
  try {
    const [fakeSlack, fakeConnector] = await Promise.all([
      children.spawn("fake-slack"),
      children.spawn("fake-connector"),
    ]);
    const slack = new SlackSide(fakeSlack, String(fakeSlack.info.url), String(fakeSlack.info.apiUrl));
    const bot = await children.spawn("bot", { BENCH_SLACK_API_URL: slack.apiUrl, BENCH_JOBS: "manual" });
    const scene: Scene = {
      slack,
      teams: new ConnectorSide(fakeConnector, String(fakeConnector.info.serviceUrl)),
      bot,
      port: Number(bot.info.port),
    };
    const people = (prefix: string): Cluster["slackUsers"] =>
      Array.from({ length: settings.slackMembers }, (_, i) => `U-${prefix}${String(i).padStart(4, "0")}`);
    const teamsPeople = (prefix: string) =>
      Array.from({ length: settings.teamsMembers }, (_, i) => teamsUser(`${prefix} ${i}`, ENGLISH));
    const bridged: Cluster = {
      name: "Bridged",
      slackUsers: people("BR"),
      teamsUsers: teamsPeople("Bridged"),
    };
    const slackOnly: Cluster = { name: "SlackOnly", slackUsers: people("SO"), teamsUsers: [] };
    const teamsOnly: Cluster = { name: "TeamsOnly", slackUsers: [], teamsUsers: teamsPeople("Solo") };
    const fixtures: Record<string, SlackUserFixture> = {};
    for (const user of [...bridged.slackUsers, ...slackOnly.slackUsers])
      fixtures[user] = {
        name: user.toLowerCase(),
        display_name: user.slice(2),
        locale: "en-GB",
        tz: "Europe/Helsinki",
      };
    await fakeSlack.call("users", fixtures);
    // Everyone has an address of their own: nobody is merged with anybody across platforms.
    const directory: Record<string, FakeMember> = {};
    for (const user of [...bridged.teamsUsers, ...teamsOnly.teamsUsers])
      directory[user.id] = { name: user.name, email: `${user.aadObjectId}@teams.example` };
    await fakeConnector.call("members", directory);

    say1("set-up through the bot: bridged cluster (Slack + Teams) …");
    await bridgedCluster(scene, bridged);
    say1("set-up: Slack-only and Teams-only clusters …");
    await slackCluster(scene, slackOnly, "C-SOLO");
    slackOnly.poll = await slackPoll(scene, slackOnly);
    await teamsOnlyCluster(scene, teamsOnly);
    await tickOutbox(scene); // whatever set-up queued (bridge notices) is not part of the burst
    const members = await query<{ cluster: string; n: number }>(
      scene,
      `SELECT c."name" AS cluster, count(*)::int AS n FROM "Membership" m JOIN "Cluster" c ON c."id" = m."clusterId" GROUP BY 1`,
    );
    const counted = Object.fromEntries(members.map((m) => [m.cluster, m.n]));
    say1(`members: ${JSON.stringify(counted)}`);
    if (
      counted.Bridged !== settings.members ||
      counted.SlackOnly !== settings.slackMembers ||
      counted.TeamsOnly !== settings.teamsMembers
    )
      throw new SetupError(`set-up: not every member joined: ${JSON.stringify(counted)}`);

    const votes = planVotes();
    const bridgedTarget: Target = { slackCluster: bridged, teamsCluster: bridged };
    const baseTarget: Target = { slackCluster: slackOnly, teamsCluster: teamsOnly };

    say1("warm-up: a few votes in every cluster …");
    await warmUp(scene, bridgedTarget, votes);
    await warmUp(scene, baseTarget, votes);
    say1(`bridged burst: ${votes.length} votes …`);
    const burstStart = new Date();
    /** Redraws of the Slack message and the Teams card before the burst (the copy itself). */
    const updatesBefore = (await copiesOf(scene, bridged.poll!, "")).map((c) => c.updates);
    const b = await burst(scene, bridgedTarget, votes);
    const bDrain = await drain(scene, [["bridged", bridged.poll!]], b.lastAckWallMs);
    const rows = await mirrorRows(scene, burstStart);
    const bLost = await lostVotes(scene, bridgedTarget, votes);
    say1(`done; drained in ${fmt(bDrain.ms / 1000, 1)} s`);

    say1(`unbridged burst (Slack-only + Teams-only clusters): the same ${votes.length} votes …`);
    const u = await burst(scene, baseTarget, votes);
    const uDrain = await drain(
      scene,
      [
        ["Slack-only", slackOnly.poll!],
        ["Teams-only", teamsOnly.poll!],
      ],
      u.lastAckWallMs,
    );
    const uLost = await lostVotes(scene, baseTarget, votes);
    say1("done");
    const botStats = await bot.call<BotStats>("stats");

    // ── the report ──
    const slackVotes = votes.filter((v) => v.platform === "slack").length;
    const teamsVotes = votes.length - slackVotes;
    console.log(`\nAck latency, ms (request sent → HTTP response read), ${votes.length} votes per burst`);
    console.log(ackTable(b, u));
    const perVote = (r: BurstResult) => r.cpuMs / r.shots.length;
    console.log(
      `Bot CPU per vote: bridged ${fmt(perVote(b))} ms, unbridged ${fmt(perVote(u))} ms (${fmt(perVote(b) / perVote(u))}×); ` +
        `outbox ticks during the burst: ${b.ticks.during} (${b.ticks.ms.map((ms) => `${fmt(ms, 0)} ms`).join(", ")})`,
    );

    const slackCopy = bDrain.copies.find((c) => c.label.endsWith("Slack message"));
    const teamsCopy = bDrain.copies.find((c) => c.label.endsWith("Teams card"));
    console.log("\nMirroring in the bridged cluster (outbox rows created since the burst began)");
    console.log(
      table(
        ["figure", "count", "per vote", "note"],
        [
          ["votes on Slack", String(slackVotes), "", "each redraws the Slack message at once (chat.update)"],
          ["votes on Teams", String(teamsVotes), "", "each redraws the Teams card at once (PUT)"],
          [
            "redraw rows → Teams",
            String(rows.redrawsToTeams),
            fmt(rows.redrawsToTeams / slackVotes, 3),
            `${slackVotes - rows.redrawsToTeams} Slack votes folded into a queued row`,
          ],
          [
            "redraw rows → Slack",
            String(rows.redrawsToSlack),
            fmt(rows.redrawsToSlack / teamsVotes, 3),
            `${teamsVotes - rows.redrawsToSlack} Teams votes folded into a queued row`,
          ],
          ["post rows", String(rows.posts), "", "channel posts copied (none expected during votes)"],
          ["FAILED mirror rows", String(rows.failed), "", ""],
          [
            "chat.update on the Slack message",
            String((slackCopy?.updates ?? 0) - (updatesBefore[0] ?? 0)),
            "",
            `Slack votes + delivered redraws from Teams`,
          ],
          [
            "PUT updates of the Teams card",
            String((teamsCopy?.updates ?? 0) - (updatesBefore[1] ?? 0)),
            "",
            `Teams votes + delivered redraws from Slack`,
          ],
        ],
      ),
    );

    console.log("\nEvery copy after draining the outbox: ✅/🤔/❌ per slot, shown vs SlotVote rows");
    const storedFor = (d: Drained, i: number, both: boolean) => d.stored[both ? Math.floor(i / 2) : i]!;
    const copyRows = [
      ...bDrain.copies.map((c, i) => [c, storedFor(bDrain, i, true)] as const),
      ...uDrain.copies.map((c, i) => [c, storedFor(uDrain, i, false)] as const),
    ].map(([c, stored]) => [
      c.label,
      tallyText(c.shown),
      tallyText(stored),
      sameTally(c.shown, stored) ? "yes" : "NO",
    ]);
    console.log(table(["copy", "shown (slot 1  2  3)", "database", "same"], copyRows));

    const lostLine = (name: string, l: Awaited<ReturnType<typeof lostVotes>>) =>
      `${name}: ${l.votesStored} votes stored for ${l.voters} distinct voters; lost votes: ${l.missing}` +
      (l.otherAnswer ? `; ${l.otherAnswer} stored with another answer than the member's last click` : "");
    console.log(
      `\nBridged: converged: ${bDrain.converged ? "yes" : "no"}; drain ${fmt(bDrain.ms / 1000, 2)} s ` +
        `(last vote acked → both copies show the database's tally, ${bDrain.ticks} outbox ticks back-to-back)`,
    );
    console.log(lostLine("Bridged", bLost));
    console.log(
      `Unbridged: converged: ${uDrain.converged ? "yes" : "no"}; ${fmt(uDrain.ms / 1000, 2)} s after the last ack`,
    );
    console.log(lostLine("Unbridged", uLost));
    console.log(
      `Bot log: ${botStats.errors} errors, ${botStats.warnings} warnings` +
        (botStats.firstProblems.length ? `; first: ${botStats.firstProblems[0]}` : ""),
    );
    const lag = distribution(
      [...b.shots, ...u.shots].map((s) => Math.max(0, nsToMs(s.sentNs - s.plannedNs))),
    );
    const [load1] = loadavg();
    console.log(
      `Host: load average (1 min) ${fmt(loadAtStart)} at start, ${fmt(load1 ?? Number.NaN)} at end` +
        ((load1 ?? 0) > cpus().length ? "  ⚠ the host is busy; tails (p99, max) are inflated" : "") +
        `; votes left p50 ${fmt(lag.p50)} ms, max ${fmt(lag.max)} ms after their planned moment (waiting for a free request slot)`,
    );
    const votesOff = (l: Awaited<ReturnType<typeof lostVotes>>) =>
      l.missing > 0 || l.votesStored !== l.voters;
    if (!bDrain.converged || !uDrain.converged || votesOff(bLost) || votesOff(uLost)) process.exitCode = 1;
  } finally {
    await children.stopAll(15_000); // the bot may still be answering when a set-up step failed
  }
}

runBenchmark(main, [SetupError]);
