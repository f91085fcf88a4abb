// A Delphi answered by every member within one minute, through the Slack endpoint: ack latency of
// every interaction against a bare Bolt app given the same requests, and the answers that did not
// reach the database (must be 0).
//
//   npm run bench:delphi-burst                      300 members, 10 statements, arrivals within 60 s
//   BENCH_MEMBERS=50 BENCH_SECONDS=20 npm run bench:delphi-burst
//   BENCH_STATEMENTS=5 npm run bench:delphi-burst
//   BENCH_KEEPALIVE=0 npm run bench:delphi-burst    a new TCP connection for every request
//
// The same four processes as pulse-burst.ts (bench/lib/child.ts): this one (load generator and
// report), the fake Slack Web API and response_url endpoints, the real bot on a fresh embedded PGlite,
// and a bare Bolt app whose listeners only ack (the baseline).
//
// Set-up, through the bot's own endpoint with signed requests: the chair runs `/cluster setup`, the
// others click Join, the chair runs `/cluster delphi new` and submits BENCH_STATEMENTS statements rated
// on probability (1–5); the bot's outbox job delivers each member's sheet.
//
// The burst: members start at random moments within BENCH_SECONDS (Poisson arrivals, fixed seed).
// For every statement each one, like a person in Slack, clicks the button of their value on the
// first statement still open in the sheet (one 1–5 scale answers in one click, no form) and waits for
// the sheet the bot redraws through the click's response_url, which shows the group so far and
// carries the next statement's buttons.
// Afterwards the bot's database is counted: DelphiAnswered marks and the ratings in the pools (count and
// sum of values per statement; the pool holds no person, so sums are what can be compared). Then the
// baseline gets the same requests at the same offsets. Exit code 1 when answers were lost or members
// could not finish.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { signedHeaders } from "../test/support/slack-requests.ts";
import { type AckSummary, summariseAcks } from "./lib/ack-summary.ts";
import { ackComparisonTable } from "./lib/ack-table.ts";
import { startAtOffsets } from "./lib/arrivals.ts";
import { ChildGroup, type ChildHandle } from "./lib/ipc.ts";
import { type BotStats, SLACK_EVENTS_PATH } from "./lib/protocol.ts";
import { readNumber, runBenchmark, seeded } from "./lib/settings.ts";
import { replayOnBaseline, startSlackBench } from "./lib/slack-burst.ts";
import {
  buttonsOf,
  click,
  dmOf,
  type Place,
  post,
  replyText,
  SetupError,
  type SlackBlock,
  type SlackReply,
  type SlackView,
  setUpCluster,
  slashCommand,
  submission,
  submittedAsIs,
} from "./lib/slack-flow.ts";
import { type SlackSide, sleep } from "./lib/slack-side.ts";
import { distribution, fmt, table } from "./lib/stats.ts";
import { keepAliveAgent, probe, type Timed, timedPost } from "./lib/timed-post.ts";

const SLACK_ACK_DEADLINE_MS = 3000;
const REQUEST_TIMEOUT_MS = 10_000;
const STEP_TIMEOUT_MS = 60_000;
const PLACE: Place = { team: "T-LAPLAND", channel: "C-DELPHI" };
const DELPHI = { rate: "ennakko.delphi.rate" } as const;

type Kind = "rate";
const KINDS: Array<{ kind: Kind; label: string }> = [
  { kind: "rate", label: "a value's button (rating saved, sheet redrawn)" },
];

type Settings = { members: number; seconds: number; statements: number; keepAlive: boolean };

function settingsFromEnv(): Settings {
  return {
    members: Math.round(readNumber("BENCH_MEMBERS", 300, 3)),
    seconds: readNumber("BENCH_SECONDS", 60, 1),
    statements: Math.min(20, Math.max(3, Math.round(readNumber("BENCH_STATEMENTS", 10, 3)))),
    keepAlive: readNumber("BENCH_KEEPALIVE", 1, 0) !== 0,
  };
}

type Member = {
  index: number;
  user: string;
  startOffsetNs: bigint;
  /** Per statement (in the order answered): the probability, 1–5. */
  picks: number[];
  sheet?: SlackBlock[];
};

