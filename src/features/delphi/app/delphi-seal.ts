// A member's own Delphi answers (DelphiSeal), sealed with AES-256-GCM under a key derived from their
// token for this Delphi: HMAC(anonymityKey, person || delphi). The row is found by
// SHA-256(person || token). The anonymity key is not in the database, so a dump can neither compute a
// member's row id nor open any row; the bot can, to show a member how their own answer moved.
//
// The plaintext is padded to a multiple of PAD_BYTES: a seal's length should not say how many
// statements its member has answered.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { anonymityKeyOf, memberToken, tokenHashOf } from "../../../kernel/app/anonymity-key.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { type Rating, ratingSchema } from "../domain/scales.ts";

const VERSION = "v1";
const PAD_BYTES = 1024;

/** Ratings by round number, then by statement id; `explained`: "round:statementId" asked and answered. */
const ownSchema = z.object({
  rounds: z.record(z.string(), z.record(z.string(), ratingSchema)),
  explained: z.array(z.string()),
});
export type OwnAnswers = z.infer<typeof ownSchema>;

export const emptyOwn = (): OwnAnswers => ({ rounds: {}, explained: [] });

export type SealKey = { tokenHash: string; token: string; delphiId: string };

export function sealKeyOf(
  ctx: Pick<AppContext, "anonymityKey">,
  personId: string,
  delphiId: string,
): SealKey {
  const token = memberToken(anonymityKeyOf(ctx), personId, delphiId);
  return { token, tokenHash: tokenHashOf(personId, token), delphiId };
}

function aesKey(token: string): Buffer {
  // A different derivation from the row id's, so the stored hash tells nothing about the key.
  return createHmac("sha256", token).update("ennakko delphi seal key v1").digest();
}

export function seal(key: SealKey, own: OwnAnswers): string {
  const json = Buffer.from(JSON.stringify(own), "utf8");
  const padded = Buffer.alloc(Math.ceil((json.length + 1) / PAD_BYTES) * PAD_BYTES, 0x20);
  json.copy(padded);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", aesKey(key.token), iv);
  cipher.setAAD(Buffer.from(key.delphiId, "utf8"));
  const body = Buffer.concat([cipher.update(padded), cipher.final()]);
  return [VERSION, ...[iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url"))].join(".");
}

/** Null when the key does not open it (another key, a tampered row). */
export function unseal(key: SealKey, sealed: string): OwnAnswers | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", aesKey(key.token), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(key.delphiId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
    const parsed = ownSchema.safeParse(JSON.parse(plain.toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The member's own answers (empty when there are none, or the key changed since). */
export async function readOwn(tx: Tx, key: SealKey): Promise<OwnAnswers> {
  const row = await tx.delphiSeal.findUnique({ where: { tokenHash: key.tokenHash } });
  if (!row || row.delphiId !== key.delphiId) return emptyOwn();
  return unseal(key, row.sealed) ?? emptyOwn();
}

/**
 * Reads the member's seal for a change, locked: two answers of one member at once take turns, so
 * neither overwrites the other's. The row is created first if missing (ON CONFLICT: no abort).
 */
export async function lockOwn(tx: Tx, key: SealKey): Promise<OwnAnswers> {
  await tx.$executeRaw`
    INSERT INTO "DelphiSeal" ("tokenHash", "delphiId", sealed)
    VALUES (${key.tokenHash}, ${key.delphiId}, ${seal(key, emptyOwn())})
    ON CONFLICT ("tokenHash") DO NOTHING`;
  const rows = await tx.$queryRaw<{ sealed: string }[]>`
    SELECT sealed FROM "DelphiSeal" WHERE "tokenHash" = ${key.tokenHash} FOR UPDATE`;
  const sealed = rows[0]?.sealed;
  return (sealed ? unseal(key, sealed) : null) ?? emptyOwn();
}

export async function writeOwn(tx: Tx, key: SealKey, own: OwnAnswers): Promise<void> {
  await tx.delphiSeal.update({ where: { tokenHash: key.tokenHash }, data: { sealed: seal(key, own) } });
}

export function ownRating(own: OwnAnswers, round: number, statementId: string): Rating | null {
  return own.rounds[String(round)]?.[statementId] ?? null;
}
