// The only reader of process.env. Every variable is listed and explained in .env.example.
import { hkdfSync } from "node:crypto";
import { z } from "zod";
import { DEFAULT_OUTBOX_RETENTION_DAYS } from "../kernel/app/outbox/purge-outbox.ts";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());

const EnvSchema = z
  .object({
    PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "must be a whole number, e.g. PORT=3978" })
        .int("must be a whole number, e.g. PORT=3978")
        .min(0, "must be between 0 and 65535")
        .max(65535, "must be between 0 and 65535")
        .default(3978),
    ),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^postgres(ql)?:\/\//,
          "must be a PostgreSQL URL such as postgresql://user:pass@host:5432/ennakko, or unset for the embedded database",
        )
        .optional(),
    ),
    DATABASE_CONNECT_TIMEOUT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "must be a number of seconds, e.g. DATABASE_CONNECT_TIMEOUT=10" })
        .positive("must be a number of seconds above 0, e.g. DATABASE_CONNECT_TIMEOUT=10")
        .max(300, "must be at most 300 seconds")
        .default(10),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
    SLACK_BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z.string().startsWith("xoxb-", "must be the Bot User OAuth Token, starting with xoxb-").optional(),
    ),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .startsWith("xapp-", "must be an app-level token with connections:write, starting with xapp-")
        .optional(),
    ),
    // OAuth mode ("Add to Slack", many workspaces): README "Slack for many workspaces".
    SLACK_CLIENT_ID: optionalString,
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .min(32, "must be at least 32 characters, e.g. the output of `openssl rand -hex 32`")
        .optional(),
    ),
    SLACK_TOKEN_ENCRYPTION_KEY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine(
          (v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, "base64").length === 32,
          "must be 32 random bytes in base64 (44 characters), e.g. the output of `openssl rand -base64 32`",
        )
        .optional(),
    ),
    SLACK_API_URL: z.preprocess(
      emptyToUndefined,
      z
        .url({ error: "must be a URL ending in /api/, e.g. https://slack.com/api/" })
        .default("https://slack.com/api/"),
    ),
    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TENANT_ID: optionalString,
    TEAMS_ANONYMOUS: z.preprocess(
      (v) => (typeof v === "string" ? emptyToUndefined(v.toLowerCase()) : v),
      z
        .enum(["local"], {
          error:
            "must be 'local' (unauthenticated Teams for local tools, loopback only) or unset; to connect Teams set MICROSOFT_APP_ID",
        })
        .optional(),
    ),
    MICROSOFT_APP_TYPE: z.preprocess(
      emptyToUndefined,
      z
        .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
          error: "must be MultiTenant, SingleTenant or UserAssignedMSI",
        })
        .default("MultiTenant"),
    ),
    PUBLIC_URL: z.preprocess(
      emptyToUndefined,
      z
        .url({ error: "must be the bot's public base URL, e.g. https://ennakko.example.org" })
        .refine((u) => /^https?:\/\//.test(u), "must start with https://")
        .optional(),
    ),
    METRICS_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .min(
          32,
          "must be at least 32 characters (e.g. the output of `openssl rand -hex 32`), or unset to leave /metrics off",
        )
        .optional(),
    ),
    // The server secret that opens members' own sealed Delphi answers (kernel/app/anonymity-key.ts).
    ANONYMITY_KEY: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine(
          (v) => Buffer.from(v, "base64").length === 32,
          "must be 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`",
        )
        .optional(),
    ),
    OUTBOX_RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "must be a whole number of days, e.g. OUTBOX_RETENTION_DAYS=14" })
        .int("must be a whole number of days, e.g. OUTBOX_RETENTION_DAYS=14")
        .min(1, "must be at least 1 day")
        .max(3650, "must be at most 3650 days")
        .default(DEFAULT_OUTBOX_RETENTION_DAYS),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (typeof v === "string" ? emptyToUndefined(v.toLowerCase()) : v),
      z
        .enum(["debug", "info", "warn", "error"], { error: "must be debug, info, warn or error" })
        .default("info"),
    ),
  })
  .superRefine((env, ctx) => {
    const need = (variable: keyof typeof env, why: string) => {
      if (!env[variable]) ctx.addIssue({ code: "custom", path: [variable], message: why });
    };
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN) {
      need(
        "SLACK_SIGNING_SECRET",
        "is required in HTTP mode (SLACK_BOT_TOKEN set, SLACK_APP_TOKEN unset): copy it from Basic Information → Signing Secret",
      );
    }
    const oauth = env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET;
    if (oauth) {
      if (env.SLACK_BOT_TOKEN)
        ctx.addIssue({
          code: "custom",
          path: ["SLACK_BOT_TOKEN"],
          message:
            'must be unset when SLACK_CLIENT_ID/SLACK_CLIENT_SECRET are set: either one workspace with one bot token, or many workspaces through "Add to Slack" (OAuth), not both',
        });
      if (env.SLACK_APP_TOKEN)
        ctx.addIssue({
          code: "custom",
          path: ["SLACK_APP_TOKEN"],
          message:
            "must be unset in OAuth mode (SLACK_CLIENT_ID set): the install flow needs the HTTP endpoints, not Socket Mode",
        });
      need("SLACK_CLIENT_ID", "is required in OAuth mode: copy it from Basic Information → App Credentials");
      need(
        "SLACK_CLIENT_SECRET",
        "is required in OAuth mode: copy it from Basic Information → App Credentials",
      );
      need(
        "SLACK_STATE_SECRET",
        "is required in OAuth mode (SLACK_CLIENT_ID set): a random secret of at least 32 characters, e.g. `openssl rand -hex 32`",
      );
      need(
        "SLACK_TOKEN_ENCRYPTION_KEY",
        "is required in OAuth mode (SLACK_CLIENT_ID set): installations' bot tokens are stored encrypted with it; 32 random bytes in base64, e.g. `openssl rand -base64 32`. Keep it: without it the stored tokens cannot be read",
      );
      need(
        "SLACK_SIGNING_SECRET",
        "is required in OAuth mode: copy it from Basic Information → Signing Secret",
      );
    }
    if (env.SLACK_APP_TOKEN && !oauth)
      need(
        "SLACK_BOT_TOKEN",
        "is required when SLACK_APP_TOKEN is set: copy the Bot User OAuth Token (xoxb-…)",
      );
    if (env.MICROSOFT_APP_ID && env.TEAMS_ANONYMOUS)
      ctx.addIssue({
        code: "custom",
        path: ["TEAMS_ANONYMOUS"],
        message: "must be unset when MICROSOFT_APP_ID is set: Teams is then authenticated",
      });
    if (env.MICROSOFT_APP_ID) {
      if (env.MICROSOFT_APP_TYPE !== "UserAssignedMSI") {
        need(
          "MICROSOFT_APP_PASSWORD",
          "is required when MICROSOFT_APP_ID is set: the client secret of the bot's app registration",
        );
      }
      if (env.MICROSOFT_APP_TYPE !== "MultiTenant") {
        need(
          "MICROSOFT_APP_TENANT_ID",
          `is required when MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE}: the directory (tenant) id`,
        );
      }
    } else if (env.MICROSOFT_APP_PASSWORD) {
      need("MICROSOFT_APP_ID", "is required when MICROSOFT_APP_PASSWORD is set: the bot's Microsoft App ID");
    }
  });

