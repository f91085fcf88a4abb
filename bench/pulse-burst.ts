// A pulse answered by every member within one minute, through the Slack endpoint: ack latency of
// every interaction, and the answers that did not reach the database (must be 0).
//
//   npm run bench:pulse-burst                     500 members, arrivals spread over 60 s
//   BENCH_MEMBERS=100 BENCH_SECONDS=20 npm run bench:pulse-burst
//   BENCH_KEEPALIVE=0 npm run bench:pulse-burst   a new TCP connection for every request
//
// The same four processes as ack-latency.ts (bench/lib/child.ts): this one (load generator and
// report), the fake Slack Web API and response_url endpoints, the real bot on a fresh embedded PGlite,
// and a bare Bolt app whose listeners only ack (the baseline).
//
// Set-up, all through the bot's own endpoint with signed requests: the chair runs `/cluster setup`
// and submits the form, BENCH_MEMBERS − 1 people click Join, the chair runs `/cluster pulse new` and
// submits an anonymous pulse of two Likert questions and one number question; the bot's own outbox
// job (node-cron, every 15 s) delivers each member's answer sheet as a DM to the fake Slack.
//
// The burst: members start at random moments within BENCH_SECONDS (a Poisson process with that many
// arrivals, fixed seed). Each one answers like a person in Slack would, every step waiting for what
// the bot sent back to the previous one (anonymous pulse: the token only exists in the redrawn sheet):
//   1. clicks a Likert button of question 1 in the DM           → redraw via response_url, with token
//   2. clicks a Likert button of question 2 in the redrawn sheet → redraw
//   3. clicks "Answer in a form"                                → views.open (metadata: pulse, token)
//   4. submits the modal with the number for question 3         → the DM redrawn via the click's URL
//   5. clicks "Submit answers"                                  → the sheet redrawn as submitted
// A request without an ack within 10 s counts as failed (Slack gives up after 3 s and shows the person
// an error), but the member still waits for the redrawn sheet, up to 60 s, since the bot may act on it
// late; an HTTP error status ends that member's run.
// Afterwards the bot's database is counted (over IPC, before it stops): submitted responses, answers
// per question (count and sum of the values sent by members who submitted: unsubmitted anonymous
// answers are sealed drafts nobody can read), COMPLETED participations. Then the baseline gets the
// same requests at the same offsets. Exit code 1 when answers were lost or members could not finish.
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { interactionBody, signedHeaders, viewSubmissionPayload } from "../test/support/slack-requests.ts";
import { type AckSummary as AckSummaryOf, summariseAcks } from "./lib/ack-summary.ts";
import { ackComparisonTable } from "./lib/ack-table.ts";
import { startAtOffsets } from "./lib/arrivals.ts";
import { ChildGroup, type ChildHandle } from "./lib/ipc.ts";
import { type BotStats, type CallSummary, SLACK_EVENTS_PATH } from "./lib/protocol.ts";
import { readNumber, runBenchmark, seeded } from "./lib/settings.ts";
import { replayOnBaseline, startSlackBench } from "./lib/slack-burst.ts";
import {
  buttonsOf,
  buttonValue,
  click as clickAs,
  dmOf,
  type Place,
  post,
  replyText,
  SetupError,
  type SlackBlock,
  type SlackReply,
  type SlackView,
  setUpCluster,
  slashCommand as slashCommandAs,
  submittedAsIs,
} from "./lib/slack-flow.ts";
import { type SlackSide, sleep } from "./lib/slack-side.ts";
import { type Distribution, distribution, fmt, nsToMs, table } from "./lib/stats.ts";
import { keepAliveAgent, type Probe, probe, type Timed, timedPost } from "./lib/timed-post.ts";

const SLACK_ACK_DEADLINE_MS = 3000;
const REQUEST_TIMEOUT_MS = 10_000;
/** How long a member waits for the bot's answer to one step before giving up on the rest. */
const STEP_TIMEOUT_MS = 60_000;
const TEAM = "T-LAPLAND";
const CHANNEL = "C-BENCH";
const CLUSTER_NAME = "Pulse burst cluster";
const PULSE = {
  answer: "ennakko.pulse.answer",
  form: "ennakko.pulse.form",
  submit: "ennakko.pulse.submit",
  formId: "ennakko.pulse-answer",
} as const;
/** Question order in the pulse; the number question is the third, so its form field is `q2`. */
const LIKERT_1 = "education-cooperation";
const LIKERT_2 = "cluster-trust";
const NUMBER_Q = "hiring-next-12m";
const NUMBER_FIELD = "q2";

