// Who may talk to /api/messages, and what a request proves about itself.
// - authenticated (MICROSOFT_APP_ID): every request carries a Bot Framework JWT that botbuilder
//   verifies (issuer, audience = our app id, signature by a published key, expiry, and a `serviceurl`
//   claim equal to the activity's serviceUrl). Only then is the serviceUrl trusted, and only then do
//   we ask the connector behind it for the member's e-mail.
// - anonymous-local (TEAMS_ANONYMOUS=local): for the Bot Framework Emulator and local tools. Only
//   loopback callers that are not behind a proxy, only loopback serviceUrls; the turn is served but
//   nothing it says can link identities.
import type { IncomingMessage } from "node:http";
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { TeamsConfig } from "../../config/env.ts";

/**
 * A Bot Framework identity service other than Microsoft's public one. Set only by code (the tests'
 * local fake of the Bot Framework), never from the environment: a variable that can redirect where
 * signing keys come from would be a way to switch authentication off.
 */
export type BotIdentityEndpoints = {
  /** OpenID metadata whose `jwks_uri` lists the keys that sign incoming activities. */
  openIdMetadataUrl: string;
  /** OAuth 2 client-credentials token endpoint for the bot's outgoing calls. */
  tokenUrl: string;
};

type CredentialsFactory = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]
>;
type Credentials = Awaited<ReturnType<CredentialsFactory["createCredentials"]>>;

// Microsoft's public cloud values (botframework-connector's AuthenticationConstants), spelled out
// because a parameterized authentication needs all of them once one endpoint is replaced.
const BOT_FRAMEWORK = "https://api.botframework.com";
const LOGIN_URL = "https://login.microsoftonline.com/botframework.com";
const CALLER_ID = "urn:botframework:azure";

export function createTeamsAuthentication(
  config: TeamsConfig,
  endpoints?: BotIdentityEndpoints,
): ConfigurationBotFrameworkAuthentication {
  const credentials = {
    MicrosoftAppId: config.mode === "authenticated" ? (config.appId ?? "") : "",
    MicrosoftAppPassword: config.mode === "authenticated" ? (config.appPassword ?? "") : "",
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? "",
  };
  if (!endpoints || config.mode !== "authenticated")
    return new ConfigurationBotFrameworkAuthentication(credentials);
  return new ConfigurationBotFrameworkAuthentication(
    {
      ...credentials,
      ToChannelFromBotLoginUrl: LOGIN_URL,
      ToChannelFromBotOAuthScope: BOT_FRAMEWORK,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK,
      OAuthUrl: BOT_FRAMEWORK,
      ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
      CallerId: CALLER_ID,
    },
    clientCredentialsFactory(config.appId ?? "", config.appPassword ?? "", endpoints.tokenUrl),
  );
}

/** Outgoing tokens by the plain client-credentials grant (what MSAL does against Entra ID). */
function clientCredentialsFactory(appId: string, secret: string, tokenUrl: string): CredentialsFactory {
  let cached: { token: string; until: number } | null = null;
  const token = async (): Promise<string> => {
    if (cached && cached.until > Date.now()) return cached.token;
    const response = await fetch(tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: appId,
        client_secret: secret,
        scope: `${BOT_FRAMEWORK}/.default`,
      }),
    });
    if (!response.ok) throw new Error(`bot token request refused (${response.status})`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 };
    return cached.token;
  };
  const signer: Credentials = {
    async signRequest(request) {
      request.headers.set("authorization", `Bearer ${await token()}`);
      return request;
    },
  };
  return {
    isValidAppId: async (id: string) => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => signer,
  } as CredentialsFactory;
}

/**
 * The serviceUrl this request proved it came from: the JWT's `serviceurl` claim when it equals the
 * activity's. Null for anonymous turns and for tokens without the claim (Emulator-style tokens).
 */
export function verifiedServiceUrl(
  claims: ReadonlyArray<{ type: string; value: string }> | undefined,
  serviceUrl: unknown,
): string | null {
  const claim = claims?.find((c) => c.type === "serviceurl")?.value;
  return typeof serviceUrl === "string" && claim !== undefined && claim === serviceUrl ? serviceUrl : null;
}

// ── anonymous-local ──────────────────────────────────────────────────────────────────────────────
const PROXY_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip", "x-forwarded-host"];

/**
 * A caller on this machine, not relayed by a reverse proxy (which would make the whole internet
 * look like loopback).
 */
export function isLocalCaller(req: IncomingMessage): boolean {
  if (PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  return isLoopbackHost(req.socket.remoteAddress ?? "");
}

/** An http(s) URL whose host is a loopback address (the Emulator's or a local tool's connector). */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1") return true;
  const v4 = h.startsWith("::ffff:") ? h.slice("::ffff:".length) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
