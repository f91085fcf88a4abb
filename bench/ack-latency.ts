// Ack latency of the Slack endpoint under a steady, open-loop load, next to a bare Bolt app.
//
//   npm run bench                          50 req/s, 3 s warm-up + 20 s measured, per target
//   BENCH_RATE=100 BENCH_SECONDS=30 BENCH_WARMUP=5 npm run bench
//
// Four processes, so that no server shares an event loop with the load generator:
//   this one      – load generator and report (http.request, keep-alive agent, hrtime)
//   fake-slack    – test/fakes/slack-api.ts: the remote Web API and response_url endpoints
//   bot           – the real bot (startBot) on a fresh embedded PGlite in a temporary DATA_DIR
//   baseline      – bare Bolt HTTPReceiver + App whose listeners only ack()
// The bot is set up through its own endpoint first (/cluster setup → view_submission → Join
// clicks), then both targets get the same schedule and the same payload mix, one after the other.
import { cpus, loadavg } from "node:os";
import { ACTION_IDS } from "../src/features/clusters/surface/action-ids.ts";
import type { SlackUserFixture } from "../test/fakes/slack-api.ts";
import {
  blockActionPayload,
  interactionBody,
  signedHeaders,
  slashCommandBody,
  viewSubmissionPayload,
} from "../test/support/slack-requests.ts";
import { ackComparisonTable } from "./lib/ack-table.ts";
import { ChildGroup, type ChildHandle, type Role } from "./lib/ipc.ts";
import { type Outgoing, runOpenLoop, type Shot } from "./lib/open-loop.ts";
import { postOnce } from "./lib/post.ts";
import { type BotStats, type CallSummary, type CallsAnswer, SLACK_EVENTS_PATH } from "./lib/protocol.ts";
import { readNumber, runBenchmark, SettingsError } from "./lib/settings.ts";
import { type Distribution, distribution, fmt, nsToMs, table } from "./lib/stats.ts";

const SLACK_ACK_DEADLINE_MS = 3000;
const REQUEST_TIMEOUT_MS = 10_000;
const TEAM = "T-LAPLAND";
const CHANNEL = "C-BENCH";
const CLUSTER_NAME = "Benchmark cluster";

type Kind = "help" | "members" | "status" | "join";
const MIX: Array<{ kind: Kind; weight: number; label: string }> = [
  { kind: "help", weight: 15, label: "/cluster help" },
  { kind: "members", weight: 25, label: "/cluster members" },
  { kind: "status", weight: 25, label: "/cluster status" },
  { kind: "join", weight: 35, label: "Join button (ennakko.join-cluster)" },
];

// Twelve people in one channel: the chair sets the cluster up, four join during set-up, the rest
// join during the run (and everyone keeps clicking Join: "already a member" is a reply too).
const CHAIR = "U-BENCH00";
const USERS = Array.from({ length: 12 }, (_, i) => `U-BENCH${String(i).padStart(2, "0")}`);
const JOINED_IN_SETUP = USERS.slice(1, 5);
const LOCALES = ["fi-FI", "sv-SE", "en-US", "nl-NL"];

type Settings = { rate: number; seconds: number; warmup: number };
type Step = { kind: Kind; user: string };
type Target = { name: string; tag: string; port: number; child: ChildHandle };

function settingsFromEnv(): Settings {
  const read = readNumber;
  const settings = {
    rate: read("BENCH_RATE", 50, 0.1),
    seconds: read("BENCH_SECONDS", 20, 1),
    warmup: read("BENCH_WARMUP", 3, 0),
  };
  if (Math.round(settings.rate * settings.seconds) < 1)
    throw new SettingsError("BENCH_RATE × BENCH_SECONDS must be at least 1 request");
  return settings;
}

/** The same pseudo-random sequence for both targets (mulberry32, fixed seed). */
function plan(count: number): Step[] {
  let seed = 0x5eed_acc0;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const totalWeight = MIX.reduce((sum, m) => sum + m.weight, 0);
  return Array.from({ length: count }, () => {
    const pick = random() * totalWeight;
    let kind: Kind = MIX[MIX.length - 1]!.kind;
    let upTo = 0;
    for (const m of MIX) {
      upTo += m.weight;
      if (pick < upTo) {
        kind = m.kind;
        break;
      }
    }
    return { kind, user: USERS[Math.floor(random() * USERS.length)]! };
  });
}

