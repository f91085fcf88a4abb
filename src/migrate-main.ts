// `npm run migrate` (node dist/migrate-main.js): applies pending migrations and exits, without starting
// the bot: an upgrade can migrate first, then start the new version. Same checks and messages as start.
import { ignoredSettings, loadConfig } from "./config/env.ts";
import { loadDotEnv } from "./config/load-env-file.ts";
import { migratePostgres, openDatabase } from "./db/open-database.ts";
import { createLogger } from "./log/logger.ts";
import { exitOnFailure } from "./startup/exit-on-failure.ts";
import { checkDataDir } from "./startup/preflight.ts";

async function migrate(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  for (const warning of ignoredSettings()) log.warn(warning);
  let report: { applied: string[]; alreadyApplied: number };
  if (config.database.kind === "postgres") {
    report = await migratePostgres(config.database.url, config.database.connectTimeoutMs);
  } else {
    await checkDataDir(config.database.dataDir);
    // Opens under the data-directory lock: refuses while the bot runs on the same directory.
    const database = await openDatabase(config.database);
    report = database.migrations;
    await database.close();
  }
  log.info("migrations done", { applied: report.applied, alreadyApplied: report.alreadyApplied });
}

await migrate().catch(exitOnFailure);
