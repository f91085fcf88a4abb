import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/env.ts";
import { connectionGuide } from "../../src/connection-guide.ts";

describe("configuration", () => {
  it("starts with nothing set: embedded database, Slack off, Teams off (not served)", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      database: { kind: "embedded", dataDir: "./data" },
      slack: { mode: "off" },
      teams: { mode: "off", appType: "MultiTenant" },
    });
    expect(config.teams.appId).toBeUndefined();
  });

  it("serves Teams anonymously only when asked on purpose, and never beside an App ID", () => {
    expect(loadConfig({ TEAMS_ANONYMOUS: "local" }).teams.mode).toBe("anonymous-local");
    expect(loadConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" }).teams.mode).toBe(
      "authenticated",
    );
    expect(() => loadConfig({ TEAMS_ANONYMOUS: "yes" })).toThrow("TEAMS_ANONYMOUS must be 'local'");
    expect(() =>
      loadConfig({ TEAMS_ANONYMOUS: "local", MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" }),
    ).toThrow("TEAMS_ANONYMOUS must be unset when MICROSOFT_APP_ID is set");
  });

  it("says loudly at start-up that anonymous Teams is on", () => {
    const guide = connectionGuide(loadConfig({ TEAMS_ANONYMOUS: "local" }), 3978);
    expect(guide).toContain("UNAUTHENTICATED");
    expect(connectionGuide(loadConfig({}), 3978)).toContain("not served");
  });

  it("chooses Socket Mode when an app token is set, HTTP mode with a signing secret", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack.mode).toBe("socket");
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).slack).toMatchObject({
      mode: "http",
      apiUrl: "https://slack.com/api/",
    });
    expect(loadConfig({ DATABASE_URL: "postgresql://u@h/db" }).database).toEqual({
      kind: "postgres",
      url: "postgresql://u@h/db",
      connectTimeoutMs: 10_000,
    });
    expect(
      loadConfig({ DATABASE_URL: "postgresql://u@h/db", DATABASE_CONNECT_TIMEOUT: "2.5" }).database,
    ).toMatchObject({ connectTimeoutMs: 2_500 });
  });

  const OAUTH = {
    SLACK_CLIENT_ID: "1234.5678",
    SLACK_CLIENT_SECRET: "secret",
    SLACK_STATE_SECRET: "s".repeat(32),
    SLACK_TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    SLACK_SIGNING_SECRET: "signing",
  };

  it("chooses OAuth mode (many workspaces) with a client id, secret, state secret and encryption key", () => {
    const config = loadConfig({ ...OAUTH, PUBLIC_URL: "https://ennakko.example.org/" });
    expect(config.slack).toMatchObject({
      mode: "oauth",
      clientId: "1234.5678",
      redirectUri: "https://ennakko.example.org/slack/oauth_redirect",
    });
    expect(config.slack.mode === "oauth" && config.slack.tokenKey.length).toBe(32);
    expect(connectionGuide(config, 3978)).toContain("/slack/install");
  });

  it.each([
    [{ ...OAUTH, SLACK_TOKEN_ENCRYPTION_KEY: "" }, "SLACK_TOKEN_ENCRYPTION_KEY is required in OAuth mode"],
    [
      { ...OAUTH, SLACK_TOKEN_ENCRYPTION_KEY: "c2hvcnQ=" },
      "SLACK_TOKEN_ENCRYPTION_KEY must be 32 random bytes",
    ],
    [{ ...OAUTH, SLACK_STATE_SECRET: "" }, "SLACK_STATE_SECRET is required in OAuth mode"],
    [{ ...OAUTH, SLACK_CLIENT_SECRET: "" }, "SLACK_CLIENT_SECRET is required in OAuth mode"],
    [{ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_BOT_TOKEN must be unset when SLACK_CLIENT_ID"],
    [{ ...OAUTH, SLACK_APP_TOKEN: "xapp-1" }, "SLACK_APP_TOKEN must be unset in OAuth mode"],
  ])("refuses to start a half or ambiguous OAuth configuration: %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT must be a whole number"],
    [{ PORT: "70000" }, "PORT must be between 0 and 65535"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a PostgreSQL URL"],
    [{ SLACK_BOT_TOKEN: "xoxp-user" }, "SLACK_BOT_TOKEN must be the Bot User OAuth Token"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET is required in HTTP mode"],
    [{ SLACK_APP_TOKEN: "xapp-1" }, "SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN is set"],
    [{ MICROSOFT_APP_ID: "id" }, "MICROSOFT_APP_PASSWORD is required"],
    [
      { MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_APP_TYPE: "SingleTenant" },
      "MICROSOFT_APP_TENANT_ID is required",
    ],
    [
      { MICROSOFT_APP_TYPE: "Personal" },
      "MICROSOFT_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI",
    ],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL must be debug, info, warn or error"],
  ])("names the variable and the fix: %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("lists every variable in .env.example", async () => {
    const { readFile } = await import("node:fs/promises");
    const example = await readFile(".env.example", "utf8");
    const source = await readFile("src/config/env.ts", "utf8");
    const names = [...source.matchAll(/^\s{4}([A-Z_]+):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) expect(example).toMatch(new RegExp(`^#?\\s?${name}=`, "m"));
  });
});
