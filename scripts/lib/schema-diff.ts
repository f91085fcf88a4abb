// Offline schema-to-schema SQL diff with Prisma 6.19's bundled WASM schema engine (aliased as
// `prisma-schema-diff`), because Prisma 7's CLI needs a native engine our machines cannot download.
// See ../shared/PRISMA-OFFLINE.md. Developer and CI tool only; the bot never runs it.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, "../..");
export const MIGRATIONS_DIR = join(ROOT, "prisma/migrations");
export const SCHEMA_PATH = join(ROOT, "prisma/schema.prisma");
export const SNAPSHOT_NAME = "schema.prisma";
const EMPTY_MARKER = "-- This is an empty migration.";

/** The 6.19 CLI wants a datasource url and knows nothing of Prisma 7 generator options. */
export function toDiffableSchema(schema: string): string {
  return schema
    .replace(/^generator\s+\w+\s*\{[\s\S]*?^\}\s*$/gm, "")
    .replace(
      /(datasource\s+\w+\s*\{[^}]*provider\s*=\s*"postgresql")/,
      '$1\n  url = "postgresql://offline@localhost/offline"',
    );
}

/** Folder names of applied-in-order migrations, oldest first. */
export async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** The schema as of the newest migration (each migration folder keeps a snapshot), or null. */
export async function lastSnapshot(): Promise<string | null> {
  const folders = await migrationFolders();
  const last = folders.at(-1);
  if (!last) return null;
  return readFile(join(MIGRATIONS_DIR, last, SNAPSHOT_NAME), "utf8");
}

const CONFIG = `import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter-6";
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  async adapter() { return new PrismaPGlite(new PGlite()); },
};
`;

/** SQL that takes a database from `from` (null = empty) to `to`; "" when nothing changes. */
export async function diffSchemas(from: string | null, to: string): Promise<string> {
  // Inside the project so the temporary config resolves our node_modules.
  await mkdir(join(ROOT, ".cache"), { recursive: true });
  const dir = await mkdtemp(join(ROOT, ".cache/schema-diff-"));
  try {
    await writeFile(join(dir, "prisma.config.ts"), CONFIG);
    await writeFile(join(dir, "to.prisma"), toDiffableSchema(to));
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", "from.prisma"];
    if (from !== null) await writeFile(join(dir, "from.prisma"), toDiffableSchema(from));
    const cli = join(ROOT, "node_modules/prisma-schema-diff/build/index.js");
    const args = [
      "migrate",
      "diff",
      "--config",
      "prisma.config.ts",
      ...fromArgs,
      "--to-schema-datamodel",
      "to.prisma",
      "--script",
    ];
    const { stdout } = await run(process.execPath, [cli, ...args], {
      cwd: dir,
      maxBuffer: 32 * 1024 * 1024,
      // Existing files stop the 6.19 CLI from trying to download engines it will not use.
      env: {
        ...process.env,
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
    return stdout.includes(EMPTY_MARKER) ? "" : stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