function signed(body: string, kind: string, replyId: string): Outgoing {
  return { kind, replyId, body, headers: signedHeaders(body) };
}

function slashCommand(user: string, text: string, responseUrl: string): string {
  return slashCommandBody({ user, channel: CHANNEL, text, responseUrl, team: TEAM });
}

function joinClick(user: string, clusterId: string, responseUrl: string): string {
  return interactionBody(
    blockActionPayload({
      user,
      channel: CHANNEL,
      actionId: ACTION_IDS.joinCluster,
      value: clusterId,
      responseUrl,
      team: TEAM,
    }),
  );
}

// ── the fake Slack API, seen from here ───────────────────────────────────────────────────────────

class SlackSide {
  private cursor = 0;
  readonly seen: CallSummary[] = [];

  constructor(
    readonly child: ChildHandle,
    readonly url: string,
    readonly apiUrl: string,
  ) {}

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** Fetches calls that arrived since the last poll. */
  async poll(bodiesOf: string[] = []): Promise<CallSummary[]> {
    const { total, calls } = await this.child.call<CallsAnswer>("calls", { from: this.cursor, bodiesOf });
    this.cursor = total;
    this.seen.push(...calls);
    return calls;
  }

  async waitFor(method: string, count = 1, timeoutMs = 10_000): Promise<CallSummary[]> {
    const deadline = Date.now() + timeoutMs;
    const found: CallSummary[] = [];
    while (found.length < count) {
      found.push(...(await this.poll([method])).filter((c) => c.method === method));
      if (found.length >= count) break;
      if (Date.now() > deadline)
        throw new Error(
          `fake Slack API: waited ${timeoutMs} ms for ${count} × ${method}, got ${found.length}`,
        );
      await sleep(25);
    }
    return found;
  }
}

// ── set-up through the bot itself ─────────────────────────────────────────────────────────────────

/** `/cluster setup` → the modal the bot opens → submit it as is → Join clicks. Returns the cluster id. */
async function setUpCluster(slack: SlackSide, port: number): Promise<string> {
  const post = async (what: string, body: string) => {
    const res = await postOnce(port, SLACK_EVENTS_PATH, body, signedHeaders(body));
    if (res.status !== 200) throw new Error(`set-up: ${what} answered HTTP ${res.status}: ${res.body}`);
    return res.body;
  };
  await slack.poll();
  await post(
    "/cluster setup",
    slashCommand(CHAIR, `setup ${CLUSTER_NAME}`, slack.responseUrl("setup-command")),
  );
  const [opened] = await slack.waitFor("views.open");
  const view = opened?.body?.view as
    | { callback_id: string; private_metadata: string; blocks: SlackBlock[] }
    | undefined;
  if (!view?.callback_id)
    throw new Error(`set-up: views.open carried no view: ${JSON.stringify(opened?.body)}`);

  const submission = viewSubmissionPayload({
    user: CHAIR,
    team: TEAM,
    callbackId: view.callback_id,
    metadata: view.private_metadata,
    values: submittedAsIs(view.blocks),
  });
  const ack = await post("setup view_submission", interactionBody(submission));
  if (ack.includes("errors")) throw new Error(`set-up: the form was refused: ${ack}`);

  const [announcement] = await slack.waitFor("chat.postMessage");
  const clusterId = joinButtonValue(announcement?.body?.blocks);
  if (!clusterId)
    throw new Error(`set-up: no Join button in the announcement: ${JSON.stringify(announcement?.body)}`);

  for (const user of JOINED_IN_SETUP)
    await post("Join click", joinClick(user, clusterId, slack.responseUrl(`setup-join-${user}`)));
  const missing = await waitForReplies(
    slack,
    JOINED_IN_SETUP.map((u) => `setup-join-${u}`),
    10_000,
  );
  if (missing.length > 0) throw new Error(`set-up: no reply to the Join clicks ${missing.join(", ")}`);
  await sleep(200);
  await slack.poll(); // whatever set-up still caused is not part of the run
  return clusterId;
}

type SlackBlock = {
  type: string;
  block_id?: string;
  element?: Record<string, unknown>;
  elements?: Array<Record<string, unknown>>;
};

