// A local stand-in for the *remote* Slack Web API (and response_url endpoints): records every call
// the bot makes, answers like Slack does, and can inject 429/500 responses. It also plays Slack's
// external file upload: files.getUploadURLExternal hands out an upload URL on this server, the bytes
// POSTed there are kept (`uploadedFiles`), and files.completeUploadExternal finishes the upload.
//
// It is as strict as Slack: every message, modal and App Home view is checked against Block Kit's
// rules (block-kit-rules.ts) and refused as Slack refuses it; every refusal is also kept in
// `violations`, which the test setup (test/support/strict-slack-fake.ts) fails any test on unless the
// test took them (`takeViolations`). Methods are rate-limited by Slack's tiers (see DEFAULT_LIMITS).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { homeViolations, messageViolations, modalViolations, type Violation } from "./block-kit-rules.ts";
import { countPayload } from "./payload-census.ts";

export type RecordedCall = {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
  at: number;
  /** The HTTP status the fake answered with (set once it has answered). */
  status?: number;
  /** Whether the answer was `ok: true` (set once it has answered). */
  ok?: boolean;
};
export type SlackUserFixture = {
  name?: string;
  real_name?: string;
  display_name?: string;
  email?: string;
  locale?: string;
  tz?: string;
};
/** A file as the bot uploaded it: `bytes` once POSTed, the rest once files.completeUploadExternal ran. */
export type FakeSlackFile = {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  altText?: string;
  bytes?: Buffer;
  completed: boolean;
  title?: string;
  /** Where files.completeUploadExternal shared it; undefined = private to the bot. */
  channelId?: string;
  initialComment?: string;
};
type Failure = { status: number; retryAfter?: number; times: number; error?: string };
type Answer = { status: number; body: unknown; headers?: Record<string, string>; text?: string };
/**
 * A token bucket: `burst` calls at once, refilled at `perMinute`. `perChannel`: one bucket per
 * channel (chat.postMessage), else one per method (the workspace's, as Slack counts per app per team).
 */
export type RateLimitPolicy = { perMinute: number; burst: number; perChannel?: boolean };
type Bucket = { tokens: number; at: number };
/** A payload the fake refused, and why (see block-kit-rules.ts). */
export type RecordedViolation = Violation & { method: string };

// Slack's Web API tiers (docs.slack.dev/apis/web-api/rate-limits): Tier 1 1+/min, Tier 2 20+/min,
// Tier 3 50+/min, Tier 4 100+/min, each "per API method per workspace per app" with bursts tolerated:
// here a minute's worth at once. chat.postMessage is special: "one message per second per channel",
// short bursts allowed (their size is not documented: 10 here). Tiers from each method's page.
const tier = (perMinute: number): RateLimitPolicy => ({ perMinute, burst: perMinute });
export const DEFAULT_LIMITS: Readonly<Record<string, RateLimitPolicy>> = {
  "chat.postMessage": { perMinute: 60, burst: 10, perChannel: true },
  "chat.postEphemeral": tier(100),
  "chat.update": tier(50),
  "chat.delete": tier(50),
  "conversations.open": tier(50),
  "views.open": tier(100),
  "views.update": tier(100),
  "views.push": tier(100),
  "views.publish": tier(100),
  "users.info": tier(100),
  "files.getUploadURLExternal": tier(100),
  "files.completeUploadExternal": tier(100),
  "apps.connections.open": tier(1),
};

/** The app's OAuth settings as Slack knows them (App Credentials, OAuth & Permissions → Redirect URLs). */
export type FakeOAuthApp = { clientId: string; clientSecret: string; redirectUrls: string[] };
/** A workspace installing the app: its team, the admin who clicks Allow, the bot user Slack creates. */
export type FakeWorkspace = { teamId: string; teamName: string; installerId: string; botUserId: string };
/** An authorization code handed out on Slack's authorize page. */
type Grant = {
  workspace: FakeWorkspace;
  scopes: string;
  redirectUri?: string;
  used: boolean;
  issuedAt: number;
};
/** A bot token oauth.v2.access issued, until the workspace uninstalls the app. */
export type IssuedToken = FakeWorkspace & { botId: string };

