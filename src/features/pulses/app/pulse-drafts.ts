// An anonymous member's unsubmitted answers (PulseDraft), sealed with AES-256-GCM under a key derived
// from their response token. The token rides only in the member's own message (buttons, form
// metadata); the database keeps SHA-256(person || token) to find the row and nothing from which the
// key can be made. So the row may be written in the same transaction as the member's participation:
// whoever links the two by xmin learns that a sealed blob is theirs, not what it says.
//
// The plaintext is padded to a multiple of PAD_BYTES before sealing: the length of a sealed draft
// should not match the length of one particular submitted response.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";

export function newResponseToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The stored form of a response token: bound to the member who holds it, so a token that reaches
 * someone else (a forwarded message) opens nothing. Without the token the hash cannot be computed
 * from the person, so it links nothing to them either.
 */
export function hashToken(token: string, personId: string): string {
  return createHash("sha256").update(`${personId}:${token}`, "utf8").digest("hex");
}

/** Answers by PulseQuestion id, as stored (see question-types.ts). */
export type DraftAnswers = Record<string, Prisma.InputJsonValue>;

const VERSION = "v1";
const PAD_BYTES = 1024;

function keyOf(token: string): Buffer {
  // A different derivation from hashToken's, so the stored hash tells nothing about the key.
  return createHmac("sha256", token).update("ennakko pulse draft key v1").digest();
}

export function sealDraft(token: string, pulseId: string, answers: DraftAnswers): string {
  const json = Buffer.from(JSON.stringify(answers), "utf8");
  // JSON ignores trailing spaces; they hide the length up to the next PAD_BYTES.
  const padded = Buffer.alloc(Math.ceil((json.length + 1) / PAD_BYTES) * PAD_BYTES, 0x20);
  json.copy(padded);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(token), iv);
  cipher.setAAD(Buffer.from(pulseId, "utf8"));
  const sealed = Buffer.concat([cipher.update(padded), cipher.final()]);
  return [VERSION, iv, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Null when the token does not open it (another pulse, a tampered row). */
export function openDraft(token: string, pulseId: string, sealed: string): DraftAnswers | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(token), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(pulseId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as DraftAnswers;
  } catch {
    return null;
  }
}

export type Draft = { tokenHash: string; answers: DraftAnswers };

/** The member's draft of this pulse found by their token, opened; null when there is none. */
export async function findDraft(
  tx: Tx,
  pulseId: string,
  personId: string,
  token: string,
): Promise<Draft | null> {
  const tokenHash = hashToken(token, personId);
  const row = await tx.pulseDraft.findUnique({ where: { tokenHash } });
  if (!row || row.pulseId !== pulseId) return null;
  const answers = openDraft(token, pulseId, row.sealed);
  return answers ? { tokenHash, answers } : null;
}

export async function saveDraft(
  tx: Tx,
  pulseId: string,
  personId: string,
  token: string,
  answers: DraftAnswers,
): Promise<void> {
  const tokenHash = hashToken(token, personId);
  const sealed = sealDraft(token, pulseId, answers);
  await tx.pulseDraft.upsert({
    where: { tokenHash },
    create: { tokenHash, pulseId, sealed },
    update: { sealed },
  });
}
