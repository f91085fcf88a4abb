// The scheduled backup of the embedded database (documented in .env.example, section "Backups").
// Kept apart from env.ts because only main.ts needs it, and only on the embedded engine.
import { join } from "node:path";
import { z } from "zod";
import { ConfigError } from "./env.ts";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const BackupEnv = z.object({
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
  BACKUP_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  BACKUP_EVERY_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a number of hours, e.g. BACKUP_EVERY_HOURS=24 (0 = off)" })
      .min(0, "must be 0 (off) or more")
      .default(24),
  ),
  BACKUP_KEEP: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a whole number, e.g. BACKUP_KEEP=7" })
      .int("must be a whole number, e.g. BACKUP_KEEP=7")
      .min(1, "must be at least 1")
      .default(7),
  ),
});

export type BackupSettings = { dir: string; everyMs: number; keep: number };

export function loadBackupSettings(source: Record<string, string | undefined> = process.env): BackupSettings {
  const parsed = BackupEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")} ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return {
    dir: env.BACKUP_DIR ?? join(env.DATA_DIR, "backups"),
    everyMs: env.BACKUP_EVERY_HOURS * 3_600_000,
    keep: env.BACKUP_KEEP,
  };
}