type Kind = "answer-1" | "answer-2" | "form" | "form-submit" | "submit";
const KINDS: Array<{ kind: Kind; label: string }> = [
  { kind: "answer-1", label: "1. Likert click, question 1" },
  { kind: "answer-2", label: "2. Likert click, question 2" },
  { kind: "form", label: "3. “Answer in a form” click" },
  { kind: "form-submit", label: "4. form view_submission" },
  { kind: "submit", label: "5. “Submit answers” click" },
];

type Settings = { members: number; seconds: number; keepAlive: boolean };

function settingsFromEnv(): Settings {
  return {
    members: Math.round(readNumber("BENCH_MEMBERS", 500, 2)),
    seconds: readNumber("BENCH_SECONDS", 60, 1),
    keepAlive: readNumber("BENCH_KEEPALIVE", 1, 0) !== 0,
  };
}

type Member = {
  index: number;
  user: string;
  /** Planned start after the burst's start (ns). */
  startOffsetNs: bigint;
  likert1: number;
  likert2: number;
  hires: number;
  /** The DM's button for `likert1` (value pulseId|key|value|token, no token yet). */
  firstButton?: string;
};

function plan(settings: Settings): Member[] {
  const random = seeded(0x9e15_e000);
  // A Poisson process conditioned on its count: that many uniform arrival times, sorted.
  const starts = Array.from({ length: settings.members }, () => random() * settings.seconds * 1e9).sort(
    (a, b) => a - b,
  );
  return starts.map((start, index) => ({
    index,
    user: userId(index),
    startOffsetNs: BigInt(Math.round(start)),
    likert1: 1 + Math.floor(random() * 5),
    likert2: 1 + Math.floor(random() * 5),
    hires: Math.floor(random() * 51),
  }));
}

const userId = (index: number) => `U-PB${String(index).padStart(5, "0")}`;

// ── Slack's payloads ─────────────────────────────────────────────────────────────────────────────

const PLACE: Place = { team: TEAM, channel: CHANNEL };
const slashCommand = (user: string, text: string, responseUrl: string) =>
  slashCommandAs(PLACE, user, text, responseUrl);
const click = (user: string, channel: string, actionId: string, value: string, responseUrl: string) =>
  clickAs(PLACE, user, channel, actionId, value, responseUrl);

const answerButton = (blocks: SlackBlock[] | undefined, key: string, value: number) =>
  buttonValue(blocks, PULSE.answer, (v) => {
    const [, k, chosen] = v.split("|");
    return k === key && chosen === String(value);
  });

// ── set-up through the bot itself ─────────────────────────────────────────────────────────────────

/** `/cluster pulse new` → the form with the three questions, anonymous → the sheets in everyone's DM. */
async function createPulse(slack: SlackSide, port: number, members: Member[]): Promise<string> {
  const chair = members[0]!.user;
  const opened = slack.expect("views.open", 20_000);
  await post(port, "/cluster pulse new", slashCommand(chair, "pulse new", slack.responseUrl("pulse-new")));
  const view = (await opened).body?.view as SlackView | undefined;
  if (!view?.callback_id) throw new SetupError("set-up: /cluster pulse new opened no form");
  const values = submittedAsIs(view.blocks);
  const set = (id: string, state: Record<string, unknown>) => {
    values[id] = { [id]: state };
  };
  set("title", { type: "plain_text_input", value: "Burst skills pulse" });
  set("questions", {
    type: "multi_static_select",
    selected_options: [LIKERT_1, LIKERT_2, NUMBER_Q].map((value) => ({ value })),
  });
  set("anonymity", { type: "static_select", selected_option: { value: "anonymous" } });
  set("results_live", { type: "static_select", selected_option: { value: "no" } });
  // A modal has no response_url: the confirmation comes as an ephemeral message in the channel.
  const created = slack.expect("chat.postEphemeral", 30_000, (c) => c.body?.user === chair);
  const ack = await post(
    port,
    "new-pulse form",
    interactionBody(
      viewSubmissionPayload({
        user: chair,
        team: TEAM,
        callbackId: view.callback_id,
        metadata: view.private_metadata,
        values,
      }),
    ),
  );
  if (ack.trim() !== "") throw new SetupError(`set-up: the new-pulse form was refused: ${ack}`);
  const text = replyText((await created).body as SlackReply);
  if (!text.includes(String(members.length)))
    throw new SetupError(`set-up: the pulse was not created for ${members.length} members: ${text}`);

  // The outbox job runs every 15 s and drains what is due.
  process.stdout.write(
    `${elapsed()} pulse created; waiting for the outbox to deliver ${members.length} DMs … `,
  );
  const dms = new Map<string, SlackBlock[]>();
  const deadline = Date.now() + 300_000;
  while (dms.size < members.length) {
    for (const c of await slack.poll(["chat.postMessage"]))
      if (c.method === "chat.postMessage" && String(c.body?.channel).startsWith("D-"))
        dms.set(String(c.body?.channel), c.body?.blocks as SlackBlock[]);
    if (Date.now() > deadline)
      throw new SetupError(`set-up: the outbox delivered ${dms.size} of ${members.length} sheets in 300 s`);
    await sleep(250);
  }
  process.stdout.write(`done ${elapsed()}\n`);
  let pulseId = "";
  for (const m of members) {
    m.firstButton = answerButton(dms.get(dmOf(m.user)), LIKERT_1, m.likert1);
    if (!m.firstButton) throw new SetupError(`set-up: no answer button in ${m.user}'s sheet`);
    pulseId ||= m.firstButton.split("|")[0]!;
  }
  return pulseId;
}

