// A local stand-in for the Bot Framework's identity side: the OpenID metadata and signing keys that
// prove an activity came from the Teams channel service (login.botframework.com), and the
// client-credentials token endpoint that gives the bot its outgoing tokens (Entra ID). Activities
// are signed the way the channel signs them: RS256, issuer https://api.botframework.com, audience =
// the bot's app id, a `serviceurl` claim, an `endorsements: ["msteams"]` key.
import { createHmac, createSign, generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_APP_ID = "5d6c1f0e-2b7a-4c39-9e8d-1a2b3c4d5e6f";
export const FAKE_APP_PASSWORD = "fake-client-secret";
const ISSUER = "https://api.botframework.com";

type Claims = Record<string, unknown>;

export type TokenOptions = {
  /** Claims to add or replace (e.g. `aud`, `exp`, `serviceurl`); `undefined` removes one. */
  claims?: Claims;
  /** "none" (unsigned), "HS256" (HMAC with the public key as secret), or signed by a stranger's key. */
  forge?: "none" | "HS256" | "unknown-key";
};

export class FakeBotIdentity {
  private readonly keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  private readonly kid = `fake-key-${randomBytes(4).toString("hex")}`;
  private readonly issued = new Set<string>();
  private server: Server | null = null;
  /** Token requests the bot made (client-credentials grants). */
  tokenRequests = 0;

  constructor(
    readonly appId = FAKE_APP_ID,
    readonly appPassword = FAKE_APP_PASSWORD,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const { status, body } = this.route(req.method ?? "GET", req.url ?? "/", Buffer.concat(chunks));
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      });
    });
    // Keep idle connections open beyond any pause in a test: with Node's 5-s default, a client reusing
    // a socket the server closed a moment earlier made loaded test runs see ECONNRESET.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** What the bot is given in place of Microsoft's endpoints (BotOptions.teamsIdentity). */
  get endpoints(): { openIdMetadataUrl: string; tokenUrl: string } {
    return {
      openIdMetadataUrl: `${this.url}/v1/.well-known/openidconfiguration`,
      tokenUrl: `${this.url}/token`,
    };
  }

  /** Whether the connector should accept this Authorization header from the bot. */
  acceptsBotToken(authorization: string | undefined): boolean {
    const token = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : "";
    return this.issued.has(token);
  }

  /** The Authorization header the channel would send with `activity`. */
  authorizationFor(activity: { serviceUrl?: unknown }, options: TokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: Claims = {
      iss: ISSUER,
      aud: this.appId,
      serviceurl: activity.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...options.claims,
    };
    for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
    return `Bearer ${this.jwt(claims, options.forge)}`;
  }

  private jwt(claims: Claims, forge: TokenOptions["forge"]): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const alg = forge === "none" ? "none" : forge === "HS256" ? "HS256" : "RS256";
    const signed = `${encode({ alg, typ: "JWT", kid: this.kid, x5t: this.kid })}.${encode(claims)}`;
    if (forge === "none") return `${signed}.`;
    if (forge === "HS256") {
      // The classic confusion attack: the published public key used as an HMAC secret.
      const secret = this.keys.publicKey.export({ type: "spki", format: "pem" });
      return `${signed}.${createHmac("sha256", secret).update(signed).digest("base64url")}`;
    }
    const key: KeyObject = forge === "unknown-key" ? this.stranger : this.keys.privateKey;
    return `${signed}.${createSign("RSA-SHA256").update(signed).sign(key).toString("base64url")}`;
  }

  private route(method: string, url: string, body: Buffer): { status: number; body: unknown } {
    const path = url.split("?")[0];
    if (method === "GET" && path === "/v1/.well-known/openidconfiguration")
      return {
        status: 200,
        body: {
          issuer: ISSUER,
          jwks_uri: `${this.url}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ["RS256"],
          token_endpoint_auth_methods_supported: ["private_key_jwt"],
        },
      };
    if (method === "GET" && path === "/v1/.well-known/keys") {
      const jwk = this.keys.publicKey.export({ format: "jwk" });
      return {
        status: 200,
        body: {
          keys: [{ kty: "RSA", use: "sig", kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }],
        },
      };
    }
    if (method === "POST" && path === "/token") {
      const form = new URLSearchParams(body.toString("utf8"));
      this.tokenRequests += 1;
      if (
        form.get("grant_type") !== "client_credentials" ||
        form.get("client_id") !== this.appId ||
        form.get("client_secret") !== this.appPassword
      )
        return { status: 401, body: { error: "invalid_client" } };
      const token = randomBytes(24).toString("base64url");
      this.issued.add(token);
      return { status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: token } };
    }
    return { status: 404, body: { error: "not found" } };
  }
}

// Which identity signs activities for which connector (by serviceUrl): postActivity signs what the
// channel would sign, so a test reads like Teams talking and never forgets the header.
const signers = new Map<string, FakeBotIdentity>();

export function signActivitiesFor(serviceUrl: string, identity: FakeBotIdentity | null): void {
  if (identity) signers.set(serviceUrl, identity);
  else signers.delete(serviceUrl);
}

/** The channel's Authorization header for `activity`, or undefined when its connector is anonymous. */
export function channelAuthorization(activity: { serviceUrl?: unknown }): string | undefined {
  const identity = typeof activity.serviceUrl === "string" ? signers.get(activity.serviceUrl) : undefined;
  return identity?.authorizationFor(activity);
}
