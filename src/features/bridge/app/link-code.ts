// One-time link codes: a chair bridges a cluster to a channel on the other platform, a person joins
// their Slack and Teams accounts. Only the code's SHA-256 is stored, so a database reader cannot use
// a pending code; the code itself exists only in the answer to the person who asked for it.
import { createHash, randomInt } from "node:crypto";
import type { LinkCode } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { Platform } from "../../../kernel/domain/platform-user.ts";

export type LinkCodeKind = "channel" | "person";

/** A channel code travels between organisations (e-mail, a phone call); an account code between two apps open side by side. */
export const LINK_CODE_VALID_MS: Record<LinkCodeKind, number> = {
  channel: 24 * 60 * 60 * 1000,
  person: 15 * 60 * 1000,
};

// No 0/O, 1/I/L: the code is read aloud and retyped. 8 of 31 symbols: about 40 bits, used once.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 8;

/** A fresh code as people see it, e.g. `K7QM-4XPD`. */
export function newLinkCode(): string {
  const symbols = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${symbols.slice(0, 4).join("")}-${symbols.slice(4).join("")}`;
}

/** What was typed, as stored: case, spaces and dashes do not matter; anything else is no code of ours. */
export function normaliseLinkCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== LENGTH) return null;
  return [...compact].every((c) => ALPHABET.includes(c)) ? compact : null;
}

export const hashLinkCode = (normalised: string): string =>
  createHash("sha256").update(`ennakko-link:${normalised}`, "utf8").digest("hex");

export async function storeLinkCode(
  tx: Tx,
  input: { kind: LinkCodeKind; clusterId: string | null; personId: string; now: Date },
): Promise<{ code: string; expiresAt: Date }> {
  const code = newLinkCode();
  const expiresAt = new Date(input.now.getTime() + LINK_CODE_VALID_MS[input.kind]);
  await tx.linkCode.create({
    data: {
      code: hashLinkCode(normaliseLinkCode(code)!),
      kind: input.kind,
      clusterId: input.clusterId,
      personId: input.personId,
      expiresAt,
    },
  });
  return { code, expiresAt };
}

/**
 * Marks the code used, only if it still is unused and unexpired. Two people typing the same code at
 * once: exactly one update matches, the other transaction gets false and changes nothing.
 */
export async function consumeLinkCode(tx: Tx, row: LinkCode, now: Date): Promise<boolean> {
  const { count } = await tx.linkCode.updateMany({
    where: { code: row.code, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

export const otherPlatform = (platform: Platform): Platform => (platform === "SLACK" ? "TEAMS" : "SLACK");

/** Product names, the same in every language. */
export const platformLabel = (platform: Platform): string => (platform === "SLACK" ? "Slack" : "Teams");
