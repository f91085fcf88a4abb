// `npm run db:migration -- <name>`: write the SQL that takes the last migration's schema snapshot to
// the current prisma/schema.prisma into prisma/migrations/<UTC timestamp>_<name>/, offline.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { diffSchemas, lastSnapshot, MIGRATIONS_DIR, SCHEMA_PATH, SNAPSHOT_NAME } from "./lib/schema-diff.ts";

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
    process.exit(2);
  }
  const current = await readFile(SCHEMA_PATH, "utf8");
  const sql = await diffSchemas(await lastSnapshot(), current);
  if (sql === "") {
    console.log("No schema changes since the last migration; nothing written.");
    return;
  }
  const folder = join(MIGRATIONS_DIR, `${timestamp(new Date())}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "migration.sql"), sql);
  await writeFile(join(folder, SNAPSHOT_NAME), current);
  await writeFile(join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`Wrote ${folder}/migration.sql`);
}

await main();
