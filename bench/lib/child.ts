// Entry of the benchmark's helper processes: `child.ts fake-slack | fake-connector | bot | baseline`.
// Each one starts its server, reports where it listens, then answers calls (see ipc.ts).
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { startBot } from "../../src/bot.ts";
import { loadConfig } from "../../src/config/env.ts";
import { createLogger } from "../../src/log/logger.ts";
import { type ConnectorCall, FakeBotConnector, type FakeMember } from "../../test/fakes/bot-connector.ts";
import { FakeSlackApi, type RecordedCall, type SlackUserFixture } from "../../test/fakes/slack-api.ts";
import { SIGNING_SECRET } from "../../test/support/slack-requests.ts";
import { type ReadyInfo, type Role, reportStartFailure, serve } from "./ipc.ts";
import {
  BENCH_BOT_TOKEN,
  type BotStats,
  type CallSummary,
  type CallsQuery,
  type ConnectorCallSummary,
  SLACK_EVENTS_PATH,
} from "./protocol.ts";

type Recorded = { body: Record<string, unknown> };

/**
 * A fake of a remote API in this process, answering `calls` (what it recorded from `from` on,
 * summarised, with the bodies of the kinds in `bodiesOf`) and `roster` (who the remote knows, by id);
 * stopped on "stop", or when the parent goes away.
 */
function serveFake<C extends Recorded, S, E>(
  fake: { stop(): Promise<void> },
  info: ReadyInfo,
  o: {
    recorded: C[];
    /** The field `bodiesOf` names: a Slack method, a connector operation. */
    kind: keyof C & string;
    summary: (call: C) => S;
    roster: string;
    enrol: (id: string, entry: E) => void;
  },
): void {
  process.once("disconnect", () => void fake.stop().finally(() => process.exit(1)));
  serve(info, {
    [o.roster]: (arg) => {
      for (const [id, entry] of Object.entries(arg as Record<string, E>)) o.enrol(id, entry);
    },
    calls: (arg) => {
      const { from, bodiesOf = [] } = arg as CallsQuery;
      const calls = o.recorded.slice(from).map((c) => ({
        ...o.summary(c),
        ...(bodiesOf.includes(String(c[o.kind])) ? { body: c.body } : {}),
      }));
      return { total: o.recorded.length, calls };
    },
    stop: () => fake.stop(),
  });
}

/** Answers `calls` as a CallsAnswer (protocol.ts), `users` with SlackUserFixtures. */
async function fakeSlack(): Promise<void> {
  const fake = await new FakeSlackApi().start();
  const summary = ({ method, at }: RecordedCall): CallSummary => ({ method, at });
  const enrol = (id: string, fixture: SlackUserFixture) => fake.users.set(id, fixture);
  const info = { url: fake.url, apiUrl: fake.apiUrl };
  serveFake(fake, info, { recorded: fake.calls, kind: "method", summary, roster: "users", enrol });
}

/**
 * The fake Bot Framework Connector, the serviceUrl of the benchmark's Teams activities: `calls` as a
 * ConnectorCallsAnswer, `members` the tenant's directory as TeamsInfo.getMember reads it.
 */
async function fakeConnector(): Promise<void> {
  const fake = await new FakeBotConnector().start();
  const enrol = (id: string, member: FakeMember) => fake.members.set(id, member);
  serveFake(
    fake,
    { url: fake.url, serviceUrl: fake.serviceUrl },
    {
      recorded: fake.calls,
      kind: "operation",
      summary: connectorSummary,
      roster: "members",
      enrol,
    },
  );
}

function connectorSummary(call: ConnectorCall): ConnectorCallSummary {
  const { operation, conversationId, activityId, answeredId, status } = call;
  return { operation, conversationId, activityId, answeredId, status };
}

/** The real bot, as main.ts starts it, on a fresh embedded PGlite under a temporary DATA_DIR. */
async function bot(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "ennakko-bench-"));
  const stats: BotStats = { warnings: 0, errors: 0, firstProblems: [] };
  const log = createLogger("warn", (line) => {
    if (line.includes('"level":"error"')) stats.errors += 1;
    else stats.warnings += 1;
    if (stats.firstProblems.length < 5) stats.firstProblems.push(line.slice(0, 400));
  });
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: requiredEnv("BENCH_SLACK_API_URL"),
    // The benchmarks' Teams connector is a local fake: anonymous Teams, loopback only.
    TEAMS_ANONYMOUS: "local",
  });
  // BENCH_JOBS=manual: no cron, the benchmark runs the jobs itself ("tick").
  const jobs = process.env.BENCH_JOBS === "manual" ? "manual" : true;
  const running = await startBot({ config, log, jobs }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const stop = async () => {
    await running.stop(); // closes the HTTP server and the database (PGlite's timers included)
    await rm(dataDir, { recursive: true, force: true });
  };
  process.once("disconnect", () => void stop().finally(() => process.exit(1)));
  serve(
    { port: running.port },
    {
      stats: () => stats,
      cpu: () => process.cpuUsage(),
      // How busy the bot's event loop was (PGlite runs on it): diff two readings.
      elu: () => performance.eventLoopUtilization(),
      // A read-only look at what was stored, e.g. pulse-burst.ts counting answers (cast counts to
      // int: a bigint does not cross the IPC channel).
      query: (arg) => {
        const { sql, params = [] } = arg as { sql: string; params?: unknown[] };
        return running.database.prisma.$queryRawUnsafe(sql, ...params);
      },
      tick: (name) => {
        if (!running.jobs) throw new Error("the bot runs no jobs");
        return running.jobs.scheduler.tick(String(name));
      },
      stop,
    },
  );
}

/** Bare Bolt: the same receiver and signature check, listeners that only ack(). */
async function baseline(): Promise<void> {
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: SLACK_EVENTS_PATH,
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: BENCH_BOT_TOKEN,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: requiredEnv("BENCH_SLACK_API_URL") },
  });
  app.command("/cluster", async ({ ack }) => ack());
  app.action(/^ennakko\./, async ({ ack }) => ack());
  app.view(/^ennakko\./, async ({ ack }) => ack());
  const server = await receiver.start({ port: 0, host: "127.0.0.1" });
  const stop = async () => {
    server.closeAllConnections();
    await app.stop();
  };
  process.once("disconnect", () => void stop().finally(() => process.exit(1)));
  serve({ port: (server.address() as AddressInfo).port }, { cpu: () => process.cpuUsage(), stop });
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const roles: Record<Role, () => Promise<void>> = {
  "fake-slack": fakeSlack,
  "fake-connector": fakeConnector,
  bot,
  baseline,
};
// Ctrl-C reaches the whole process group: leave shutdown to the parent (a "stop" call, or the
// IPC channel closing when it dies), so the bot still closes PGlite and removes its DATA_DIR.
process.on("SIGINT", () => {});
const role = process.argv[2] as Role;
if (!process.send) {
  process.stderr.write("bench/lib/child.ts is started by bench/ack-latency.ts, not directly\n");
  process.exit(2);
}
const start = roles[role];
if (!start) reportStartFailure(new Error(`unknown role ${role}`));
else start().catch(reportStartFailure);
