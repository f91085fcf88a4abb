// Start-up check of the Slack bot token (auth.test), so an invalid or revoked token stops the start
// with a clear message instead of failing on the first click after "Ennakko is running".
import { StartupError } from "../../startup/startup-error.ts";

/** Slack's answers meaning the token itself is wrong (anything else is not the operator's token). */
const BAD_TOKEN = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
  "not_allowed_token_type",
]);

export type TokenCheck = { ok: true; team: string; user: string } | { ok: false; reason: string };

/**
 * Throws StartupError when Slack says the token is bad. When Slack cannot be reached the start goes
 * on (Teams may still serve, and Slack retries later); the reason is returned to be logged.
 */
export async function checkSlackToken(
  apiUrl: string,
  token: string,
  timeoutMs = 10_000,
): Promise<TokenCheck> {
  let body: { ok?: boolean; error?: string; team?: string; user?: string };
  try {
    const res = await fetch(`${apiUrl}auth.test`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = (await res.json()) as typeof body;
  } catch (error) {
    return { ok: false, reason: `Slack API at ${apiUrl} not reachable: ${(error as Error).message}` };
  }
  if (body.ok) return { ok: true, team: String(body.team ?? ""), user: String(body.user ?? "") };
  const error = String(body.error ?? "unknown_error");
  if (BAD_TOKEN.has(error))
    throw new StartupError(
      `SLACK_BOT_TOKEN was refused by Slack (${error}): the token is invalid, revoked or the app was uninstalled. ` +
        "Reinstall the app (OAuth & Permissions → Install to Workspace) and copy the new Bot User OAuth Token (xoxb-…).",
    );
  return { ok: false, reason: `Slack auth.test answered ${error}` };
}
