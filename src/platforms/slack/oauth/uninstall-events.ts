// A workspace that uninstalls the app, or revokes its bot token, gets its installation (and the sealed
// token) deleted at once. From then on the outbox finds no token for that team and fails its rows
// permanently, with an audit entry, instead of retrying a dead token. Bolt delivers both events
// without authorizing them (the token may already be gone).
import type { App } from "@slack/bolt";
import type { Logger } from "../../../log/logger.ts";
import type { SlackInstallations } from "./installation-store.ts";

export function registerUninstallEvents(app: App, installations: SlackInstallations, log: Logger): void {
  app.event("app_uninstalled", async ({ body }) => {
    const team = teamOf(body);
    if (!team) return log.warn("app_uninstalled without a team id");
    const removed = await installations.remove(team);
    log.info("slack workspace uninstalled the app", { team, removed });
  });

  app.event("tokens_revoked", async ({ body, event }) => {
    const team = teamOf(body);
    // We hold bot tokens only: a revoked user token (someone's sign-in elsewhere) changes nothing here.
    if (!team || (event.tokens.bot ?? []).length === 0) return;
    const removed = await installations.remove(team);
    log.info("slack workspace revoked the bot token", { team, removed });
  });
}

function teamOf(body: unknown): string | undefined {
  const teamId = (body as { team_id?: unknown }).team_id;
  return typeof teamId === "string" && teamId !== "" ? teamId : undefined;
}
