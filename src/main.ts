// `npm start`: read config, open the database (migrating it), serve, and shut down gracefully.
import { startBot } from "./bot.ts";
import { loadBackupSettings } from "./config/backup-env.ts";
import { type Config, ConfigError, loadConfig } from "./config/env.ts";
import { loadDotEnv } from "./config/load-env-file.ts";
import { connectionGuide } from "./connection-guide.ts";
import { createLogger } from "./log/logger.ts";

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  let backups: ReturnType<typeof loadBackupSettings>;
  try {
    config = loadConfig();
    backups = loadBackupSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  const bot = await startBot({ config, log, backups });
  // `kill -USR2 <pid>`: a backup of the embedded database now, into BACKUP_DIR.
  process.on("SIGUSR2", () => void bot.backupNow?.());
  process.stdout.write(connectionGuide(config, bot.port));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    await bot.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
