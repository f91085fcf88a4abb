// The OAuth `state` of "Add to Slack", kept in the database rather than Bolt's default signed state:
// that one (a JWT) can be replayed until it expires and lives in one process's view of time; this one
// is single use (deleted by the redirect that brings it back, in one statement, so two instances
// racing with the same state cannot both win), expires after 10 minutes, and works across instances.
// The state also carries an HMAC under SLACK_STATE_SECRET, so a forged value is refused without a
// query, and only the state's SHA-256 is stored (a database reader cannot complete someone's install).
// Bolt additionally binds the state to the installer's browser with a cookie.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { InstallURLOptions, StateStore } from "@slack/bolt";
import type { Db } from "../../../db/open-database.ts";
import type { Clock } from "../../../kernel/app/context.ts";

export const STATE_TTL_MS = 10 * 60_000;

/** What Bolt's callback sees when a state is refused; its failure page shows this text. */
export class RefusedStateError extends Error {
  override name = "RefusedStateError";
  readonly code = "slack_oauth_invalid_state";
}

export function databaseStateStore(db: Db, clock: Clock, secret: string): StateStore {
  const mac = (nonce: string) => createHmac("sha256", secret).update(nonce).digest("base64url");
  const hash = (state: string) => createHash("sha256").update(state).digest("hex");

  return {
    async generateStateParam(installOptions: InstallURLOptions): Promise<string> {
      const now = clock.now();
      const nonce = randomBytes(32).toString("base64url");
      const state = `${nonce}.${mac(nonce)}`;
      // Abandoned installs leave rows: the expired ones go whenever someone starts a new install.
      await db.slackOAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
      await db.slackOAuthState.create({
        data: {
          stateHash: hash(state),
          installOptions: JSON.parse(JSON.stringify(installOptions)),
          expiresAt: new Date(now.getTime() + STATE_TTL_MS),
        },
      });
      return state;
    },

    async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
      const [nonce, signature] = state.split(".");
      const expected = nonce ? Buffer.from(mac(nonce)) : Buffer.alloc(0);
      const given = Buffer.from(signature ?? "");
      if (!nonce || given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new RefusedStateError("The state parameter was not issued by this app.");
      // Taken exactly once: a replay, a second instance or an expired state finds nothing to delete.
      const [row] = await db.$queryRaw<{ installOptions: unknown }[]>`
        DELETE FROM "SlackOAuthState" WHERE "stateHash" = ${hash(state)} AND "expiresAt" > ${clock.now()}
        RETURNING "installOptions"`;
      if (!row) throw new RefusedStateError("The state parameter has expired or was already used.");
      return row.installOptions as unknown as InstallURLOptions;
    },
  };
}
