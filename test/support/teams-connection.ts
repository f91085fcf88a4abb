// The fake Teams side a bot is started against: a connector, and (authenticated, as in production)
// the identity service that signs activities and issues the bot's tokens. The env and options to
// start the bot with come along, so Slack-and-Teams tests start both the same way.
import type { BotIdentityEndpoints } from "../../src/platforms/teams/teams-auth.ts";
import { FakeBotConnector } from "../fakes/bot-connector.ts";
import { FakeBotIdentity } from "../fakes/bot-identity.ts";

export type TeamsConnection = {
  connector: FakeBotConnector;
  identity: FakeBotIdentity | null;
  env: Record<string, string>;
  teamsIdentity?: BotIdentityEndpoints;
};

export async function connectTeams(
  mode: "authenticated" | "anonymous-local" = "authenticated",
): Promise<TeamsConnection> {
  const connector = await new FakeBotConnector().start();
  if (mode === "anonymous-local") return { connector, identity: null, env: { TEAMS_ANONYMOUS: "local" } };
  const identity = await new FakeBotIdentity().start();
  connector.authenticateWith(identity);
  return {
    connector,
    identity,
    env: { MICROSOFT_APP_ID: identity.appId, MICROSOFT_APP_PASSWORD: identity.appPassword },
    teamsIdentity: identity.endpoints,
  };
}
