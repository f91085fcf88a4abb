// Starts the real bot in-process (real HTTP server, real Bolt, real CloudAdapter) on a fresh test
// database, configured through the same env schema as production.
import { type RunningBot, startBot } from "../../src/bot.ts";
import { loadConfig } from "../../src/config/env.ts";
import type { Clock } from "../../src/kernel/app/context.ts";
import { type Logger, silentLogger } from "../../src/log/logger.ts";
import type { BotIdentityEndpoints } from "../../src/platforms/teams/teams-auth.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { SIGNING_SECRET } from "./slack-requests.ts";

export type TestBot = { bot: RunningBot; db: TestDatabase; baseUrl: string; stop(): Promise<void> };

/**
 * Jobs are off unless a test asks; "manual" lets it tick them itself (`bot.jobs.scheduler.tick("outbox")`).
 * `log`: where the bot logs (a test reading its lines); silent unless TEST_LOGS is set.
 */
export async function startTestBot(
  env: Record<string, string | undefined>,
  db?: TestDatabase,
  options: {
    jobs?: boolean | "manual";
    log?: Logger;
    teamsIdentity?: BotIdentityEndpoints;
    clock?: Clock;
  } = {},
): Promise<TestBot> {
  const database = db ?? (await createTestDatabase());
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "error", ...env });
  const bot = await startBot({
    config,
    database,
    log: options.log ?? (process.env.TEST_LOGS ? undefined : silentLogger),
    jobs: options.jobs ?? false,
    teamsIdentity: options.teamsIdentity,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    bot,
    db: database,
    baseUrl: `http://127.0.0.1:${bot.port}`,
    async stop() {
      await bot.stop();
      if (!db) await database.close();
    },
  };
}

export const slackHttpEnv = (apiUrl: string) => ({
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: apiUrl,
});