// ── the burst ─────────────────────────────────────────────────────────────────────────────────────

type Sample = Timed & {
  kind: Kind;
  member: number;
  /** Departure after the burst's start (ns): the baseline replays the same offsets. */
  offsetNs: bigint;
  requestBody: string;
  /** When the bot's answer to it reached the fake Slack (wall ms), for click → redraw latency. */
  answeredAt?: number;
};

type Outcome = { completed: boolean; stuckAt?: Kind; problem?: string };

/**
 * The bot answered, but not with 200 (e.g. 401, 404, 500): nothing more will come. No answer at all
 * (no ack within the timeout) is different: like Slack, the member sees an error, but the bot may
 * still act on the request, so the member waits for the redrawn sheet and carries on.
 */
const refused = (shot: Timed) => shot.status !== null && shot.status !== 200;

class Burst {
  readonly samples: Sample[] = [];
  readonly outcomes: Outcome[] = [];
  private readonly agent: ReturnType<typeof keepAliveAgent>;
  /** The burst's start (hrtime, ns); offsets are counted from here. */
  startNs = 0n;
  /** Member start: planned vs actual (ns), the generator's own lag. */
  readonly startLagMs: number[] = [];

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
            this.outcomes[m.index] = { completed: false, problem: String(error) };
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

  /** A button in the member's DM; returns the sheet the bot redrew over it, or why not. */
  private async clickInDm(
    m: Member,
    kind: Kind,
    actionId: string,
    value: string,
  ): Promise<{ sheet: SlackReply } | { problem: string }> {
    const id = `${kind}-${m.index}`;
    const replied = this.slack.expectReply(id, STEP_TIMEOUT_MS);
    replied.catch(() => {});
    const sent = await this.send(
      m,
      kind,
      click(m.user, dmOf(m.user), actionId, value, this.slack.responseUrl(id)),
    );
    if (refused(sent)) return { problem: `ack ${sent.error}` };
    return this.redraw(sent, replied);
  }

