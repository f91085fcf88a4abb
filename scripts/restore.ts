// `npm run restore <file>`: puts a backup back, with the bot stopped.
// Embedded: the current data directory is moved aside (DATA_DIR/pglite.before-restore-<time>), the
// backup loaded into a fresh one and opened once to prove it. PostgreSQL: pg_restore --clean.
import { spawnSync } from "node:child_process";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { loadDotEnv } from "../src/config/load-env-file.ts";
import { restoreEmbedded } from "../src/db/backup.ts";
import { lockDataDir } from "../src/db/data-dir-lock.ts";

async function main(): Promise<number> {
  loadDotEnv();
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npm run restore -- <backup file>   (stop the bot first)\n");
    return 2;
  }
  const config = loadConfig();
  if (config.database.kind === "postgres") {
    const run = spawnSync(
      "pg_restore",
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        `--dbname=${config.database.url}`,
        file,
      ],
      { stdio: "inherit" },
    );
    if (run.error) {
      process.stderr.write(
        "pg_restore was not found. Install the PostgreSQL client tools, or run\n" +
          '  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" <file>\n',
      );
      return 1;
    }
    return run.status === 0 ? 0 : 1;
  }
  // The bot's own lock: refused while the bot (or another tool) holds the directory.
  const lock = await lockDataDir(config.database.dataDir);
  const { restored, keptAside } = await restoreEmbedded(file, config.database.dataDir).finally(() =>
    lock.release(),
  );
  process.stdout.write(
    `restored ${file} into ${restored}${keptAside ? `; the previous data is in ${keptAside}` : ""}\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `restore failed: ${String(error)}${cause}`}\n`,
    );
    process.exit(1);
  },
);
