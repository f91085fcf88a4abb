// What `npm start` prints: where the bot listens and exactly what is missing to connect each platform.
import type { Config } from "./config/env.ts";

export function connectionGuide(config: Config, port: number): string {
  const base = `http://localhost:${port}`;
  const db =
    config.database.kind === "embedded"
      ? `embedded PostgreSQL (PGlite) in ${config.database.dataDir}/pglite`
      : "PostgreSQL (DATABASE_URL)";
  const lines = [
    "",
    `Ennakko is running on ${base}  (health: ${base}/healthz, database: ${db})`,
    "",
    ...slackLines(config, base),
    "",
    ...teamsLines(config, base),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

function slackLines(config: Config, base: string): string[] {
  switch (config.slack.mode) {
    case "socket":
      return ["Slack: connected by Socket Mode (no public URL needed)."];
    case "http":
      return [
        `Slack: HTTP mode. Point the slash command, interactivity and events URLs at https://<public host>/slack/events (here ${base}/slack/events).`,
      ];
    case "oauth":
      return [
        `Slack: OAuth mode (many workspaces). Events, commands and interactivity: https://<public host>/slack/events; redirect URL: https://<public host>/slack/oauth_redirect.`,
        `  "Add to Slack": https://<public host>/slack/install (here ${base}/slack/install).`,
      ];
    case "off":
      return [
        "Slack: not connected. To connect:",
        "  1. https://api.slack.com/apps → Create New App → From a manifest → paste manifests/slack/manifest.json",
        "  2. Install it to your workspace; copy the Bot User OAuth Token (xoxb-…) into .env as SLACK_BOT_TOKEN",
        "  3. Socket Mode (no public URL): Basic Information → App-Level Tokens → create one with connections:write,",
        "     put it in .env as SLACK_APP_TOKEN.  HTTP mode instead: set SLACK_SIGNING_SECRET and turn Socket Mode off.",
        "  4. Restart with npm start, then in a channel: /cluster setup <name>",
      ];
  }
}

function teamsLines(config: Config, base: string): string[] {
  if (config.teams.mode === "authenticated")
    return [
      `Teams: endpoint ${base}/api/messages (app ${config.teams.appId}); expose it over HTTPS as the bot's messaging endpoint.`,
    ];
  const head =
    config.teams.mode === "anonymous-local"
      ? [
          "!!! Teams: TEAMS_ANONYMOUS=local — /api/messages accepts UNAUTHENTICATED requests from this machine",
          `!!! (loopback callers with a loopback serviceUrl only; no e-mail linking). Local tools only: ${base}/api/messages`,
          "To connect Teams instead:",
        ]
      : ["Teams: not connected (/api/messages is not served). To connect:"];
  return [
    ...head,
    "  1. Azure portal → create an Azure Bot; note its Microsoft App ID, create a client secret",
    "  2. Put MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID, MICROSOFT_APP_TYPE) in .env",
    "  3. Set the bot's messaging endpoint to https://<public host>/api/messages and enable the Microsoft Teams channel",
    "  4. MICROSOFT_APP_ID=… npm run teams:package → upload manifests/teams/build/ennakko-teams.zip in Teams (Apps → Manage your apps)",
  ];
}