  private async redraw(
    sent: Sample,
    replied: Promise<CallSummary>,
  ): Promise<{ sheet: SlackReply } | { problem: string }> {
    let call: CallSummary;
    try {
      call = await replied;
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
    sent.answeredAt = call.at;
    const sheet = call.body as SlackReply;
    if (sheet.replace_original !== true) return { problem: `reply instead of a redraw: ${replyText(sheet)}` };
    // A refusal redraws the sheet as saved with the reason on top (the token lives only in the sheet).
    const notice = (sheet.blocks ?? []).find((b) => b.text?.text?.startsWith("⚠️"));
    if (notice) return { problem: `refused: ${replyText({ text: notice.text?.text })}` };
    return { sheet };
  }

  private async member(m: Member): Promise<Outcome> {
    const stuck = (stuckAt: Kind, problem: string): Outcome => ({ completed: false, stuckAt, problem });

    const first = await this.clickInDm(m, "answer-1", PULSE.answer, m.firstButton!);
    if ("problem" in first) return stuck("answer-1", first.problem);
    const second = answerButton(first.sheet.blocks, LIKERT_2, m.likert2);
    if (!second) return stuck("answer-2", `no button for question 2: ${replyText(first.sheet)}`);
    if (!second.split("|")[3]) return stuck("answer-2", "the redrawn sheet carries no response token");

    const two = await this.clickInDm(m, "answer-2", PULSE.answer, second);
    if ("problem" in two) return stuck("answer-2", two.problem);
    const formButton = buttonValue(two.sheet.blocks, PULSE.form, () => true);
    if (!formButton) return stuck("form", `no form button: ${replyText(two.sheet)}`);

    // The form opens through views.open; its metadata names the clicked message's response_url,
    // which the bot uses to redraw the sheet once the form is submitted.
    const formId = `form-${m.index}`;
    const formUrl = this.slack.responseUrl(formId);
    const opened = this.slack.expect("views.open", STEP_TIMEOUT_MS, (c) => {
      const view = c.body?.view as SlackView | undefined;
      return typeof view?.private_metadata === "string" && view.private_metadata.includes(`"${formUrl}"`);
    });
    opened.catch(() => {});
    const formClick = await this.send(
      m,
      "form",
      click(m.user, dmOf(m.user), PULSE.form, formButton, formUrl),
    );
    if (refused(formClick)) return stuck("form", `ack ${formClick.error}`);
    let view: SlackView;
    try {
      const call = await opened;
      formClick.answeredAt = call.at;
      view = call.body?.view as SlackView;
    } catch (error) {
      return stuck("form", String(error));
    }
    if (view.callback_id !== PULSE.formId) return stuck("form", `opened ${view.callback_id}`);

    const redrawn = this.slack.expectReply(formId, STEP_TIMEOUT_MS);
    redrawn.catch(() => {});
    const submission = await this.send(
      m,
      "form-submit",
      interactionBody(
        viewSubmissionPayload({
          user: m.user,
          team: TEAM,
          callbackId: view.callback_id,
          metadata: view.private_metadata,
          values: {
            [NUMBER_FIELD]: { [NUMBER_FIELD]: { type: "plain_text_input", value: String(m.hires) } },
          },
        }),
      ),
    );
    if (refused(submission)) return stuck("form-submit", `ack ${submission.error}`);
    if (submission.status === 200 && submission.body.trim() !== "")
      return stuck("form-submit", `form refused: ${submission.body.slice(0, 200)}`);
    const three = await this.redraw(submission, redrawn);
    if ("problem" in three) return stuck("form-submit", three.problem);
    const submitButton = buttonValue(three.sheet.blocks, PULSE.submit, () => true);
    if (!submitButton) return stuck("submit", `no submit button: ${replyText(three.sheet)}`);

    const done = await this.clickInDm(m, "submit", PULSE.submit, submitButton);
    if ("problem" in done) return stuck("submit", done.problem);
    // Anonymous and submitted: the sheet is frozen, no buttons left.
    if (buttonsOf(done.sheet.blocks).length > 0)
      return stuck("submit", `still answerable after submitting: ${replyText(done.sheet)}`);
    return { completed: true };
  }
}

// ── what the database holds ───────────────────────────────────────────────────────────────────────

type Stored = {
  responses: number;
  submitted: number;
  /** Sealed drafts left: members who answered but did not submit. */
  drafts: number;
  completed: number;
  /** Answers per question key in submitted responses, and the sum of their values. */
  byQuestion: Map<string, { answers: number; inSubmitted: number; sum: number }>;
};

async function countStored(bot: ChildHandle, pulseId: string): Promise<Stored> {
  // An open anonymous pulse keeps submitted answers in its pool (PulsePool) until it closes; response
  // rows are counted too, for a pulse that has closed.
  const [totals] = await bot.call<
    Array<{ responses: number; submitted: number; drafts: number; completed: number }>
  >("query", {
    sql: `SELECT
        (SELECT count(*)::int FROM "PulseResponse" WHERE "pulseId" = $1) AS responses,
        (SELECT count(*)::int FROM "PulseResponse" WHERE "pulseId" = $1 AND "submitted")
          + coalesce((SELECT jsonb_array_length("responses") FROM "PulsePool" WHERE "pulseId" = $1), 0)
          AS submitted,
        (SELECT count(*)::int FROM "PulseDraft" WHERE "pulseId" = $1) AS drafts,
        (SELECT count(*)::int FROM "PulseParticipation"
          WHERE "pulseId" = $1 AND "status" = 'COMPLETED') AS completed`,
    params: [pulseId],
  });
  const rows = await bot.call<Array<{ key: string; answers: number; sum: number }>>("query", {
    sql: `WITH answers AS (
          SELECT a."pulseQuestionId" AS q, a."value" AS v
            FROM "PulseAnswer" a JOIN "PulseResponse" r ON r."id" = a."responseId"
           WHERE r."pulseId" = $1 AND r."submitted"
          UNION ALL
          SELECT x ->> 'q', x -> 'v'
            FROM "PulsePool" p, jsonb_array_elements(p."responses") e, jsonb_array_elements(e -> 'answers') x
           WHERE p."pulseId" = $1
        )
        SELECT q."key", count(a.q)::int AS answers, coalesce(sum((a.v #>> '{}')::numeric), 0)::float8 AS sum
          FROM "PulseQuestion" pq
          JOIN "Question" q ON q."id" = pq."questionId"
          LEFT JOIN answers a ON a.q = pq."id"
         WHERE pq."pulseId" = $1
         GROUP BY q."key"`,
    params: [pulseId],
  });
  return {
    responses: totals?.responses ?? 0,
    submitted: totals?.submitted ?? 0,
    drafts: totals?.drafts ?? 0,
    completed: totals?.completed ?? 0,
    byQuestion: new Map(rows.map((r) => [r.key, { answers: r.answers, inSubmitted: r.answers, sum: r.sum }])),
  };
}

// ── report ────────────────────────────────────────────────────────────────────────────────────────

type AckSummary = AckSummaryOf<Kind>;

const summarise = (shots: Array<Timed & { kind: string }>, cpuMs: number): AckSummary =>
  summariseAcks(
    shots,
    cpuMs,
    KINDS.map((k) => k.kind),
    SLACK_ACK_DEADLINE_MS,
  );

type Extra = { replies: number; ids: number; samples: string[] };
type Unacked = { byKind: Map<Kind, number>; answeredAfterMs: number[]; never: number };

function originOf(metadata: string | undefined): string | undefined {
  try {
    const origin = (JSON.parse(metadata ?? "") as { slackResponseUrl?: unknown }).slackResponseUrl;
    return typeof origin === "string" ? origin : undefined;
  } catch {
    return undefined;
  }
}

function report(
  settings: Settings,
  members: Member[],
  burst: Burst,
  bot: AckSummary,
  base: AckSummary,
  baseLag: Distribution,
  stored: Stored,
  extra: Extra,
  botStats: BotStats,
  elu: number,
  burstSpanS: number,
  probes: Probe[],
  unacked: Unacked,
  generatorElu: number,
): void {
  console.log(
    `\nAck latency, ms (request sent → HTTP response read): ${settings.members} members starting within ${settings.seconds} s`,
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
  console.log(
    "\nBy step: ack p50 / p99 / max ms; answer = request sent → the bot's redraw (or modal) at Slack",
  );
  console.log(
    table(
      [
        "step",
        "requests",
        "ack p50",
        "ack p99",
        "ack max",
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
          fmt(b.max),
          fmt(x.p50),
          fmt(x.p99),
          fmt(a.p50),
          fmt(a.p99),
          fmt(a.max),
        ];
      }),
    ),
  );

