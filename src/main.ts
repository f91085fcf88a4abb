// The service's entry point (`node dist/main.js`, or `npm start` through scripts/start.mjs): read the
// config, check what can be checked before touching the database, open it (migrating), serve, and
// on SIGTERM/SIGINT stop cleanly within a bounded time.
import { loadBackupSettings } from "./config/backup-env.ts";
import { ignoredSettings, loadConfig } from "./config/env.ts";
import { loadDotEnv } from "./config/load-env-file.ts";
import { connectionGuide } from "./connection-guide.ts";
import { openDatabase } from "./db/open-database.ts";
import { createLogger } from "./log/logger.ts";
import { checkSlackToken } from "./platforms/slack/check-token.ts";
import { exitOnFailure } from "./startup/exit-on-failure.ts";
import { checkDataDir, checkPortFree } from "./startup/preflight.ts";

/** After a stop signal, the longest we wait for requests, jobs and the database before forcing exit. */
const STOP_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  for (const warning of ignoredSettings()) log.warn(warning);
  const backups = loadBackupSettings();

  // A stop signal during start-up waits for the start to finish (PGlite must not be cut mid-write).
  let stopRequested: string | null = null;
  let stop: ((signal: string) => void) | null = null;
  const onSignal = (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    const force = setTimeout(() => {
      log.error("stop took too long; exiting anyway", { signal, deadlineMs: STOP_DEADLINE_MS });
      process.exit(1);
    }, STOP_DEADLINE_MS);
    force.unref();
    stop?.(signal);
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));

  // Cheap checks first: none of them touches the database or runs a migration.
  await checkPortFree(config.port);
  if (config.database.kind === "embedded") await checkDataDir(config.database.dataDir);
  // In OAuth mode there is no token yet: each workspace brings its own when it installs.
  if (config.slack.mode === "http" || config.slack.mode === "socket") {
    const token = await checkSlackToken(config.slack.apiUrl, config.slack.botToken);
    if (!token.ok) log.warn("Slack token not checked", { reason: token.reason });
  }

  // The bot's module graph (SDKs, features) loads while the database opens and migrates: both take
  // about a second, and the import is only needed once the database is there.
  const [{ startBot }, database] = await Promise.all([import("./bot.ts"), openDatabase(config.database)]);
  const bot = await startBot({ config, log, database, backups }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  // `kill -USR2 <pid>`: a backup of the embedded database now, into BACKUP_DIR.
  process.on("SIGUSR2", () => void bot.backupNow?.());
  // The human guide goes to stderr: stdout is left to structured output only.
  process.stderr.write(connectionGuide(config, bot.port));
  log.info("ready", { port: bot.port, database: bot.database.kind });

  stop = (signal) => {
    log.info("stopping", { signal });
    bot
      .stop()
      .then(() => database.close())
      .then(
        () => {
          log.info("stopped", { signal });
          process.exit(0);
        },
        (error: unknown) => {
          log.error("stop failed", { signal, error });
          process.exit(1);
        },
      );
  };
  if (stopRequested) stop(stopRequested);
}

await main().catch(exitOnFailure);