/** The state Slack sends when the person presses Submit without touching the pre-filled form. */
function submittedAsIs(blocks: SlackBlock[]): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    const element = block.element;
    if (block.type !== "input" || !element || !block.block_id) continue;
    const actionId = String(element.action_id);
    if (element.type === "plain_text_input")
      values[block.block_id] = { [actionId]: { type: element.type, value: element.initial_value ?? null } };
    else if (element.type === "static_select")
      values[block.block_id] = {
        [actionId]: { type: element.type, selected_option: element.initial_option ?? null },
      };
  }
  return values;
}

function joinButtonValue(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as SlackBlock[]) {
    const button = block.elements?.find((e) => e.action_id === ACTION_IDS.joinCluster);
    if (typeof button?.value === "string") return button.value;
  }
  return undefined;
}

/** Waits until every id got its response_url call, or until the deadline; returns the ids still missing. */
async function waitForReplies(
  slack: SlackSide,
  ids: string[],
  timeoutMs: number,
  quietMs = Number.POSITIVE_INFINITY,
): Promise<string[]> {
  const missing = new Set(ids);
  const drop = (calls: CallSummary[]) => {
    for (const c of calls)
      if (c.method.startsWith("response_url:")) missing.delete(c.method.slice("response_url:".length));
  };
  drop(slack.seen);
  const deadline = Date.now() + timeoutMs;
  let lastNews = Date.now();
  while (missing.size > 0 && Date.now() < deadline && Date.now() - lastNews < quietMs) {
    await sleep(100);
    const calls = await slack.poll();
    if (calls.length > 0) lastNews = Date.now();
    drop(calls);
  }
  return [...missing];
}

// ── measuring ─────────────────────────────────────────────────────────────────────────────────────

async function drive(
  target: Target,
  settings: Settings,
  steps: Step[],
  slack: SlackSide,
  clusterId: string,
): Promise<Shot[]> {
  process.stdout.write(
    `${elapsed()} ${target.name}: ${settings.warmup} s warm-up + ${settings.seconds} s at ${settings.rate} req/s … `,
  );
  const shots = await runOpenLoop({
    port: target.port,
    path: SLACK_EVENTS_PATH,
    rate: settings.rate,
    warmupSeconds: settings.warmup,
    seconds: settings.seconds,
    timeoutMs: REQUEST_TIMEOUT_MS,
    build: (index, warmup) => {
      const step = steps[index]!;
      const replyId = `${target.tag}-${warmup ? "w" : "m"}-${index}`;
      const responseUrl = slack.responseUrl(replyId);
      if (step.kind === "join")
        return signed(joinClick(step.user, clusterId, responseUrl), step.kind, replyId);
      return signed(slashCommand(step.user, step.kind, responseUrl), step.kind, replyId);
    },
  });
  process.stdout.write(`done ${elapsed()}\n`);
  return shots;
}

type Summary = {
  requests: number;
  errors: number;
  errorSamples: string[];
  late: number;
  ack: Distribution;
  byKind: Map<string, Distribution>;
  throughput: number;
  sendLag: Distribution;
  /** User + system CPU of the target's process per request, warm-up included (ms). */
  cpuPerRequest: number;
};

function summarise(all: Shot[], cpuMs: number): Summary {
  const shots = all.filter((s) => !s.warmup);
  const ok = shots.filter((s) => s.status === 200 && s.doneNs !== null);
  const latency = (s: Shot) => nsToMs(s.doneNs! - s.sentNs);
  // bigint: no Math.min/max
  let firstSent = shots[0]?.sentNs ?? 0n;
  for (const s of shots) if (s.sentNs < firstSent) firstSent = s.sentNs;
  let lastDone = firstSent;
  for (const s of ok) if (s.doneNs! > lastDone) lastDone = s.doneNs!;
  const windowS = Number(lastDone - firstSent) / 1e9;
  const failed = shots.filter((s) => s.status !== 200);
  const byKind = new Map<string, Distribution>();
  for (const m of MIX) byKind.set(m.kind, distribution(ok.filter((s) => s.kind === m.kind).map(latency)));
  return {
    requests: shots.length,
    errors: failed.length,
    errorSamples: [...new Set(failed.map((s) => s.error ?? `HTTP ${s.status}`))].slice(0, 3),
    late: ok.filter((s) => latency(s) > SLACK_ACK_DEADLINE_MS).length,
    ack: distribution(ok.map(latency)),
    byKind,
    throughput: windowS > 0 ? ok.length / windowS : Number.NaN,
    sendLag: distribution(shots.map((s) => nsToMs(s.sentNs - s.scheduledNs))),
    cpuPerRequest: all.length > 0 ? cpuMs / all.length : Number.NaN,
  };
}