  // Over time: where the acks got slow. The probe is GET /healthz, one at a time, every 200 ms: it
  // does no work, so its latency is how long the bot's event loop kept a new request waiting.
  const bucketS = Math.max(1, Math.round(settings.seconds / 12));
  const bucketOf = (offsetNs: bigint) => Math.max(0, Math.floor(Number(offsetNs) / 1e9 / bucketS));
  const buckets = new Map<
    number,
    { sent: number; starts: number; acks: number[]; noAck: number; probes: number[] }
  >();
  const bucket = (i: number) => {
    const known = buckets.get(i);
    if (known) return known;
    const b = { sent: 0, starts: 0, acks: [] as number[], noAck: 0, probes: [] as number[] };
    buckets.set(i, b);
    return b;
  };
  for (const sm of burst.samples) {
    const b = bucket(bucketOf(sm.offsetNs));
    b.sent += 1;
    if (sm.kind === "answer-1") b.starts += 1;
    if (sm.status === 200 && sm.doneNs !== null) b.acks.push(nsToMs(sm.doneNs - sm.sentNs));
    else b.noAck += 1;
  }
  for (const p of probes)
    bucket(bucketOf(p.sentNs - burst.startNs)).probes.push(p.ms ?? Number.POSITIVE_INFINITY);
  console.log(
    `\nOver time (${bucketS} s windows, by departure): acks, and GET /healthz probes of the bot's event loop`,
  );
  console.log(
    table(
      ["window", "members starting", "requests", "ack p50", "ack max", "no ack", "probe p50", "probe max"],
      [...buckets.keys()]
        .sort((a, b) => a - b)
        .map((i) => {
          const b = buckets.get(i)!;
          const ack = distribution(b.acks);
          const pr = distribution(b.probes);
          return [
            `${i * bucketS}–${(i + 1) * bucketS} s`,
            String(b.starts),
            String(b.sent),
            fmt(ack.p50, 0),
            fmt(ack.max, 0),
            String(b.noAck),
            fmt(pr.p50, 0),
            fmt(pr.max, 0),
          ];
        }),
    ),
  );