function plan(settings: Settings): Member[] {
  const random = seeded(0xde1f_0001);
  const starts = Array.from({ length: settings.members }, () => random() * settings.seconds * 1e9).sort(
    (a, b) => a - b,
  );
  return starts.map((start, index) => ({
    index,
    user: `U-DB${String(index).padStart(5, "0")}`,
    startOffsetNs: BigInt(Math.round(start)),
    picks: Array.from({ length: settings.statements }, () => 1 + Math.floor(random() * 5)),
  }));
}

/** The button of `value` on the first statement still open in a sheet (answered ones have none). */
function rateButton(blocks: SlackBlock[] | undefined, value: number): string | undefined {
  const button = buttonsOf(blocks).find(
    (b) =>
      typeof b.action_id === "string" &&
      b.action_id.split(":")[0] === DELPHI.rate &&
      typeof b.value === "string" &&
      b.value.endsWith(`|${value}`),
  );
  return typeof button?.value === "string" ? button.value : undefined;
}

// ── set-up ────────────────────────────────────────────────────────────────────────────────────────

/** `/cluster delphi new` → the form → every member's sheet in their DM; returns the Delphi's id. */
async function createDelphi(slack: SlackSide, port: number, members: Member[], statements: number) {
  const chair = members[0]!.user;
  const opened = slack.expect("views.open", 20_000);
  await post(port, "/cluster delphi new", slashCommand(PLACE, chair, "delphi new", slack.responseUrl("dn")));
  const view = (await opened).body?.view as SlackView | undefined;
  if (!view?.callback_id) throw new SetupError("set-up: /cluster delphi new opened no form");
  const values = submittedAsIs(view.blocks);
  const set = (id: string, state: Record<string, unknown>) => {
    values[id] = { [id]: state };
  };
  const closes = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  set("title", { type: "plain_text_input", value: "Lapland 2035" });
  set("statements", {
    type: "plain_text_input",
    value: Array.from(
      { length: statements },
      (_, i) => `Statement ${i + 1}: by 2035 a tenth of the region's work changes in way ${i + 1}.`,
    ).join("\n"),
  });
  set("scales", { type: "multi_static_select", selected_options: [{ value: "probability" }] });
  set("unit", { type: "static_select", selected_option: { value: "likert5" } });
  set("closes_date", { type: "datepicker", selected_date: closes });
  set("closes_time", { type: "timepicker", selected_time: "16:00" });
  const ack = await post(port, "new-Delphi form", submission(PLACE, chair, view, values));
  if (ack.trim() !== "") throw new SetupError(`set-up: the new-Delphi form was refused: ${ack}`);

  process.stdout.write(`${elapsed()} Delphi created; waiting for ${members.length} sheets … `);
  const sheets = new Map<string, SlackBlock[]>();
  // Slack lets an app open about 50 DM channels a minute (conversations.open, Tier 3): the outbox
  // honours the 429s, so 300 sheets take about six minutes.
  const deadline = Date.now() + 900_000;
  while (sheets.size < members.length) {
    for (const c of await slack.poll(["chat.postMessage"]))
      if (c.method === "chat.postMessage" && String(c.body?.channel).startsWith("D-"))
        sheets.set(String(c.body?.channel), c.body?.blocks as SlackBlock[]);
    if (Date.now() > deadline)
      throw new SetupError(
        `set-up: the outbox delivered ${sheets.size} of ${members.length} sheets in 300 s`,
      );
    await sleep(250);
  }
  process.stdout.write(`done ${elapsed()}\n`);
  let delphiId = "";
  for (const m of members) {
    m.sheet = sheets.get(dmOf(m.user));
    const value = rateButton(m.sheet, 3);
    if (!value) throw new SetupError(`set-up: no answer buttons in ${m.user}'s sheet`);
    delphiId ||= value.split("|")[0]!;
  }
  return delphiId;
}

// ── the burst ─────────────────────────────────────────────────────────────────────────────────────

type Sample = Timed & {
  kind: Kind;
  member: number;
  offsetNs: bigint;
  requestBody: string;
  answeredAt?: number;
};
type Sent = { member: number; probability: number };
type Outcome = { completed: boolean; answered: number; problem?: string };