/** Slack's codes expire after ten minutes ("invalid_code" then, as for a code used once). */
const CODE_TTL_MS = 10 * 60_000;
/** Every bot token the fake issues starts so: calls with such a token are checked against the issued ones. */
export const ISSUED_TOKEN_PREFIX = "xoxb-issued-";

/** Fakes started and not yet stopped: the strict test setup checks each for unexpected refusals. */
const liveFakes = new Set<FakeSlackApi>();

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, SlackUserFixture>();
  /** Every file the bot asked an upload URL for, by file id (see FakeSlackFile). */
  readonly files = new Map<string, FakeSlackFile>();
  /** Set by tests of Socket Mode: what apps.connections.open hands out. */
  socketUrl = "";
  /** Payloads refused as Slack refuses them, not yet taken by a test (see takeViolations). */
  readonly violations: RecordedViolation[] = [];
  /** The fake's own clock for its rate limits: tests may set it to step time deterministically. */
  now: () => number = Date.now;
  private readonly failures = new Map<string, Failure>();
  private readonly limits = new Map<string, RateLimitPolicy>(Object.entries(DEFAULT_LIMITS));
  private readonly buckets = new Map<string, Bucket>();
  /** How many calls the rate limits answered with 429. */
  rateLimitedCount = 0;
  /** Set by tests of the OAuth install flow: the app's client id, secret and redirect URLs. */
  oauthApp: FakeOAuthApp | null = null;
  /** Bot tokens issued by oauth.v2.access and not revoked, by token. */
  readonly issuedTokens = new Map<string, IssuedToken>();
  private readonly grants = new Map<string, Grant>();
  private grantSeq = 0;
  private server: Server | null = null;
  private ts = 1_700_000_000;
  private fileSeq = 100_000_000;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers, text }) => {
        if (text !== undefined) res.writeHead(status, { "content-type": "text/plain", ...headers }).end(text);
        else
          res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      });
    });
    // Keep idle connections open beyond any pause in a test: with Node's 5-s default, a client reusing
    // a socket the server closed a moment earlier made loaded test runs see ECONNRESET.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    liveFakes.add(this);
    return this;
  }

  /** Fakes currently running (for the strict test setup). */
  static live(): FakeSlackApi[] {
    return [...liveFakes];
  }

  /** The refusals so far, forgotten here: a test that sends a bad payload on purpose takes them. */
  takeViolations(): RecordedViolation[] {
    return this.violations.splice(0);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }
  /** The SLACK_API_URL to give the bot. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }
  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** Files whose bytes arrived at their upload URL, by file id. */
  get uploadedFiles(): Map<string, FakeSlackFile & { bytes: Buffer }> {
    const out = new Map<string, FakeSlackFile & { bytes: Buffer }>();
    for (const [id, file] of this.files) if (file.bytes) out.set(id, { ...file, bytes: file.bytes });
    return out;
  }

  /**
   * Status 200 with `error` answers like a Slack API error (e.g. not_in_channel). `method` "upload_url"
   * fails the next POSTs of file bytes to an upload URL (a plain-text answer, like Slack's).
   */
  failNext(
    method: string,
    status: number,
    options: { retryAfter?: number; times?: number; error?: string } = {},
  ): void {
    this.failures.set(method, {
      status,
      retryAfter: options.retryAfter,
      times: options.times ?? 1,
      error: options.error,
    });
  }

  /**
   * A flat limit on `method` across the workspace: `perSecond` calls a second, as a burst too; calls
   * beyond it get HTTP 429 with Retry-After (whole seconds, as Slack sends it).
   */
  rateLimit(method: string, perSecond: number): void {
    this.setRateLimit(method, { perMinute: perSecond * 60, burst: perSecond });
  }

  /** Replaces the limit of `method` (see DEFAULT_LIMITS); tests lower it to provoke a 429. */
  setRateLimit(method: string, policy: RateLimitPolicy): void {
    this.limits.set(method, policy);
    for (const key of this.buckets.keys()) if (key.split(" ")[0] === method) this.buckets.delete(key);
  }

  /** Calls to `method` that the fake accepted (HTTP 200, ok: true). */
  acceptedCalls(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200 && c.ok === true);
  }

  /** Accepted chat.postMessage calls per channel (a DM's channel is "D-<user id>"). */
  acceptedMessagesPerChannel(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const call of this.acceptedCalls("chat.postMessage")) {
      const channel = String(call.body.channel);
      counts.set(channel, (counts.get(channel) ?? 0) + 1);
    }
    return counts;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Slack's authorize page (https://slack.com/oauth/v2/authorize?…): an admin of `workspace` clicks
   * Allow. Checks the URL as Slack does (known client_id, a registered redirect_uri) and returns where
   * Slack sends the browser back: `redirectUri` (the one asked for, or the app's first) with `code` and
   * `state`; or the error Slack shows on its page.
   */
  approveInstall(authorizeUrl: string, workspace: FakeWorkspace): { redirectTo: string } | { error: string } {
    const app = this.oauthApp;
    if (!app) throw new Error("set slack.oauthApp first");
    const url = new URL(authorizeUrl);
    const params = url.searchParams;
    if (params.get("client_id") !== app.clientId) return { error: "invalid_client_id" };
    const scopes = params.get("scope") ?? "";
    if (scopes === "") return { error: "invalid_scope" };
    const asked = params.get("redirect_uri") ?? undefined;
    if (asked !== undefined && !app.redirectUrls.includes(asked)) return { error: "bad_redirect_uri" };
    const code = `code-${workspace.teamId}-${++this.grantSeq}`;
    this.grants.set(code, { workspace, scopes, redirectUri: asked, used: false, issuedAt: this.now() });
    const back = new URL(asked ?? app.redirectUrls[0]!);
    back.searchParams.set("code", code);
    const state = params.get("state");
    if (state !== null) back.searchParams.set("state", state);
    return { redirectTo: back.toString() };
  }

  /** The workspace uninstalls the app: Slack revokes every token it issued there. */
  uninstall(teamId: string): void {
    for (const [token, issued] of this.issuedTokens)
      if (issued.teamId === teamId) this.issuedTokens.delete(token);
  }

  /** The bot token a call carried (Authorization: Bearer, or the `token` field). */
  static tokenOf(call: RecordedCall): string | undefined {
    const header = call.headers.authorization;
    if (typeof header === "string" && header.startsWith("Bearer ")) return header.slice(7);
    return typeof call.body.token === "string" ? call.body.token : undefined;
  }

  /** Resolves when `count` calls to `method` have arrived; Bolt replies after the ack, asynchronously. */
  async waitFor(method: string, count = 1, timeoutMs = 20_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const calls = this.callsTo(method);
      if (calls.length >= count) return calls;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(
      `timed out waiting for ${count} × ${method}; got: ${this.calls.map((c) => c.method).join(", ") || "nothing"}`,
    );
  }

  reset(): void {
    this.calls.length = 0;
    this.files.clear();
    this.failures.clear();
    this.limits.clear();
    for (const [method, policy] of Object.entries(DEFAULT_LIMITS)) this.limits.set(method, policy);
    this.buckets.clear();
    // Not the refusals: they stay until the test setup (or a test, on purpose) takes them.
    this.rateLimitedCount = 0;
  }

  async stop(): Promise<void> {
    liveFakes.delete(this);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage): Promise<Answer> {
    const bytes = await readBody(req);
    const path = (req.url ?? "").split("?")[0]!;
    if (path.startsWith("/upload/")) return this.receiveUpload(path.slice(8), bytes, req.headers);
    const raw = bytes.toString("utf8");
    const method = path.startsWith("/respond/")
      ? `response_url:${path.slice(9)}`
      : path.replace(/^\/api\//, "");
    const body = parseBody(raw, req.headers["content-type"]);
    const call: RecordedCall = { method, body, headers: req.headers, at: Date.now() };
    this.calls.push(call);
    const answer = this.decide(method, body, req.headers);
    call.status = answer.status;
    call.ok = (answer.body as { ok?: unknown } | undefined)?.ok === true;
    return answer;
  }

  /** The POST of a file's bytes to the upload URL files.getUploadURLExternal handed out. */
  private receiveUpload(fileId: string, bytes: Buffer, headers: IncomingMessage["headers"]): Answer {
    const call: RecordedCall = {
      method: "upload_url",
      body: { file_id: fileId, length: bytes.length },
      headers,
      at: Date.now(),
    };
    this.calls.push(call);
    const answer = ((): Answer => {
      const failure = this.takeFailure("upload_url");
      if (failure) return { ...failure, text: failure.status === 429 ? "ratelimited" : "upload failed" };
      const file = this.files.get(fileId);
      if (!file) return { status: 404, body: null, text: "file not found" };
      if (bytes.length !== file.length)
        return { status: 400, body: null, text: `expected ${file.length} bytes, got ${bytes.length}` };
      file.bytes = bytes;
      return { status: 200, body: null, text: `OK - ${bytes.length}` };
    })();
    call.status = answer.status;
    call.ok = answer.status === 200;
    return answer;
  }

  /** The next injected failure of `method`, if any (see failNext). */
  private takeFailure(method: string): Omit<Answer, "text"> | undefined {
    const failure = this.failures.get(method);
    if (!failure || failure.times <= 0) return undefined;
    failure.times -= 1;
    const headers: Record<string, string> =
      failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
    return {
      status: failure.status,
      body: {
        ok: false,
        error: failure.error ?? (failure.status === 429 ? "ratelimited" : "internal_error"),
      },
      headers,
    };
  }

  private decide(method: string, body: Record<string, unknown>, headers: IncomingMessage["headers"]): Answer {
    const failure = this.takeFailure(method);
    if (failure) return failure;
    if (method === "oauth.v2.access") return { status: 200, body: this.exchangeCode(body, headers) };
    // A token the fake issued is honoured only while the workspace has the app installed.
    const token = FakeSlackApi.tokenOf({ method, body, headers, at: 0 });
    const issued = token?.startsWith(ISSUED_TOKEN_PREFIX) ? this.issuedTokens.get(token) : undefined;
    if (token?.startsWith(ISSUED_TOKEN_PREFIX) && !issued)
      return { status: 200, body: { ok: false, error: "token_revoked" } };
    if (issued && method === "auth.test")
      return {
        status: 200,
        body: {
          ok: true,
          url: `https://${issued.teamName.toLowerCase()}.slack.com/`,
          team: issued.teamName,
          user: "ennakko",
          team_id: issued.teamId,
          user_id: issued.botUserId,
          bot_id: issued.botId,
        },
      };
    const retryAfter = this.throttle(method, body);
    if (retryAfter !== undefined) {
      this.rateLimitedCount += 1;
      return {
        status: 429,
        body: { ok: false, error: "ratelimited" },
        headers: { "retry-after": String(retryAfter) },
      };
    }
    const refusal = this.validate(method, body);
    if (refusal) return refusal;
    return { status: 200, body: this.answer(method, body) };
  }

  /** Takes a token from the method's (or channel's) bucket; the seconds to wait when there is none. */
  private throttle(method: string, body: Record<string, unknown>): number | undefined {
    const policy = this.limits.get(method);
    if (!policy) return undefined;
    const key = policy.perChannel ? `${method} ${String(body.channel)}` : method;
    const now = this.now();
    const perMs = policy.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: policy.burst, at: now };
    bucket.tokens = Math.min(policy.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /**
   * oauth.v2.access as Slack answers it (docs.slack.dev/reference/methods/oauth.v2.access): the client
   * by HTTP Basic or by client_id/client_secret fields; a code is good once, for ten minutes, and only
   * with the redirect_uri its authorize request named (none if it named none).
   */
  private exchangeCode(body: Record<string, unknown>, headers: IncomingMessage["headers"]): unknown {
    const app = this.oauthApp;
    let clientId = typeof body.client_id === "string" ? body.client_id : undefined;
    let clientSecret = typeof body.client_secret === "string" ? body.client_secret : undefined;
    const basic = headers.authorization;
    if (typeof basic === "string" && basic.startsWith("Basic ")) {
      const [id, secret] = Buffer.from(basic.slice(6), "base64").toString("utf8").split(":");
      clientId = id;
      clientSecret = secret;
    }
    if (!app || clientId !== app.clientId) return { ok: false, error: "invalid_client_id" };
    if (clientSecret !== app.clientSecret) return { ok: false, error: "bad_client_secret" };
    const code = typeof body.code === "string" ? body.code : "";
    const grant = this.grants.get(code);
    if (!grant || grant.used || this.now() - grant.issuedAt > CODE_TTL_MS)
      return { ok: false, error: "invalid_code" };
    const redirectUri = typeof body.redirect_uri === "string" ? body.redirect_uri : undefined;
    if (redirectUri !== grant.redirectUri) return { ok: false, error: "bad_redirect_uri" };
    grant.used = true;
    const { workspace } = grant;
    const token = `${ISSUED_TOKEN_PREFIX}${workspace.teamId}-${this.grantSeq}-${Math.random().toString(36).slice(2, 10)}`;
    this.issuedTokens.set(token, { ...workspace, botId: `B-${workspace.teamId}` });
    return {
      ok: true,
      access_token: token,
      token_type: "bot",
      scope: grant.scopes,
      bot_user_id: workspace.botUserId,
      app_id: "A-ENNAKKO",
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: workspace.installerId },
    };
  }

  /**
   * Block Kit rules, answered as Slack answers: chat.* `invalid_blocks` (HTTP 200), views.*
   * `invalid_arguments` (HTTP 200), a response_url HTTP 400 naming the error (as its incoming-webhook
   * sibling answers a bad payload).
   */
  private validate(method: string, body: Record<string, unknown>): Answer | undefined {
    const isResponseUrl = method.startsWith("response_url:");
    const found =
      method === "chat.postMessage" ||
      method === "chat.postEphemeral" ||
      method === "chat.update" ||
      isResponseUrl
        ? messageViolations(body)
        : method === "views.open" || method === "views.update" || method === "views.push"
          ? modalViolations(body.view)
          : method === "views.publish"
            ? homeViolations(body.view)
            : null;
    if (found === null) return undefined;
    countPayload("slack", method.startsWith("response_url:") ? "response_url" : method, found.length > 0);
    if (found.length === 0) return undefined;
    this.violations.push(...found.map((v) => ({ ...v, method })));
    const messages = found.map((v) => v.message);
    if (method.startsWith("views."))
      return {
        status: 200,
        body: {
          ok: false,
          error: "invalid_arguments",
          response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) },
        },
      };
    const refusal = {
      ok: false,
      error: "invalid_blocks",
      errors: messages,
      response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) },
    };
    return { status: isResponseUrl ? 400 : 200, body: refusal };
  }

  private answer(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://lapland.slack.com/",
          team: "Lapland",
          user: "ennakko",
          team_id: "T-LAPLAND",
          user_id: "U-BOT",
          bot_id: "B-BOT",
        };
      case "users.info": {
        const id = String(body.user);
        const u = this.users.get(id);
        if (!u) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id,
            name: u.name ?? id,
            real_name: u.real_name,
            locale: u.locale,
            tz: u.tz,
            profile: { display_name: u.display_name ?? "", real_name: u.real_name, email: u.email },
          },
        };
      }
      case "chat.postMessage":
      case "chat.postEphemeral":
      case "chat.update": {
        const invalid = this.invalidImages(body.blocks);
        if (invalid.length > 0) {
          this.violations.push(...invalid.map((message) => ({ rule: "image.source", message, method })));
          return { ok: false, error: "invalid_blocks", errors: invalid };
        }
        if (method === "chat.postEphemeral") return { ok: true, message_ts: `${this.ts++}.000200` };
        if (method === "chat.update") return { ok: true, channel: body.channel, ts: body.ts };
        return { ok: true, channel: body.channel, ts: `${this.ts++}.000100`, message: { text: body.text } };
      }
      case "files.getUploadURLExternal": {
        const length = Number(body.length);
        if (typeof body.filename !== "string" || body.filename === "" || !(length > 0))
          return { ok: false, error: "invalid_arguments" };
        const id = `F${this.fileSeq++}`;
        this.files.set(id, {
          id,
          filename: body.filename,
          length,
          completed: false,
          ...(typeof body.alt_text === "string" ? { altText: body.alt_text } : {}),
        });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = Array.isArray(body.files) ? (body.files as { id?: unknown; title?: unknown }[]) : [];
        if (files.length === 0) return { ok: false, error: "invalid_arguments" };
        // Slack only completes files whose bytes arrived.
        if (files.some((f) => !this.files.get(String(f.id))?.bytes))
          return { ok: false, error: "file_not_found" };
        const channelId = typeof body.channel_id === "string" ? body.channel_id : undefined;
        const comment = typeof body.initial_comment === "string" ? body.initial_comment : undefined;
        return {
          ok: true,
          files: files.map((f) => {
            const file = this.files.get(String(f.id))!;
            file.completed = true;
            file.title = typeof f.title === "string" ? f.title : file.filename;
            if (channelId) file.channelId = channelId;
            if (comment) file.initialComment = comment;
            return {
              id: file.id,
              name: file.filename,
              title: file.title,
              size: file.length,
              channels: channelId ? [channelId] : [],
            };
          }),
        };
      }
      case "views.open":
      case "views.publish":
      case "views.update":
      case "views.push":
        return { ok: true, view: { id: `V${this.ts++}` } };
      case "conversations.open":
        return { ok: true, channel: { id: `D-${String(body.users)}` } };
      case "apps.connections.open":
        return this.socketUrl
          ? { ok: true, url: this.socketUrl }
          : { ok: false, error: "not_allowed_token_type" };
      default:
        if (method.startsWith("response_url:")) return { ok: true };
        return { ok: true };
    }
  }

  /**
   * Like Slack: an image block must name a completed upload (`slack_file`) or an http(s) URL Slack can
   * fetch; a data: URI or an unknown file refuses the whole message.
   */
  private invalidImages(blocks: unknown): string[] {
    if (!Array.isArray(blocks)) return [];
    const errors: string[] = [];
    blocks.forEach((block: { type?: unknown; image_url?: unknown; slack_file?: { id?: unknown } }, i) => {
      if (block?.type !== "image") return;
      if (block.slack_file) {
        if (!this.files.get(String(block.slack_file.id))?.completed)
          errors.push(`invalid slack file [json-pointer:/blocks/${i}/slack_file]`);
      } else if (typeof block.image_url !== "string" || !/^https?:\/\//.test(block.image_url))
        errors.push(`invalid url [json-pointer:/blocks/${i}/image_url]`);
    });
    return errors;
  }
}

/** Raw bytes: API calls are text, but an upload URL receives a file as it is. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** The Web API client sends form fields with JSON-encoded nested values; response_url gets JSON. */
function parseBody(raw: string, contentType = ""): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType.includes("json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
