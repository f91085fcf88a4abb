// `npm run db:to-postgres [-- <postgresql URL>]`: copies the embedded database (DATA_DIR, bot stopped)
// into PostgreSQL (the URL given, else DATABASE_URL), migrating it first; refuses a non-empty target.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { loadDotEnv } from "../src/config/load-env-file.ts";
import { copyEmbeddedToPostgres, TargetNotEmptyError } from "../src/db/copy-to-postgres.ts";
import { lockDataDir } from "../src/db/data-dir-lock.ts";

async function main(): Promise<number> {
  loadDotEnv();
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write(
      "usage: npm run db:to-postgres -- postgresql://user:pass@host:5432/ennakko   (or set DATABASE_URL)\n" +
        "Stop the bot first; the embedded database is read from DATA_DIR.\n",
    );
    return 2;
  }
  // DATA_DIR as the bot reads it, whatever DATABASE_URL says.
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined });
  if (config.database.kind !== "embedded") return 2;
  const dataPath = join(config.database.dataDir, "pglite");
  if (!existsSync(join(dataPath, "PG_VERSION"))) {
    process.stderr.write(
      `No embedded database in ${dataPath} (DATA_DIR=${config.database.dataDir}); nothing to copy.\n`,
    );
    return 1;
  }
  // The bot's own lock: refused while the bot (or another tool) holds the directory.
  const lock = await lockDataDir(config.database.dataDir);
  const pglite = await PGlite.create(dataPath);
  try {
    const report = await copyEmbeddedToPostgres(pglite, url);
    for (const t of report.tables) process.stdout.write(`${t.name}: ${t.rows}\n`);
    process.stdout.write(
      `Copied ${report.tables.reduce((n, t) => n + t.rows, 0)} rows. Set DATABASE_URL to this database and start the bot.\n`,
    );
    return 0;
  } finally {
    await pglite.close();
    await lock.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof TargetNotEmptyError;
    process.stderr.write(`${known ? (error as Error).message : `copy failed: ${String(error)}`}\n`);
    process.exit(1);
  },
);
