// One process per embedded data directory: PGlite has no locking of its own, so two bots on one
// directory would both run and one side's writes would be lost. A lock file holds the owner's pid;
// a lock left by a process that no longer exists (a crash, a killed container) is taken over.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { StartupError } from "../startup/startup-error.ts";

export const LOCK_FILE = "ennakko.lock";

/** Directories this process holds: a second open in the same process is refused too. */
const held = new Set<string>();

export type DataDirLock = { path: string; release(): Promise<void> };

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  if (held.has(path)) throw alreadyRunning(path, process.pid);
  // A first start (or a tool) may open a directory that does not exist yet: the lock comes first.
  await mkdir(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, "wx");
      await file.writeFile(`${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
      await file.close();
      held.add(path);
      return {
        path,
        async release() {
          held.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = await readOwner(path);
      if (owner && isAlive(owner)) throw alreadyRunning(path, owner.pid);
      // Stale: its process is gone. Remove it and try once more (another starter may win the race).
      await rm(path, { force: true });
    }
  }
  throw alreadyRunning(path, (await readOwner(path))?.pid);
}

type Owner = { pid: number; host: string };

async function readOwner(path: string): Promise<Owner | null> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as Partial<Owner>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, host: String(parsed.host ?? "") } : null;
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function isAlive(owner: Owner): boolean {
  // Another machine sharing the directory (a network volume): we cannot see its processes, so refuse.
  if (owner.host !== hostname()) return true;
  // Our own pid in the file, yet not held by us: a previous run in a fresh container (often pid 1).
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}

function alreadyRunning(path: string, pid: number | undefined): StartupError {
  return new StartupError(
    `Another Ennakko process${pid ? ` (pid ${pid})` : ""} is using this embedded database: ${path}. ` +
      "Only one process may use a DATA_DIR; stop the other one first, or give this one its own DATA_DIR. " +
      "(Several instances need PostgreSQL: set DATABASE_URL.) If no such process exists, delete the lock file.",
  );
}
