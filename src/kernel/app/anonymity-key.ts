// The key behind members' own sealed anonymous answers. A token per member and subject is derived
// from a server secret that is never stored in the database (ANONYMITY_KEY, or derived from the
// platform secret: config/env.ts), so the bot can open a member's own answers for them, and a copy of
// the database alone cannot tie an answer to anyone.
import { createHash, createHmac, randomBytes } from "node:crypto";
import type { AppContext } from "./context.ts";

/** Without a configured key (tests, no platform): one random key for the life of this process. */
let processKey: Buffer | null = null;

export function anonymityKeyOf(ctx: Pick<AppContext, "anonymityKey">): Buffer {
  if (ctx.anonymityKey) return ctx.anonymityKey;
  processKey ??= randomBytes(32);
  return processKey;
}

/** HMAC(anonymityKey, person || subject): the member's token for one subject (e.g. one Delphi). */
export function memberToken(key: Buffer, personId: string, subjectId: string): string {
  return createHmac("sha256", key).update(`${personId}|${subjectId}`, "utf8").digest("base64url");
}

/** The stored row id of a member's seal: SHA-256(person || token), which names neither. */
export function tokenHashOf(personId: string, token: string): string {
  return createHash("sha256").update(`${personId}:${token}`, "utf8").digest("hex");
}