  // Lost = sent by a member who then submitted (whether or not the acks came in time) but not in the
  // database. Members who gave up (see below) never submitted: their answers are sealed drafts, which
  // nobody can count, so they count as unfinished, not lost.
  const n = settings.members;
  const byMember = new Map(members.map((m) => [m.index, m]));
  const submitted = new Set(burst.samples.filter((s) => s.kind === "submit").map((s) => s.member));
  const sent = (kind: Kind, pick: (m: Member) => number) => {
    const shots = burst.samples.filter(
      (s) => s.kind === kind && (kind === "submit" || submitted.has(s.member)),
    );
    return { count: shots.length, sum: shots.reduce((t, s) => t + pick(byMember.get(s.member)!), 0) };
  };
  const all = (pick: (m: Member) => number) => members.reduce((t, m) => t + pick(m), 0);
  const questions: Array<[string, Kind, (m: Member) => number]> = [
    [LIKERT_1, "answer-1", (m) => m.likert1],
    [LIKERT_2, "answer-2", (m) => m.likert2],
    [NUMBER_Q, "form-submit", (m) => m.hires],
  ];
  const rows: string[][] = [];
  let lostAnswers = 0;
  for (const [key, kind, pick] of questions) {
    const out = sent(kind, pick);
    const got = stored.byQuestion.get(key) ?? { answers: 0, sum: 0, inSubmitted: 0 };
    lostAnswers += Math.max(0, out.count - got.answers);
    rows.push(
      [`${key}: answers`, String(n), String(out.count), String(got.answers), String(out.count - got.answers)],
      [
        `${key}: sum of values`,
        String(all(pick)),
        String(out.sum),
        String(got.sum),
        String(out.sum - got.sum),
      ],
    );
  }
  const submits = sent("submit", () => 1).count;
  rows.push(
    [
      "submitted responses",
      String(n),
      String(submits),
      String(stored.submitted),
      String(submits - stored.submitted),
    ],
    [
      "participations COMPLETED",
      String(n),
      String(submits),
      String(stored.completed),
      String(submits - stored.completed),
    ],
  );
  console.log(
    "\nLost answers: what members sent (every request, acked in time or not) vs what the bot's database holds",
  );
  console.log(table(["figure", "all members", "sent", "stored", "lost"], rows));
  const answersAll = questions.reduce((t, [key]) => t + (stored.byQuestion.get(key)?.inSubmitted ?? 0), 0);
  console.log(
    `Lost answers: ${lostAnswers} (must be 0). In submitted responses: ${answersAll} of ${3 * n} answers; ` +
      `sealed drafts of members who did not submit: ${stored.drafts}`,
  );