type Env = z.infer<typeof EnvSchema>;

export type SlackConfig =
  | { mode: "off" }
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl: string }
  | { mode: "socket"; botToken: string; appToken: string; signingSecret?: string; apiUrl: string }
  /** Many workspaces: each installs through "Add to Slack"; tokens come from SlackInstallation rows. */
  | {
      mode: "oauth";
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      /** AES-256-GCM key for the stored bot tokens (32 bytes). */
      tokenKey: Buffer;
      signingSecret: string;
      apiUrl: string;
      /** Where Slack sends the installer back: PUBLIC_URL + /slack/oauth_redirect, when PUBLIC_URL is set. */
      redirectUri?: string;
    };

export type TeamsConfig = {
  /**
   * off: /api/messages is not served. authenticated: every request carries a Bot Framework JWT.
   * anonymous-local: explicit opt-in (TEAMS_ANONYMOUS=local) for the Emulator and local tools; only
   * loopback callers with a loopback serviceUrl, and nothing links identities by e-mail.
   */
  mode: "off" | "authenticated" | "anonymous-local";
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: Env["MICROSOFT_APP_TYPE"];
};

export type Config = {
  port: number;
  /** Base of links the bot hands out (calendar files); none = those links are left out. */
  publicUrl?: string;
  database:
    | { kind: "postgres"; url: string; connectTimeoutMs: number }
    | { kind: "embedded"; dataDir: string };
  slack: SlackConfig;
  teams: TeamsConfig;
  logLevel: Env["LOG_LEVEL"];
  /** /metrics is served only with a token: scrapers send it as `Authorization: Bearer <token>`. */
  metrics: { token?: string };
  /** Delivered outbox rows are deleted this many days after they were sent (FAILED ones kept longer). */
  outbox: { retentionDays: number };
  /**
   * Opens members' own sealed answers (Delphi): ANONYMITY_KEY, or else derived from the platform
   * secret the deployment holds; absent when neither is set (a random key per process then).
   */
  anonymityKey?: Buffer;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "environment"} ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  return toConfig(parsed.data);
}

