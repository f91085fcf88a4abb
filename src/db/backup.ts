// Backups of the embedded database. PGlite holds its data directory exclusively, so a backup of a
// running bot is taken by the bot itself (scheduled, or on SIGUSR2); `npm run backup` opens the
// directory itself and therefore needs the bot stopped. A backup is PGlite's own tarball of the data
// directory (gzip), which `restoreEmbedded` loads into a fresh directory.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

export const BACKUP_PREFIX = "ennakko-";
export const BACKUP_SUFFIX = ".tar.gz";

/**
 * A consistent dump: taken while no transaction is open (the transaction lock is held, so Prisma's
 * interactive transactions wait a moment), after a checkpoint, so the tarball is a committed state.
 */
export async function dumpEmbedded(pglite: PGlite): Promise<Uint8Array> {
  // Inside a transaction of our own: PGlite serializes transactions, so Prisma's wait for this one
  // (and this one for theirs); dumpDataDir itself only takes the per-query lock.
  const blob = await pglite.transaction(async (tx) => {
    await tx.exec("CHECKPOINT");
    return pglite.dumpDataDir("gzip");
  });
  return new Uint8Array(await blob.arrayBuffer());
}

/** Writes a dump into `dir` as ennakko-<UTC time, e.g. 20261206T041011.123Z>.tar.gz (via a temporary name) and keeps the newest `keep`. */
export async function writeBackup(
  pglite: PGlite,
  dir: string,
  options: { keep?: number; now?: Date } = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  // Milliseconds kept: a SIGUSR2 right after a scheduled backup never reuses (and overwrites) its name.
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, "");
  const file = join(dir, `${BACKUP_PREFIX}${stamp}${BACKUP_SUFFIX}`);
  const partial = `${file}.partial`;
  await writeFile(partial, await dumpEmbedded(pglite));
  // A rename is atomic: a crash mid-write never leaves a truncated file that looks like a backup.
  await rename(partial, file);
  if (options.keep !== undefined) await pruneBackups(dir, options.keep);
  return file;
}

/** Deletes all but the newest `keep` backups in `dir` (names sort by time). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir))
    .filter((n) => n.startsWith(BACKUP_PREFIX) && n.endsWith(BACKUP_SUFFIX))
    .sort();
  const doomed = names.slice(0, Math.max(0, names.length - Math.max(1, keep)));
  for (const name of doomed) await rm(join(dir, name));
  return doomed;
}

/**
 * Loads a backup into `dataDir/pglite` for a stopped bot. The current directory is kept beside it
 * (pglite.before-restore-<time>) rather than deleted, so a wrong file can be undone.
 */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  now = new Date(),
): Promise<{ restored: string; keptAside?: string }> {
  const tarball = await readFile(file);
  const target = join(dataDir, "pglite");
  let keptAside: string | undefined;
  if (await exists(target)) {
    keptAside = `${target}.before-restore-${now.toISOString().replace(/[-:.]/g, "")}`;
    await rename(target, keptAside);
  }
  await mkdir(target, { recursive: true });
  try {
    const pglite = await PGlite.create(target, { loadDataDir: new Blob([tarball]) });
    // Proves the restored directory opens and answers before we call it done.
    await pglite.query("SELECT count(*) FROM _prisma_migrations");
    await pglite.close();
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    if (keptAside) await rename(keptAside, target);
    throw new Error(`${file} is not a usable Ennakko backup; the data directory is unchanged`, {
      cause: error,
    });
  }
  return keptAside ? { restored: target, keptAside } : { restored: target };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Runs `writeBackup` every `intervalMs` (the first after one interval; 0 = only on `runNow`) until
 * stopped; failures go to `onError`, never thrown.
 */
export function scheduleBackups(options: {
  pglite: PGlite;
  dir: string;
  keep: number;
  intervalMs: number;
  onDone(file: string): void;
  onError(error: unknown): void;
}): { runNow(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const runNow = () => {
    if (stopped) return running;
    // One backup at a time: a SIGUSR2 during a scheduled backup queues behind it.
    running = running.then(() =>
      writeBackup(options.pglite, options.dir, { keep: options.keep }).then(options.onDone, options.onError),
    );
    return running;
  };
  const timer = options.intervalMs > 0 ? setInterval(() => void runNow(), options.intervalMs) : null;
  timer?.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