  const done = burst.outcomes.filter((o) => o?.completed).length;
  const stuck = new Map<string, { count: number; sample: string }>();
  for (const o of burst.outcomes) {
    if (!o || o.completed) continue;
    const key = o.stuckAt ?? "?";
    const entry = stuck.get(key) ?? { count: 0, sample: o.problem ?? "" };
    entry.count += 1;
    stuck.set(key, entry);
  }
  console.log(
    `\nMembers who saw their sheet frozen as submitted: ${done} / ${n}; the burst took ${fmt(burstSpanS, 1)} s ` +
      `(first click → last answer at Slack)`,
  );
  for (const [kind, { count, sample }] of stuck) console.log(`  stuck at ${kind}: ${count} — e.g. ${sample}`);
  const noAck = [...unacked.byKind.values()].reduce((t, c) => t + c, 0);
  if (noAck > 0) {
    const late = distribution(unacked.answeredAfterMs);
    console.log(
      `No ack within ${REQUEST_TIMEOUT_MS / 1000} s: ${noAck} requests (${[...unacked.byKind].map(([k, c]) => `${k} ${c}`).join(", ")}); ` +
        `the bot acted on ${late.count} of them all the same — its answer reached Slack ` +
        `p50 ${fmt(late.p50 / 1000, 1)} s, max ${fmt(late.max / 1000, 1)} s after the request; ${unacked.never} never answered`,
    );
  }
  // Slack's trigger_id is valid for 3 s: a modal the bot opens later than that would be refused
  // (expired_trigger_id); the fake Slack accepts it, so the member could go on here.
  const lateModals = burst.samples.filter(
    (sm) => sm.kind === "form" && sm.answeredAt !== undefined && sm.answeredAt - sm.sentWallMs > 3000,
  ).length;
  console.log(
    `Modals opened more than 3 s after the click (real Slack refuses them: expired trigger_id): ${lateModals} of ${burst.samples.filter((sm) => sm.kind === "form").length}`,
  );
  console.log(
    `Extra response_url replies (apologies, refusals, repeats): ${extra.replies} to ${extra.ids} clicks` +
      (extra.samples.length ? `; e.g. ${extra.samples.join(" | ")}` : ""),
  );
  console.log(
    `Bot log: ${botStats.errors} errors, ${botStats.warnings} warnings${botStats.firstProblems.length ? `; first: ${botStats.firstProblems[0]}` : ""}`,
  );
  console.log(`Bot event loop busy during the burst: ${fmt(100 * elu, 1)} % (PGlite runs on it)`);
  for (const [name, s] of [
    ["bot", bot],
    ["baseline", base],
  ] as const)
    if (s.errors > 0) console.log(`${name} non-200 / network errors: ${s.errorSamples.join("; ")}`);

