// A local stand-in for the *remote* Slack Web API (and response_url endpoints): records every call
// the bot makes, answers like Slack does, and can inject 429/500 responses.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

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
type Failure = { status: number; retryAfter?: number; times: number; error?: string };
type RateLimit = { perSecond: number; accepted: number[] };

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, SlackUserFixture>();
  /** Set by tests of Socket Mode: what apps.connections.open hands out. */
  socketUrl = "";
  private readonly failures = new Map<string, Failure>();
  private readonly limits = new Map<string, RateLimit>();
  /** How many calls the rate limits answered with 429 (see rateLimit()). */
  rateLimitedCount = 0;
  private server: Server | null = null;
  private ts = 1_700_000_000;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
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

  /** Status 200 with `error` answers like a Slack API error (e.g. not_in_channel). */
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
   * Like Slack's per-method limits: at most `perSecond` accepted calls to `method` in any sliding
   * second; calls beyond that get HTTP 429 with Retry-After (whole seconds, as Slack sends it).
   */
  rateLimit(method: string, perSecond: number): void {
    this.limits.set(method, { perSecond, accepted: [] });
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

  /** Resolves when `count` calls to `method` have arrived; Bolt replies after the ack, asynchronously. */
  async waitFor(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
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
    this.failures.clear();
    this.limits.clear();
    this.rateLimitedCount = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await readBody(req);
    const path = (req.url ?? "").split("?")[0]!;
    const method = path.startsWith("/respond/")
      ? `response_url:${path.slice(9)}`
      : path.replace(/^\/api\//, "");
    const body = parseBody(raw, req.headers["content-type"]);
    const call: RecordedCall = { method, body, headers: req.headers, at: Date.now() };
    this.calls.push(call);
    const answer = this.decide(method, body);
    call.status = answer.status;
    call.ok = (answer.body as { ok?: unknown } | undefined)?.ok === true;
    return answer;
  }

  private decide(
    method: string,
    body: Record<string, unknown>,
  ): { status: number; body: unknown; headers?: Record<string, string> } {
    const failure = this.failures.get(method);
    if (failure && failure.times > 0) {
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
    const limit = this.limits.get(method);
    if (limit) {
      const now = Date.now();
      while (limit.accepted.length > 0 && limit.accepted[0]! <= now - 1000) limit.accepted.shift();
      if (limit.accepted.length >= limit.perSecond) {
        this.rateLimitedCount += 1;
        const retryAfter = Math.max(1, Math.ceil((limit.accepted[0]! + 1000 - now) / 1000));
        return {
          status: 429,
          body: { ok: false, error: "ratelimited" },
          headers: { "retry-after": String(retryAfter) },
        };
      }
      limit.accepted.push(now);
    }
    return { status: 200, body: this.answer(method, body) };
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
        return { ok: true, channel: body.channel, ts: `${this.ts++}.000100`, message: { text: body.text } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${this.ts++}.000200` };
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "views.open":
      case "views.publish":
      case "views.update":
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
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req
      .on("data", (c: Buffer) => chunks.push(c))
      .on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
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
