// CI: fail when prisma/schema.prisma differs from what the migrations build, or when a migration's
// snapshot does not match the SQL that was written for it.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  diffSchemas,
  lastSnapshot,
  MIGRATIONS_DIR,
  migrationFolders,
  SCHEMA_PATH,
  SNAPSHOT_NAME,
} from "./lib/schema-diff.ts";

async function main(): Promise<void> {
  const snapshot = await lastSnapshot();
  if (snapshot === null) fail("No migrations found in prisma/migrations.");
  const pending = await diffSchemas(snapshot, await readFile(SCHEMA_PATH, "utf8"));
  if (pending !== "")
    fail(
      `prisma/schema.prisma has changes without a migration. Run: npm run db:migration -- <name>\n${pending}`,
    );
  // The newest migration's SQL must be exactly what its snapshot implies (guards hand edits).
  const folders = await migrationFolders();
  const previous =
    folders.length > 1 ? await readFile(join(MIGRATIONS_DIR, folders.at(-2)!, SNAPSHOT_NAME), "utf8") : null;
  const expected = await diffSchemas(previous, snapshot);
  const sql = await readFile(join(MIGRATIONS_DIR, folders.at(-1)!, "migration.sql"), "utf8");
  // A data step may follow the schema SQL after a line starting "-- Data" (it changes rows, not shape).
  const written = sql.split(/^-- Data\b/m)[0]!;
  if (expected.trim() !== written.trim())
    fail(`${folders.at(-1)}/migration.sql does not match its schema snapshot.`);
  console.log(`Migrations and schema agree (${folders.length} migration(s)).`);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

await main();