  const [load1] = loadavg();
  console.log(
    `Host: Node ${process.version}, ${cpus().length} CPU(s), load average (1 min) ${fmt(loadAtStart)} at start, ` +
      `${fmt(load1 ?? Number.NaN)} at end` +
      ((load1 ?? 0) > cpus().length ? "  ⚠ the host is busy; tails (p99, max) are inflated" : ""),
  );
  const lag = distribution(burst.startLagMs);
  console.log(
    `Load generator: event loop busy ${fmt(100 * generatorElu, 1)} % during the burst; member start lag p99 ${fmt(lag.p99)} ms, max ${fmt(lag.max)} ms; baseline replay lag p99 ${fmt(baseLag.p99)} ms, max ${fmt(baseLag.max)} ms` +
      (Math.max(lag.max, baseLag.max) > 50 ? "  ⚠ the generator itself fell behind" : ""),
  );
  if (lostAnswers !== 0 || stored.submitted !== n || stored.completed !== n || done !== n)
    process.exitCode = 1;
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const settings = settingsFromEnv();
  const members = plan(settings);
  console.log(
    `Ennakko pulse burst — ${settings.members} members answer an anonymous pulse (2 Likert + 1 number question) ` +
      `through the Slack endpoint, starting within ${settings.seconds} s (Poisson arrivals), 5 interactions each, ` +
      (settings.keepAlive ? "keep-alive connections" : "a new connection per request") +
      `\nNode ${process.version}, ${cpus().length} CPU(s), load average ${fmt(loadAtStart)}`,
  );
  const children = new ChildGroup();
  try {
    const { fakeChild, slack, bot, base } = await startSlackBench(children, members, "Burst Member", () =>
      console.log(`${elapsed()} starting the bot (fresh embedded PGlite) and the baseline …`),
    );
    const botPort = Number(bot.info.port);
    await setUpCluster(
      slack,
      botPort,
      PLACE,
      CLUSTER_NAME,
      members.map((m) => m.user),
    );
    console.log(`${elapsed()} cluster set up through the bot: chair + ${members.length - 1} joined`);
    const pulseId = await createPulse(slack, botPort, members);
    await sleep(1000);
    await slack.poll(); // whatever set-up still caused is not part of the burst

    const mark = slack.seen.length;
    const cpuBefore = await bot.call<NodeJS.CpuUsage>("cpu");
    const eluBefore = await bot.call<EventLoopUtilization>("elu");
    process.stdout.write(`${elapsed()} burst: ${settings.members} members within ${settings.seconds} s … `);
    const burst = new Burst(slack, botPort, settings.keepAlive);
    const stopProbing = probe(botPort, "/healthz", 200);
    const selfEluBefore = performance.eventLoopUtilization();
    await burst.run(members);
    const selfElu = performance.eventLoopUtilization(selfEluBefore).utilization;
    process.stdout.write(`done ${elapsed()}\n`);
    // Anything still on its way (a late redraw, an apology): until 5 s of silence, 60 s at most.
    const quietDeadline = Date.now() + 60_000;
    let quietSince = Date.now();
    while (Date.now() - quietSince < 5000 && Date.now() < quietDeadline) {
      if ((await slack.poll()).length > 0) quietSince = Date.now();
      await sleep(200);
    }
    const probes = await stopProbing();
    const cpuAfter = await bot.call<NodeJS.CpuUsage>("cpu");
    const eluAfter = await bot.call<EventLoopUtilization>("elu");
    const botCpuMs = (cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000;
    const elu =
      (eluAfter.active - eluBefore.active) /
      (eluAfter.active - eluBefore.active + eluAfter.idle - eluBefore.idle);

    // Replies beyond the one each click waited for.
    const perReply = new Map<string, number>();
    for (const c of slack.seen.slice(mark))
      if (c.method.startsWith("response_url:")) perReply.set(c.method, (perReply.get(c.method) ?? 0) + 1);
    const repeated = [...perReply].filter(([, count]) => count > 1).map(([method]) => method);
    const extraBodies = await slack.bodiesOf(repeated.slice(0, 20));
    const extra: Extra = {
      replies: [...perReply.values()].reduce((t, count) => t + Math.max(0, count - 1), 0),
      ids: repeated.length,
      samples: [...new Set(extraBodies.map((c) => replyText(c.body as SlackReply)))].slice(0, 3),
    };

    // Requests that got no ack: did the bot act on them all the same, and when did its answer come?
    const firstAt = new Map<string, number>();
    for (const c of slack.seen.slice(mark)) if (!firstAt.has(c.method)) firstAt.set(c.method, c.at);
    for (const c of await slack.bodiesOf(["views.open"])) {
      const origin = originOf((c.body?.view as SlackView | undefined)?.private_metadata);
      if (origin && !firstAt.has(origin)) firstAt.set(origin, c.at);
    }
    const unacked: Unacked = { byKind: new Map(), answeredAfterMs: [], never: 0 };
    for (const sm of burst.samples) {
      if (sm.status === 200) continue;
      unacked.byKind.set(sm.kind, (unacked.byKind.get(sm.kind) ?? 0) + 1);
      const key =
        sm.kind === "form"
          ? slack.responseUrl(`form-${sm.member}`)
          : `response_url:${sm.kind === "form-submit" ? "form" : sm.kind}-${sm.member}`;
      const at = firstAt.get(key);
      if (at === undefined) unacked.never += 1;
      else unacked.answeredAfterMs.push(at - sm.sentWallMs);
    }

    let lastAnswer = 0;
    for (const s of burst.samples) if (s.answeredAt && s.answeredAt > lastAnswer) lastAnswer = s.answeredAt;
    const firstSent = Math.min(...burst.samples.map((s) => s.sentWallMs));
    const stored = await countStored(bot, pulseId);
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

    report(
      settings,
      members,
      burst,
      summarise(burst.samples, botCpuMs),
      summarise(baseline.shots, baseline.cpuMs),
      distribution(baseline.shots.map((s) => nsToMs(s.sentNs - s.scheduledNs))),
      stored,
      extra,
      botStats,
      elu,
      (lastAnswer - firstSent) / 1000,
      probes,
      unacked,
      selfElu,
    );
  } finally {
    await children.stopAll();
  }
}

type EventLoopUtilization = { idle: number; active: number; utilization: number };

const startedAt = Date.now();
const loadAtStart = loadavg()[0] ?? Number.NaN;
function elapsed(): string {
  return `[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)} s]`;
}

runBenchmark(main, [SetupError]);
