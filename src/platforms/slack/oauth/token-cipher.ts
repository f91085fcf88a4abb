// Bot tokens at rest: AES-256-GCM under SLACK_TOKEN_ENCRYPTION_KEY, a fresh 12-byte IV per token, the
// installation's team id as additional data (a ciphertext copied onto another team's row does not
// decrypt). Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url), so a later key or scheme can say so.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

export type TokenCipher = {
  encrypt(token: string, teamId: string): string;
  /** Throws when the value was not sealed with this key for this team (tampered, or another key). */
  decrypt(sealed: string, teamId: string): string;
};

export function tokenCipher(key: Buffer): TokenCipher {
  if (key.length !== 32) throw new Error("the token encryption key must be 32 bytes");
  return {
    encrypt(token, teamId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(teamId, "utf8"));
      const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
      return [VERSION, ...parts].join(".");
    },
    decrypt(sealed, teamId) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new Error("not a sealed token of this version");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(teamId, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}