class Burst {
  readonly samples: Sample[] = [];
  readonly outcomes: Outcome[] = [];
  /** Every rating whose click got a 200 ack or no answer at all (the bot may still act). */
  readonly sent: Sent[] = [];
  readonly startLagMs: number[] = [];
  startNs = 0n;
  private readonly agent: ReturnType<typeof keepAliveAgent>;

  constructor(
    private readonly slack: SlackSide,
    private readonly port: number,
    keepAlive: boolean,
  ) {
    this.agent = keepAliveAgent(keepAlive);
  }

  async run(members: Member[]): Promise<void> {
    this.startNs = process.hrtime.bigint() + 20_000_000n;
    await startAtOffsets(
      members,
      this.startNs,
      (m) =>
        this.member(m).then(
          (outcome) => {
            this.outcomes[m.index] = outcome;
          },
          (error: unknown) => {
            this.outcomes[m.index] = { completed: false, answered: 0, problem: String(error) };
          },
        ),
      this.startLagMs,
    );
    this.agent.destroy();
  }

  private async send(m: Member, kind: Kind, body: string): Promise<Sample> {
    const offsetNs = process.hrtime.bigint() - this.startNs;
    const timed = await timedPost(
      this.agent,
      this.port,
      SLACK_EVENTS_PATH,
      body,
      signedHeaders(body),
      REQUEST_TIMEOUT_MS,
    );
    const sample: Sample = { ...timed, kind, member: m.index, offsetNs, requestBody: body };
    this.samples.push(sample);
    return sample;
  }

  private async member(m: Member): Promise<Outcome> {
    let sheet = m.sheet;
    for (const [step, probability] of m.picks.entries()) {
      const stuck = (problem: string): Outcome => ({ completed: false, answered: step, problem });
      const value = rateButton(sheet, probability);
      if (!value) return stuck(`no button for ${probability}: ${replyText({ blocks: sheet })}`);
      const id = `s${step}-${m.index}`;
      const redrawn = this.slack.expectReply(id, STEP_TIMEOUT_MS);
      redrawn.catch(() => {});
      const sent = await this.send(
        m,
        "rate",
        click(PLACE, m.user, dmOf(m.user), DELPHI.rate, value, this.slack.responseUrl(id)),
      );
      if (sent.status !== null && sent.status !== 200) return stuck(`ack ${sent.error}`);
      this.sent.push({ member: m.index, probability });
      try {
        const call = await redrawn;
        sent.answeredAt = call.at;
        const reply = call.body as SlackReply;
        if (reply.replace_original !== true) return stuck(`reply instead of a redraw: ${replyText(reply)}`);
        const notice = (reply.blocks ?? []).find((b) => b.text?.text?.startsWith("⚠️"));
        if (notice) return stuck(`refused: ${notice.text?.text}`);
        sheet = reply.blocks;
      } catch (error) {
        return stuck(String(error));
      }
    }
    return { completed: true, answered: m.picks.length };
  }
}

// ── what the database holds ───────────────────────────────────────────────────────────────────────

type Stored = { marks: number; ratings: number; probabilitySum: number; sealed: number };

