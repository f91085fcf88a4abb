// `npm run migrate` (src/migrate-main.ts): applies the migrations without starting the bot, and on the
// embedded database refuses while another process holds the data directory.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { LOCK_FILE } from "../../src/db/data-dir-lock.ts";
import { readMigrations } from "../../src/db/migrate.ts";
import { MIGRATIONS_DIR } from "../../src/db/open-database.ts";
import { killAll, STACK_LINE, spawnBot } from "./spawn-bot.ts";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ennakko-migrate-"));
});
afterEach(killAll);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it("applies every migration to a new embedded database and exits 0 without serving", {
  timeout: 90_000,
}, async () => {
  const dataDir = join(root, "data");
  const run = spawnBot({ DATA_DIR: dataDir }, "src/migrate-main.ts");
  expect(await run.exited, run.stderr()).toBe(0);
  const names = (await readMigrations(MIGRATIONS_DIR)).map((m) => m.name);
  const done = run
    .stdout()
    .split("\n")
    .map((line) => (line.startsWith("{") ? (JSON.parse(line) as { msg: string; applied?: string[] }) : null))
    .find((entry) => entry?.msg === "migrations done");
  expect(done?.applied).toEqual(names);
  expect(run.stderr()).not.toContain("Ennakko is running");
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
});

it("refuses while another live process holds the data directory", { timeout: 90_000 }, async () => {
  const dataDir = join(root, "busy");
  await mkdir(dataDir, { recursive: true });
  // This test process stands in for a running bot.
  await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname() }));
  const run = spawnBot({ DATA_DIR: dataDir }, "src/migrate-main.ts");
  expect(await run.exited).toBe(1);
  expect(run.stderr()).toContain(`Another Ennakko process (pid ${process.pid})`);
  expect(run.stderr()).not.toMatch(STACK_LINE);
  expect(existsSync(join(dataDir, "pglite"))).toBe(false);
});
