// Wires config, database, platforms and the HTTP server. main.ts runs it; tests start it in-process.
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import type { BackupSettings } from "./config/backup-env.ts";
import type { Config } from "./config/env.ts";
import { scheduleBackups } from "./db/backup.ts";
import { readMigrations } from "./db/migrate.ts";
import { type Database, MIGRATIONS_DIR, openDatabase } from "./db/open-database.ts";
import { CALENDAR_PATH, serveCalendarFile } from "./http/calendar-route.ts";
import { DOWNLOAD_PATH, serveDownload } from "./http/download-route.ts";
import { createHttpServer, type Route } from "./http/http-server.ts";
import { opsRoutes } from "./http/ops-routes.ts";
import { createReadiness } from "./http/readiness.ts";
import { appJobs, type RunningJobs, startJobs } from "./jobs/start-jobs.ts";
import { type AppContext, type Clock, systemClock } from "./kernel/app/context.ts";
import { teamsConversationStore } from "./kernel/app/outbox/find-conversation-reference.ts";
import { FAILED_OUTBOX_RETENTION_DAYS } from "./kernel/app/outbox/purge-outbox.ts";
import { slackDmChannelStore } from "./kernel/app/outbox/slack-dm-channels.ts";
import type { Gateways } from "./kernel/app/ports/chat-gateway.ts";
import { installFeatures, registry } from "./kernel/registry.ts";
import { createComposer } from "./kernel/surface/compose-notification.ts";
import { createDispatcher } from "./kernel/surface/dispatch.ts";
import { createLogger, type Logger } from "./log/logger.ts";
import { registerDatabaseGauges } from "./metrics/database-gauges.ts";
import { createMetrics, type Metrics } from "./metrics/metrics.ts";
import { FEATURES } from "./modules.ts";
import { SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from "./platforms/slack/oauth/slack-oauth.ts";
import { slackTokenResolver } from "./platforms/slack/oauth/token-resolver.ts";
import { createSlackGateway } from "./platforms/slack/slack-gateway.ts";
import {
  createSlackPlatform,
  SLACK_EVENTS_PATH,
  type SlackPlatform,
} from "./platforms/slack/slack-platform.ts";
import type { BotIdentityEndpoints } from "./platforms/teams/teams-auth.ts";
import { createTeamsGateway } from "./platforms/teams/teams-gateway.ts";
import { createTeamsPlatform, TEAMS_MESSAGES_PATH } from "./platforms/teams/teams-platform.ts";
import { portError } from "./startup/preflight.ts";

/** How long stop() lets requests in flight finish before closing their connections. */
const IN_FLIGHT_GRACE_MS = 5_000;

export type BotOptions = {
  config: Config;
  database?: Database;
  clock?: Clock;
  log?: Logger;
  /** Background jobs (outbox delivery, reminders); "manual" = only when a test ticks them. */
  jobs?: boolean | "manual";
  /** A Bot Framework identity service other than Microsoft's (the tests' local fake); code only. */
  teamsIdentity?: BotIdentityEndpoints;
  /** Scheduled backups of the embedded database (ignored on PostgreSQL: use pg_dump). */
  backups?: BackupSettings;
};

export type RunningBot = {
  port: number;
  database: Database;
  slack: SlackPlatform | null;
  jobs: RunningJobs | null;
  /** Takes an embedded-database backup now (SIGUSR2); none on PostgreSQL or without `backups`. */
  backupNow?: () => Promise<void>;
  metrics: Metrics;
  stop(): Promise<void>;
};

export async function startBot({
  config,
  database: given,
  clock = systemClock,
  log = createLogger(config.logLevel),
  jobs: runJobs = true,
  teamsIdentity,
  backups: backupSettings,
}: BotOptions): Promise<RunningBot> {
  installFeatures(FEATURES);
  const database = given ?? (await openDatabase(config.database));
  if (database.migrations.applied.length > 0)
    log.info("migrations applied", { applied: database.migrations.applied });
  // Counted always (cheap); served on /metrics only with METRICS_TOKEN, which also turns on the
  // process figures (they start timers and observers a test's many bots need not carry).
  const metrics = createMetrics({ processMetrics: config.metrics.token !== undefined });
  const app: AppContext = {
    db: database.prisma,
    clock,
    compose: createComposer({ publicUrl: config.publicUrl }),
    ...(config.anonymityKey ? { anonymityKey: config.anonymityKey } : {}),
    onJobItemFailure: ({ job, item, error }) => {
      log.error("job item failed; the job went on with the others", { job, ...item, error });
      metrics.jobItemFailed(job);
    },
  };
  // The features' start-up work (the shared question bank keeps stable keys across cycles); idempotent.
  for (const feature of FEATURES) await feature.start?.(app);
  registerDatabaseGauges({
    registry: metrics.registry,
    db: database.prisma,
    clock,
    log,
    pool: database.pool,
  });
  const dispatch = createDispatcher(app, log, metrics.interaction);
  const slack = config.slack.mode === "off" ? null : createSlackPlatform(config.slack, app, dispatch, log);
  const teams =
    config.teams.mode === "off" ? null : createTeamsPlatform(config.teams, app, dispatch, log, teamsIdentity);
  if (config.teams.mode === "anonymous-local")
    log.warn(
      "TEAMS_ANONYMOUS=local: /api/messages accepts UNAUTHENTICATED requests from this machine (loopback callers with a loopback serviceUrl only). Never expose it; set MICROSOFT_APP_ID to connect Teams.",
    );
  const gateways: Gateways = {};
  if (teams)
    gateways.TEAMS = createTeamsGateway({
      adapter: teams.adapter,
      appId: config.teams.appId,
      ...teamsConversationStore(database.prisma),
      log,
    });
  if (config.slack.mode === "oauth" && slack?.installations)
    gateways.SLACK = createSlackGateway({
      tokenFor: slackTokenResolver(database.prisma, slack.installations),
      apiUrl: config.slack.apiUrl,
      log,
      dmChannels: slackDmChannelStore(database.prisma),
    });
  else if (config.slack.mode === "http" || config.slack.mode === "socket")
    gateways.SLACK = createSlackGateway({
      token: config.slack.botToken,
      apiUrl: config.slack.apiUrl,
      log,
      dmChannels: slackDmChannelStore(database.prisma),
    });

  let stopping = false;
  const readiness = createReadiness({
    db: database.prisma,
    migrations: (await readMigrations(MIGRATIONS_DIR)).map((m) => m.name),
    config,
    log,
    slackConnection: slack?.connection,
    stopping: () => stopping,
  });
  const routes: Route[] = [
    ...opsRoutes({ config, databaseKind: database.kind, readiness, metrics }),
    { method: "GET", prefix: CALENDAR_PATH, handle: (req, res) => serveCalendarFile(app, req, res) },
    { method: "GET", prefix: DOWNLOAD_PATH, handle: (req, res) => serveDownload(app, req, res) },
  ];
  // Not served at all unless Teams is configured (or anonymous Teams was asked for on purpose).
  if (teams)
    routes.push({ method: "POST", path: TEAMS_MESSAGES_PATH, handle: (req, res) => teams.handle(req, res) });
  const slackListener = slack?.requestListener;
  if (slackListener)
    routes.push({ method: "POST", path: SLACK_EVENTS_PATH, handle: (req, res) => slackListener(req, res) });
  // OAuth mode only: "Add to Slack" and Slack's redirect back, served by Bolt's install flow.
  const installListener = slack?.installListener;
  if (installListener)
    for (const path of [SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH])
      routes.push({ method: "GET", path, handle: (req, res) => installListener(req, res) });

  const server = createHttpServer(routes, log);
  await new Promise<void>((resolve, reject) =>
    server.once("error", (error) => reject(portError(config.port, error))).listen(config.port, resolve),
  );
  const port = (server.address() as AddressInfo).port;
  await slack?.start();
  const jobs = runJobs
    ? startJobs({
        db: database.prisma,
        gateways,
        clock,
        log,
        instanceId: `${hostname()}:${process.pid}`,
        downloadUrl: app.compose.downloadUrl,
        extraJobs: appJobs(app, registry().jobs),
        autoStart: runJobs !== "manual",
        onRun: metrics.job,
        onSkip: metrics.jobSkipped,
        onDelivery: metrics.delivery,
        outboxRetention: {
          sentDays: config.outbox.retentionDays,
          failedDays: Math.max(FAILED_OUTBOX_RETENTION_DAYS, config.outbox.retentionDays),
        },
      })
    : null;

  // A queued redraw (a vote's tally) goes out now, not at the next tick; merged per message meanwhile.
  if (jobs && runJobs !== "manual")
    app.wakeOutbox = () => {
      void jobs.scheduler.tick("outbox");
    };
  const pglite = database.pglite;
  const backups =
    backupSettings && pglite
      ? scheduleBackups({
          pglite,
          dir: backupSettings.dir,
          keep: backupSettings.keep,
          intervalMs: backupSettings.everyMs,
          onDone: (file) => log.info("backup written", { file }),
          onError: (error) => log.error("backup failed", { error }),
        })
      : null;

  return {
    port,
    database,
    slack,
    jobs,
    metrics,
    ...(backups ? { backupNow: backups.runNow } : {}),
    // Stop taking requests first (close() also drops idle keep-alive sockets and waits for requests
    // in flight), then stop receiving from Slack, then let the jobs finish their current tick (outbox
    // sends included), and close the database last, when nothing can use it any more.
    async stop() {
      // Not ready from the first moment: a load balancer stops sending while requests in flight finish.
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A request still open after a few seconds (a stuck client) is cut off rather than holding the stop.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        closed,
        new Promise((resolve) => (timer = setTimeout(resolve, IN_FLIGHT_GRACE_MS))),
      ]);
      clearTimeout(timer);
      server.closeAllConnections();
      await slack?.stop();
      await backups?.stop();
      await jobs?.stop();
      if (!given) await database.close();
    },
  };
}
