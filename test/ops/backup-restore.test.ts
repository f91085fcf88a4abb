// Backup and restore of the embedded database, end to end: data written through the bot's own use
// cases, a backup taken by the process holding the database, the directory wiped, the backup
// restored, and every table exactly as it was at the backup.
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot } from "../../src/bot.ts";
import { loadConfig } from "../../src/config/env.ts";
import { pruneBackups, restoreEmbedded, writeBackup } from "../../src/db/backup.ts";
import { type Database, openDatabase } from "../../src/db/open-database.ts";
import { joinCluster } from "../../src/features/clusters/app/join-cluster.ts";
import { listMembers } from "../../src/features/clusters/app/list-members.ts";
import { setupCluster } from "../../src/features/clusters/app/setup-cluster.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createTestDatabase } from "../support/database.ts";
import { slackChannel, slackUser } from "../support/people.ts";
import { tableDigests } from "../support/table-digests.ts";

const energy = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino Chair");
const member = slackUser("U-MEMBER", "Mikko Member");
const late = slackUser("U-LATE", "Liisa Late");

let root: string;
let open: Database | null = null;
const context = (db: Database): AppContext => ({
  db: db.prisma,
  clock: { now: () => new Date("2026-11-22T10:00:00Z") },
  compose: surfaceComposer,
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ennakko-backup-"));
});
afterAll(async () => {
  await open?.close();
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(process.env.TEST_DATABASE === "postgres")("embedded backup and restore", () => {
  it("restores every row as of the backup after the data directory is wiped", async () => {
    const dataDir = join(root, "data");
    const backupDir = join(root, "backups");
    open = await openDatabase({ kind: "embedded", dataDir });
    const ctx = context(open);
    const setup = await setupCluster(ctx, {
      actor: chair,
      conversation: energy,
      name: "Energy",
      sector: "energy",
    });
    expect(setup.ok).toBe(true);
    expect((await joinCluster(ctx, { actor: member, conversation: energy })).ok).toBe(true);
    const atBackup = await tableDigests(open, []);

    // Taken while a use case is writing: the backup holds either none or all of that write.
    const [file] = await Promise.all([
      writeBackup(open.pglite!, backupDir, { keep: 3 }),
      joinCluster(ctx, { actor: late, conversation: energy }),
    ]);
    const afterLateJoin = await tableDigests(open, []);
    expect(afterLateJoin).not.toEqual(atBackup);
    await open.close();
    open = null;

    await rm(join(dataDir, "pglite"), { recursive: true });
    await restoreEmbedded(file, dataDir);
    open = await openDatabase({ kind: "embedded", dataDir });
    expect(open.migrations.applied).toEqual([]);
    const restored = await tableDigests(open, []);
    expect([atBackup, afterLateJoin]).toContainEqual(restored);
    const members = await listMembers(context(open), { actor: chair, conversation: energy });
    expect(members.ok && members.value.members.map((m) => m.displayName)).toEqual(
      expect.arrayContaining(["Aino Chair", "Mikko Member"]),
    );
  });

  it("refuses a file that is not a backup and leaves the data directory as it was", async () => {
    const dataDir = join(root, "data");
    await open?.close();
    open = null;
    const before = await readdir(join(dataDir, "pglite"));
    const junk = join(root, "junk.tar.gz");
    await writeFile(junk, "not a tarball");
    await expect(restoreEmbedded(junk, dataDir)).rejects.toThrow(/not a usable Ennakko backup/);
    expect(await readdir(join(dataDir, "pglite"))).toEqual(before);
    expect(await readdir(dataDir)).toEqual(["pglite"]);
    open = await openDatabase({ kind: "embedded", dataDir });
    expect((await listMembers(context(open), { actor: chair, conversation: energy })).ok).toBe(true);
  });
});

describe("backup retention", () => {
  it("keeps the newest backups only, and never other files", async () => {
    const dir = join(root, "retention");
    await rm(dir, { recursive: true, force: true });
    await mkdtempLike(dir);
    const names = ["20261201T000000Z", "20261202T000000Z", "20261203T000000Z", "20261204T000000Z"].map(
      (s) => `ennakko-${s}.tar.gz`,
    );
    for (const n of [...names, "notes.txt"]) await writeFile(join(dir, n), "x");
    expect(await pruneBackups(dir, 2)).toEqual(names.slice(0, 2));
    expect((await readdir(dir)).sort()).toEqual([...names.slice(2), "notes.txt"].sort());
  });
});

async function mkdtempLike(dir: string) {
  const { mkdir } = await import("node:fs/promises");
  await mkdir(dir, { recursive: true });
  expect((await stat(dir)).isDirectory()).toBe(true);
}

describe.skipIf(process.env.TEST_DATABASE === "postgres")("backups taken by the running bot", () => {
  it("writes a backup on demand (SIGUSR2 in main.ts) and keeps only BACKUP_KEEP of them", async () => {
    const db = await createTestDatabase();
    const dir = join(root, "bot-backups");
    const bot = await startBot({
      config: loadConfig({ PORT: "0", LOG_LEVEL: "error" }),
      database: db,
      log: silentLogger,
      jobs: false,
      backups: { dir, everyMs: 0, keep: 2 },
    });
    try {
      expect(bot.backupNow).toBeDefined();
      // Back to back, as a signal arriving during a backup would: each waits for the one before.
      await Promise.all([bot.backupNow!(), bot.backupNow!(), bot.backupNow!()]);
      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(2);
      for (const f of files) expect(f).toMatch(/^ennakko-\d{8}T\d{6}\.\d{3}Z\.tar\.gz$/);
      const restoreInto = join(root, "from-bot");
      await restoreEmbedded(join(dir, files[1]!), restoreInto);
      const reopened = await openDatabase({ kind: "embedded", dataDir: restoreInto });
      expect(reopened.migrations.applied).toEqual([]);
      await reopened.close();
    } finally {
      await bot.stop();
      await db.close();
    }
  });
});