function toConfig(env: Env): Config {
  const apiUrl = env.SLACK_API_URL.endsWith("/") ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`;
  let slack: SlackConfig = { mode: "off" };
  const publicUrl = env.PUBLIC_URL?.replace(/\/+$/, "");
  if (
    env.SLACK_CLIENT_ID &&
    env.SLACK_CLIENT_SECRET &&
    env.SLACK_STATE_SECRET &&
    env.SLACK_TOKEN_ENCRYPTION_KEY &&
    env.SLACK_SIGNING_SECRET
  ) {
    slack = {
      mode: "oauth",
      clientId: env.SLACK_CLIENT_ID,
      clientSecret: env.SLACK_CLIENT_SECRET,
      stateSecret: env.SLACK_STATE_SECRET,
      tokenKey: Buffer.from(env.SLACK_TOKEN_ENCRYPTION_KEY, "base64"),
      signingSecret: env.SLACK_SIGNING_SECRET,
      apiUrl,
      ...(publicUrl ? { redirectUri: `${publicUrl}/slack/oauth_redirect` } : {}),
    };
  } else if (env.SLACK_BOT_TOKEN && env.SLACK_APP_TOKEN) {
    slack = {
      mode: "socket",
      botToken: env.SLACK_BOT_TOKEN,
      appToken: env.SLACK_APP_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      apiUrl,
    };
  } else if (env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET) {
    slack = { mode: "http", botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET, apiUrl };
  }
  return {
    port: env.PORT,
    publicUrl,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL, connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT * 1000 }
      : { kind: "embedded", dataDir: env.DATA_DIR },
    slack,
    teams: {
      mode: env.MICROSOFT_APP_ID ? "authenticated" : env.TEAMS_ANONYMOUS ? "anonymous-local" : "off",
      appId: env.MICROSOFT_APP_ID,
      appPassword: env.MICROSOFT_APP_PASSWORD,
      tenantId: env.MICROSOFT_APP_TENANT_ID,
      appType: env.MICROSOFT_APP_TYPE,
    },
    logLevel: env.LOG_LEVEL,
    metrics: { token: env.METRICS_TOKEN },
    outbox: { retentionDays: env.OUTBOX_RETENTION_DAYS },
    ...anonymityKeyOf(env),
  };
}

/**
 * ANONYMITY_KEY when set; else one derived (HKDF) from the Slack signing secret or the Microsoft app
 * password, so a deployment that set neither new variable still keeps one key across restarts; else
 * none (tests, a bot with no platform), and the process draws a random one.
 */
function anonymityKeyOf(env: Env): { anonymityKey?: Buffer } {
  if (env.ANONYMITY_KEY) return { anonymityKey: Buffer.from(env.ANONYMITY_KEY, "base64") };
  const secret = env.SLACK_SIGNING_SECRET ?? env.MICROSOFT_APP_PASSWORD;
  if (!secret) return {};
  const derived = hkdfSync("sha256", secret, "ennakko", "anonymity key v1", 32);
  return { anonymityKey: Buffer.from(derived) };
}

/**
 * Settings that are set but have no effect with the others as they are: start-up reports them as
 * warnings, so a half-done configuration is noticed rather than silently ignored.
 */
export function ignoredSettings(source: Record<string, string | undefined> = process.env): string[] {
  const set = (name: string) => (source[name] ?? "").trim() !== "";
  const out: string[] = [];
  const ignored = (name: string, why: string) => {
    if (set(name)) out.push(`${name} is set but ignored: ${why}`);
  };
  const oauth = set("SLACK_CLIENT_ID");
  if (!oauth) {
    ignored("SLACK_STATE_SECRET", "it is for OAuth mode only, which SLACK_CLIENT_ID turns on");
    ignored("SLACK_TOKEN_ENCRYPTION_KEY", "it is for OAuth mode only, which SLACK_CLIENT_ID turns on");
  }
  if (!set("SLACK_BOT_TOKEN") && !oauth) {
    ignored(
      "SLACK_SIGNING_SECRET",
      "Slack is off without SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-…)",
    );
    ignored("SLACK_API_URL", "Slack is off without SLACK_BOT_TOKEN");
  }
  if (!set("MICROSOFT_APP_ID")) {
    ignored("MICROSOFT_APP_TENANT_ID", "Teams is off without MICROSOFT_APP_ID");
    // MultiTenant is the default (and .env.example's value): only another choice signals intent.
    if (source.MICROSOFT_APP_TYPE?.trim() !== "MultiTenant")
      ignored("MICROSOFT_APP_TYPE", "Teams is off without MICROSOFT_APP_ID");
  }
  if (!set("DATABASE_URL"))
    ignored("DATABASE_CONNECT_TIMEOUT", "it applies to DATABASE_URL (PostgreSQL) only");
  return out;
}