type ReplyReport = {
  sent: number;
  received: number;
  duplicates: number;
  latency: Distribution;
  otherCalls: Map<string, number>;
};

/** Matches the bot's response_url calls to the measured requests (warm-up replies are ignored). */
function replyReport(shots: Shot[], calls: CallSummary[], tag: string): ReplyReport {
  const firstReply = new Map<string, number>();
  let duplicates = 0;
  const otherCalls = new Map<string, number>();
  for (const c of calls) {
    if (!c.method.startsWith("response_url:")) {
      otherCalls.set(c.method, (otherCalls.get(c.method) ?? 0) + 1);
      continue;
    }
    const id = c.method.slice("response_url:".length);
    if (!id.startsWith(`${tag}-`)) continue;
    if (firstReply.has(id)) duplicates += 1;
    else firstReply.set(id, c.at);
  }
  const measured = shots.filter((s) => !s.warmup);
  const delays = measured.flatMap((s) => {
    const at = firstReply.get(s.replyId);
    return at === undefined ? [] : [at - s.sentWallMs];
  });
  return {
    sent: measured.length,
    received: delays.length,
    duplicates,
    latency: distribution(delays),
    otherCalls,
  };
}

function report(
  settings: Settings,
  bot: Summary,
  base: Summary,
  replies: ReplyReport,
  botStats: BotStats,
): void {
  console.log(
    `\nAck latency, ms (request sent → HTTP response read), ${settings.seconds} s at ${settings.rate} req/s, warm-up excluded`,
  );
  console.log(
    ackComparisonTable(
      { bot, base },
      {
        bot: "bot (Ennakko)",
        base: "baseline (bare Bolt)",
        errors: "errors",
        deadlineMs: SLACK_ACK_DEADLINE_MS,
      },
    ),
  );

  console.log("\nBy interaction, ack p50 / p99 ms");
  console.log(
    table(
      ["interaction", "requests", "bot p50", "bot p99", "base p50", "base p99"],
      MIX.map((m) => {
        const b = bot.byKind.get(m.kind)!;
        const x = base.byKind.get(m.kind)!;
        return [m.label, String(b.count), fmt(b.p50), fmt(b.p99), fmt(x.p50), fmt(x.p99)];
      }),
    ),
  );

  const lost = replies.sent - replies.received;
  const pct = replies.sent > 0 ? (100 * replies.received) / replies.sent : Number.NaN;
  console.log(
    "\nBot replies: response_url calls that reached the fake Slack API; reply latency = sent → received, ms",
  );
  console.log(
    table(
      ["replies / commands sent", "complete", "lost", "duplicates", "reply p50", "reply p99", "reply max"],
      [
        [
          `${replies.received} / ${replies.sent}`,
          `${fmt(pct, 1)} %`,
          String(lost),
          String(replies.duplicates),
          fmt(replies.latency.p50, 1),
          fmt(replies.latency.p99, 1),
          fmt(replies.latency.max, 1),
        ],
      ],
    ),
  );
  const other = [...replies.otherCalls].map(([m, n]) => `${m} ${n}`).join(", ");
  console.log(`Other Web API calls by the bot during the run (warm-up included): ${other || "none"}`);
  console.log(
    `Bot log: ${botStats.errors} errors, ${botStats.warnings} warnings${botStats.firstProblems.length ? `; first: ${botStats.firstProblems[0]}` : ""}`,
  );

  for (const [name, s] of [
    ["bot", bot],
    ["baseline", base],
  ] as const) {
    if (s.errors > 0) console.log(`${name} errors: ${s.errorSamples.join("; ")}`);
  }
  const [load1] = loadavg();
  console.log(
    `Host: load average (1 min) ${fmt(loadAtStart)} at start, ${fmt(load1 ?? Number.NaN)} at end, on ${cpus().length} CPU(s)` +
      ((load1 ?? 0) > cpus().length
        ? "  ⚠ the host is busy with other work; tails (p99, max) are inflated"
        : ""),
  );
  const lag = Math.max(bot.sendLag.max, base.sendLag.max);
  console.log(
    `Load generator: send lag behind schedule p99 ${fmt(Math.max(bot.sendLag.p99, base.sendLag.p99))} ms, max ${fmt(lag)} ms` +
      (lag > 50 ? "  ⚠ the generator itself fell behind; figures are less trustworthy" : ""),
  );
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const total = Math.round(settings.rate * settings.warmup) + Math.round(settings.rate * settings.seconds);
  const steps = plan(total);
  console.log(
    `Ennakko Slack ack latency — open loop, ${settings.rate} req/s, ${settings.warmup} s warm-up + ${settings.seconds} s measured per target` +
      `\nNode ${process.version}, ${cpus().length} CPU(s); mix: ${MIX.map((m) => `${m.label} ${m.weight} %`).join(", ")}; ${USERS.length} users`,
  );

  const children = new ChildGroup();
  const spawn = (role: Role, env?: Record<string, string>) => children.spawn(role, env);
  try {
    const fakeChild = await spawn("fake-slack");
    const slack = new SlackSide(fakeChild, String(fakeChild.info.url), String(fakeChild.info.apiUrl));
    const fixtures: Record<string, SlackUserFixture> = {};
    USERS.forEach((id, i) => {
      fixtures[id] = {
        name: id.toLowerCase(),
        real_name: `Bench User ${i}`,
        display_name: `bench${i}`,
        locale: LOCALES[i % LOCALES.length],
        tz: "Europe/Helsinki",
      };
    });
    await fakeChild.call("users", fixtures);

    // Both start together (start-up is mostly tsx compiling); the baseline idles until its turn.
    console.log(`${elapsed()} starting the bot (fresh embedded PGlite) and the baseline …`);
    const [bot, base] = await Promise.all([
      spawn("bot", { BENCH_SLACK_API_URL: slack.apiUrl }),
      spawn("baseline", { BENCH_SLACK_API_URL: slack.apiUrl }),
    ]);
    const botTarget: Target = { name: "bot", tag: "bot", port: Number(bot.info.port), child: bot };
    const clusterId = await setUpCluster(slack, botTarget.port);
    console.log(
      `${elapsed()} set up through the bot: cluster ${clusterId}, ${1 + JOINED_IN_SETUP.length} members`,
    );

    const mark = slack.seen.length;
    const botCpu = await cpuMeter(bot);
    const botShots = await drive(botTarget, settings, steps, slack, clusterId);
    // Replies come after the ack: give stragglers until 3 s of silence (15 s at most).
    await waitForReplies(
      slack,
      botShots.filter((s) => !s.warmup).map((s) => s.replyId),
      15_000,
      3_000,
    );
    const botCpuMs = await botCpu(); // replies included: they are the bot's work too
    const replies = replyReport(botShots, slack.seen.slice(mark), "bot");
    const botStats = await bot.call<BotStats>("stats");
    await bot.stop();

    const baseTarget: Target = { name: "baseline", tag: "base", port: Number(base.info.port), child: base };
    const baseCpu = await cpuMeter(base);
    const baseShots = await drive(baseTarget, settings, steps, slack, clusterId);
    const baseCpuMs = await baseCpu();
    await base.stop();
    await fakeChild.stop();

    report(settings, summarise(botShots, botCpuMs), summarise(baseShots, baseCpuMs), replies, botStats);
  } finally {
    await children.stopAll();
  }
}

const startedAt = Date.now();
const loadAtStart = loadavg()[0] ?? Number.NaN;
function elapsed(): string {
  return `[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(4)} s]`;
}

/** Starts counting the CPU time of a child; the returned function gives the ms spent since. */
async function cpuMeter(child: ChildHandle): Promise<() => Promise<number>> {
  const before = await child.call<NodeJS.CpuUsage>("cpu");
  return async () => {
    const after = await child.call<NodeJS.CpuUsage>("cpu");
    return (after.user - before.user + after.system - before.system) / 1000;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

runBenchmark(main);
