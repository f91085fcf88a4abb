// `npm run build`: generates the Prisma client and compiles src/ to dist/ (plain JavaScript that
// `node dist/main.js` runs with a read-only source tree). Plain .mjs, so it runs before anything is built.
// Also imported by scripts/start.mjs, which builds only when the sources are newer than the build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = join(ROOT, "dist", ".build-stamp");
const SCHEMA = join(ROOT, "prisma", "schema.prisma");
const GENERATED = join(ROOT, "src", "generated", "prisma", "client.ts");
/** What a build is made from: a change to any of these makes the build stale. */
const INPUTS = ["src", "prisma/schema.prisma", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs; // a deleted file shows as its directory's change
  for (const entry of readdirSync(path)) {
    if (path === join(ROOT, "src") && entry === "generated") continue; // an output, not an input
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why a build is needed, or null when dist/ is up to date. */
export function staleReason() {
  if (!existsSync(STAMP)) return "no build yet";
  const built = statSync(STAMP).mtimeMs;
  const changed = INPUTS.find((input) => newestMtime(join(ROOT, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

function run(args) {
  // Their output goes to stderr: stdout carries only the bot's structured output.
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(
      `Build failed: node ${args.join(" ")} exited with ${result.status ?? result.signal}\n`,
    );
    process.exit(1);
  }
}

export function build() {
  const started = Date.now();
  if (!existsSync(GENERATED) || statSync(SCHEMA).mtimeMs > statSync(GENERATED).mtimeMs)
    run(["node_modules/prisma/build/index.js", "generate"]);
  // A clean build: a source deleted since the last one must not linger in dist/.
  rmSync(join(ROOT, "dist"), { recursive: true, force: true });
  run(["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"]);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.stderr.write(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