async function countStored(bot: ChildHandle, delphiId: string): Promise<Stored> {
  const [row] = await bot.call<Stored[]>("query", {
    sql: `SELECT
        (SELECT count(*)::int FROM "DelphiAnswered" WHERE "delphiId" = $1 AND round = 1) AS marks,
        (SELECT coalesce(sum(jsonb_array_length(p.ratings)), 0)::int
           FROM "DelphiPool" p JOIN "DelphiStatement" s ON s.id = p."statementId"
          WHERE s."delphiId" = $1 AND p.round = 1) AS ratings,
        (SELECT coalesce(sum((r ->> 'probability')::int), 0)::float8
           FROM "DelphiPool" p JOIN "DelphiStatement" s ON s.id = p."statementId",
                jsonb_array_elements(p.ratings) r
          WHERE s."delphiId" = $1 AND p.round = 1) AS "probabilitySum",
        (SELECT count(*)::int FROM "DelphiSeal" WHERE "delphiId" = $1) AS sealed`,
    params: [delphiId],
  });
  return row ?? { marks: 0, ratings: 0, probabilitySum: 0, sealed: 0 };
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

function report(
  settings: Settings,
  burst: Burst,
  bot: AckSummary<Kind>,
  base: AckSummary<Kind>,
  stored: Stored,
  botStats: BotStats,
  elu: number,
  spanS: number,
  probeMs: number[],
  generatorElu: number,
): void {
  console.log(
    `\nAck latency, ms (request sent → HTTP response read): ${settings.members} members, ${settings.statements} statements, starting within ${settings.seconds} s`,
  );
  console.log(
    ackComparisonTable(
      { bot, base },
      {
        bot: "bot (Ennakko)",
        base: "baseline (bare Bolt, same requests replayed)",
        errors: "non-200",
        deadlineMs: SLACK_ACK_DEADLINE_MS,
      },
    ),
  );
  const answered = (kind: Kind) =>
    distribution(
      burst.samples
        .filter((s) => s.kind === kind && s.answeredAt !== undefined)
        .map((s) => s.answeredAt! - s.sentWallMs),
    );
  console.log("\nAck p50 / p99 ms; answer = request sent → the redrawn sheet at Slack");
  console.log(
    table(
      [
        "step",
        "requests",
        "ack p50",
        "ack p99",
        "base p50",
        "base p99",
        "answer p50",
        "answer p99",
        "answer max",
      ],
      KINDS.map(({ kind, label }) => {
        const b = bot.byKind.get(kind)!;
        const x = base.byKind.get(kind)!;
        const a = answered(kind);
        return [
          label,
          String(b.count),
          fmt(b.p50),
          fmt(b.p99),
          fmt(x.p50),
          fmt(x.p99),
          fmt(a.p50),
          fmt(a.p99),
          fmt(a.max),
        ];
      }),
    ),
  );

  const sent = burst.sent;
  const sum = (pick: (s: Sent) => number) => sent.reduce((t, s) => t + pick(s), 0);
  const rows = [
    ["answered marks (DelphiAnswered)", String(sent.length), String(stored.marks)],
    ["ratings in the pools", String(sent.length), String(stored.ratings)],
    ["sum of probabilities", String(sum((s) => s.probability)), String(stored.probabilitySum)],
  ].map((r) => [...r, String(Number(r[1]) - Number(r[2]))]);
  console.log("\nLost answers: what members sent (every click, acked or not) vs what the database holds");
  console.log(table(["figure", "sent", "stored", "lost"], rows));
  const lost = Math.max(0, sent.length - stored.ratings) + Math.max(0, sent.length - stored.marks);
  const done = burst.outcomes.filter((o) => o?.completed).length;
  console.log(
    `Lost answers: ${lost} (must be 0). Members who answered every statement: ${done} / ${settings.members}; ` +
      `sealed own-answer rows: ${stored.sealed}; the burst took ${fmt(spanS, 1)} s (first click → last redraw)`,
  );
  const stuck = burst.outcomes.filter((o) => o && !o.completed);
  if (stuck.length > 0)
    console.log(
      `  ${stuck.length} members stopped early — e.g. after ${stuck[0]!.answered}: ${stuck[0]!.problem}`,
    );
  const p = distribution(probeMs);
  console.log(
    `Bot event loop busy during the burst: ${fmt(100 * elu, 1)} %; GET /healthz probe p50 ${fmt(p.p50)} ms, p99 ${fmt(p.p99)} ms`,
  );
  console.log(
    `Bot log: ${botStats.errors} errors, ${botStats.warnings} warnings${botStats.firstProblems.length ? `; first: ${botStats.firstProblems[0]}` : ""}`,
  );
  for (const [name, s] of [
    ["bot", bot],
    ["baseline", base],
  ] as const)
    if (s.errors > 0) console.log(`${name} non-200 / network errors: ${s.errorSamples.join("; ")}`);
  const [load1] = loadavg();
  const lag = distribution(burst.startLagMs);
  console.log(
    `Host: Node ${process.version}, ${cpus().length} CPU(s), load average ${fmt(loadAtStart)} at start, ${fmt(load1 ?? Number.NaN)} at end` +
      ((load1 ?? 0) > cpus().length ? "  ⚠ the host is busy; tails (p99, max) are inflated" : "") +
      `; generator busy ${fmt(100 * generatorElu, 1)} %, start lag p99 ${fmt(lag.p99)} ms`,
  );
  if (lost !== 0 || done !== settings.members || stored.ratings !== sent.length) process.exitCode = 1;
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────

type EventLoopUtilization = { idle: number; active: number; utilization: number };

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const members = plan(settings);
  console.log(
    `Ennakko Delphi burst — ${settings.members} members rate ${settings.statements} statements (probability 1–5, one click each) ` +
      `through the Slack endpoint, starting within ${settings.seconds} s (Poisson arrivals), ${settings.statements} interactions each, ` +
      (settings.keepAlive ? "keep-alive connections" : "a new connection per request") +
      `\nNode ${process.version}, ${cpus().length} CPU(s), load average ${fmt(loadAtStart)}`,
  );
  const children = new ChildGroup();
  try {
    const { fakeChild, slack, bot, base } = await startSlackBench(children, members, "Delphi Member", () =>
      console.log(`${elapsed()} starting the bot (fresh embedded PGlite) and the baseline …`),
    );
    const botPort = Number(bot.info.port);
    await setUpCluster(
      slack,
      botPort,
      PLACE,
      "Delphi burst cluster",
      members.map((m) => m.user),
    );
    console.log(`${elapsed()} cluster set up through the bot: chair + ${members.length - 1} joined`);
    const delphiId = await createDelphi(slack, botPort, members, settings.statements);
    await sleep(1000);
    await slack.poll();

    const cpuBefore = await bot.call<NodeJS.CpuUsage>("cpu");
    const eluBefore = await bot.call<EventLoopUtilization>("elu");
    process.stdout.write(`${elapsed()} burst: ${settings.members} members within ${settings.seconds} s … `);
    const burst = new Burst(slack, botPort, settings.keepAlive);
    const stopProbing = probe(botPort, "/healthz", 200);
    const selfEluBefore = performance.eventLoopUtilization();
    await burst.run(members);
    const selfElu = performance.eventLoopUtilization(selfEluBefore).utilization;
    process.stdout.write(`done ${elapsed()}\n`);
    const probes = await stopProbing();
    const cpuAfter = await bot.call<NodeJS.CpuUsage>("cpu");
    const eluAfter = await bot.call<EventLoopUtilization>("elu");
    const botCpuMs = (cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000;
    const elu =
      (eluAfter.active - eluBefore.active) /
      (eluAfter.active - eluBefore.active + eluAfter.idle - eluBefore.idle);
    let lastAnswer = 0;
    for (const s of burst.samples) if (s.answeredAt && s.answeredAt > lastAnswer) lastAnswer = s.answeredAt;
    const firstSent = Math.min(...burst.samples.map((s) => s.sentWallMs));
    const stored = await countStored(bot, delphiId);
    const botStats = await bot.call<BotStats>("stats");
    await bot.stop();

    process.stdout.write(
      `${elapsed()} baseline: the same ${burst.samples.length} requests at the same offsets … `,
    );
    const baseline = await replayOnBaseline(
      base,
      burst.samples.map((s) => ({ offsetNs: s.offsetNs, kind: s.kind, body: s.requestBody })),
      REQUEST_TIMEOUT_MS,
    );
    process.stdout.write(`done ${elapsed()}\n`);
    await base.stop();
    await fakeChild.stop();
    const kinds = KINDS.map((k) => k.kind);
    report(
      settings,
      burst,
      summariseAcks(burst.samples, botCpuMs, kinds, SLACK_ACK_DEADLINE_MS),
      summariseAcks(baseline.shots, baseline.cpuMs, kinds, SLACK_ACK_DEADLINE_MS),
      stored,
      botStats,
      elu,
      (lastAnswer - firstSent) / 1000,
      probes.map((p) => p.ms ?? Number.POSITIVE_INFINITY),
      selfElu,
    );
  } finally {
    await children.stopAll();
  }
}

const startedAt = Date.now();
const loadAtStart = loadavg()[0] ?? Number.NaN;
function elapsed(): string {
  return `[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)} s]`;
}

runBenchmark(main, [SetupError]);
