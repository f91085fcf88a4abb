// One process per embedded data directory, and a clean stop: a second bot on the same DATA_DIR
// refuses with a clear message; SIGTERM stops the first (database closed, lock removed) with exit 0;
// a lock left by a dead process does not block the next start.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LOCK_FILE, lockDataDir } from "../../src/db/data-dir-lock.ts";
import { StartupError } from "../../src/startup/startup-error.ts";
import { killAll, STACK_LINE, spawnBot } from "./spawn-bot.ts";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ennakko-lock-"));
});
afterEach(killAll);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A pid that surely belongs to no running process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

// Spawns processes: a loaded CI machine may need more than the 30-s default.
describe("embedded data directory lock and stop", { timeout: 90_000 }, () => {
  it("a second process on the same DATA_DIR refuses; SIGTERM stops the first cleanly with exit 0", async () => {
    const dataDir = join(root, "shared");
    const first = spawnBot({ PORT: "0", DATA_DIR: dataDir });
    await first.waitFor('"msg":"ready"');
    // The human guide is on stderr; stdout carries log lines only, each one JSON.
    expect(first.stderr()).toContain("Ennakko is running");
    expect(first.stderr()).not.toMatch(/^\{/m);
    const lines = first.stdout().trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    const second = spawnBot({ PORT: "0", DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(
      `Another Ennakko process (pid ${first.child.pid}) is using this embedded database`,
    );
    expect(second.stderr()).not.toMatch(STACK_LINE);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.stdout()).toContain('"msg":"stopped"');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it("a stale lock (its process is gone) is taken over", async () => {
    const dataDir = join(root, "stale");
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const lock = await lockDataDir(dataDir);
    await lock.release();
  });

  it("a lock held by a live process on this host refuses, and so does a second open in one process", async () => {
    const dataDir = join(root, "live");
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(lockDataDir(dataDir)).rejects.toThrow(StartupError);
    await rm(join(dataDir, LOCK_FILE));

    const lock = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toThrow(/Another Ennakko process/);
    await lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
