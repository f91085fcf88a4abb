// `npm run backup`: a backup taken from outside the bot.
// Embedded database: the bot must be stopped (PGlite admits one process per data directory; a running
// bot takes its own backups, see BACKUP_EVERY_HOURS and SIGUSR2). PostgreSQL: runs pg_dump.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { loadBackupSettings } from "../src/config/backup-env.ts";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { loadDotEnv } from "../src/config/load-env-file.ts";
import { writeBackup } from "../src/db/backup.ts";
import { lockDataDir } from "../src/db/data-dir-lock.ts";

async function main(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const settings = loadBackupSettings();
  const dir = process.argv[2] ?? settings.dir;
  if (config.database.kind === "postgres") {
    mkdirSync(dir, { recursive: true });
    const file = join(
      dir,
      `ennakko-${new Date()
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d+Z$/, "Z")}.dump`,
    );
    const run = spawnSync("pg_dump", ["--format=custom", `--file=${file}`, config.database.url], {
      stdio: "inherit",
    });
    if (run.error) {
      process.stderr.write(
        "pg_dump was not found. Install the PostgreSQL client tools (the same major version as the server), or run\n" +
          '  pg_dump --format=custom --file=ennakko.dump "$DATABASE_URL"\non a machine that has them.\n',
      );
      return 1;
    }
    if (run.status !== 0) return 1;
    process.stdout.write(`${file}\n`);
    return 0;
  }
  const dataPath = join(config.database.dataDir, "pglite");
  if (!existsSync(join(dataPath, "PG_VERSION"))) {
    process.stderr.write(
      `No embedded database in ${dataPath} (DATA_DIR=${config.database.dataDir}); nothing to back up.\n`,
    );
    return 1;
  }
  // The bot's own lock: refused while the bot (or another tool) holds the directory.
  const lock = await lockDataDir(config.database.dataDir);
  try {
    const pglite = await PGlite.create(dataPath);
    try {
      const file = await writeBackup(pglite, dir, { keep: settings.keep });
      process.stdout.write(`${file}\n`);
    } finally {
      await pglite.close();
    }
  } finally {
    await lock.release();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `backup failed: ${String(error)}`}\n`,
    );
    process.exit(1);
  },
);
