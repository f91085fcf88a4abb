// A local stand-in for the *remote* Bot Framework Connector REST API (what Teams' serviceUrl points
// at): records every call the bot makes and answers like the connector does. Give the bot its url
// (plus "/") as the activity's serviceUrl and the adapter sends replies here instead of to Microsoft.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { activityViolations, type CardViolation } from "./adaptive-card-rules.ts";
import { type FakeBotIdentity, signActivitiesFor } from "./bot-identity.ts";
import { countPayload } from "./payload-census.ts";

export type ConnectorOperation =
  | "reply"
  | "send"
  | "update"
  | "delete"
  | "createConversation"
  /** GET …/members/{userId}: TeamsInfo.getMember, how the bot learns a member's e-mail. */
  | "member"
  | "other";

/** A member as the tenant's directory describes them (what TeamsInfo.getMember returns). */
export type FakeMember = { email?: string; name?: string; userPrincipalName?: string };

export type ConnectorCall = {
  /** HTTP method: POST, PUT, DELETE… */
  method: string;
  /** The raw request path, still URL-encoded. */
  path: string;
  operation: ConnectorOperation;
  /** Decoded, e.g. "19:abc@thread.tacv2;messageid=1". */
  conversationId?: string;
  /** Decoded; the activity replied to (reply) or changed (update, delete). */
  activityId?: string;
  /** Decoded; the member looked up (member). */
  memberId?: string;
  // biome-ignore lint/suspicious/noExplicitAny: an activity as the bot serialised it; tests read what they need.
  body: Record<string, any>;
  headers: IncomingMessage["headers"];
  /** The id the fake answered with, when it answered with one. */
  answeredId?: string;
  status: number;
  /** Why the fake refused the activity (400 BadArgument, 413 MessageSizeTooBig), when it did. */
  violations?: CardViolation[];
  /** The fake's own rate limit refused it (429); injected failures (failNext) are not marked. */
  rateLimited?: true;
};

type Failure = { status: number; retryAfter?: number };

/**
 * Teams' per-bot-per-thread limits for sending to a conversation (window in seconds → operations):
 * over any of them the connector answers 429 with Retry-After.
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit ("Per bot per thread limit")
 */
export const TEAMS_THREAD_LIMITS: readonly { seconds: number; operations: number }[] = [
  { seconds: 1, operations: 7 },
  { seconds: 2, operations: 8 },
  { seconds: 30, operations: 60 },
  { seconds: 3600, operations: 1800 },
];

export type FakeBotConnectorOptions = {
  /** The connector's clock for rate limits, in ms; a test of the limit fixes it, others keep real time. */
  now?: () => number;
};

export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Every call the fake refused for what it carried (invalid card, too big, throttled), in order. */
  readonly refusals: ConnectorCall[] = [];
  /** The roster by Teams user id ("29:…"), filled by tests; anyone else is not found (404). */
  readonly members = new Map<string, FakeMember>();
  private readonly failures: Failure[] = [];
  private server: Server | null = null;
  private sequence = 0;
  /** When set, every call must carry a token this identity issued to the bot (as the real one). */
  private identity: FakeBotIdentity | null = null;
  private readonly now: () => number;
  /** When each thread was sent to (ms), newest last, for the rate limits. */
  private readonly sends = new Map<string, number[]>();

  constructor(options: FakeBotConnectorOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Authenticated Teams: activities to the bot are signed by `identity`, calls back must carry its token. */
  authenticateWith(identity: FakeBotIdentity): this {
    this.identity = identity;
    signActivitiesFor(this.serviceUrl, identity);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res
          .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
          .end(body === undefined ? "" : JSON.stringify(body));
      });
    });
    // Keep idle connections open beyond any pause in a test: with Node's 5-s default, a client reusing
    // a socket the server closed a moment earlier made loaded test runs see ECONNRESET.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** What Teams puts in activity.serviceUrl: the connector's base, with its trailing slash. */
  get serviceUrl(): string {
    return `${this.url}/`;
  }

  /**
   * The next call (and only that one) fails with this status, like a throttled or broken connector.
   * Member lookups never take an injected failure: they precede the send a test means to fail.
   */
  failNext(status: number, retryAfter?: number): void {
    this.failures.push({ status, retryAfter });
  }

  /** Activities the bot posted (replies and new messages), in order. */
  get posted(): ConnectorCall[] {
    return this.calls.filter((c) => c.operation === "reply" || c.operation === "send");
  }

  /**
   * Resolves once `count` calls have arrived, or one matches `predicate`. Turns finish their sends
   * before the HTTP answer, so most tests never need this; proactive sends do.
   */
  async waitFor(
    expected: number | ((call: ConnectorCall) => boolean),
    timeoutMs = 20_000,
  ): Promise<ConnectorCall[]> {
    const done = () =>
      typeof expected === "number" ? this.calls.length >= expected : this.calls.some(expected);
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) {
        const seen = this.calls.map((c) => `${c.method} ${c.path}`).join(", ") || "nothing";
        throw new Error(`timed out waiting for connector calls; got: ${seen}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return typeof expected === "number" ? this.calls : this.calls.filter(expected);
  }

  reset(): void {
    this.calls.length = 0;
    this.refusals.length = 0;
    this.failures.length = 0;
    this.sends.clear();
  }

  async stop(): Promise<void> {
    if (this.server?.listening) signActivitiesFor(this.serviceUrl, null);
    await this.identity?.stop();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const raw = await readBody(req);
    const method = req.method ?? "GET";
    const path = (req.url ?? "").split("?")[0]!;
    const route = routeOf(method, path);
    const call: ConnectorCall = {
      method,
      path,
      ...route,
      body: parseJson(raw),
      headers: req.headers,
      status: 200,
    };
    this.calls.push(call);
    if (this.identity && !this.identity.acceptsBotToken(req.headers.authorization)) {
      call.status = 401;
      return { status: 401, body: { message: "Authorization has been denied for this request." } };
    }
    if (route.operation === "member") return this.member(call, route.conversationId!, route.memberId!);

    const failure = this.failures.shift();
    if (failure) {
      call.status = failure.status;
      const headers: Record<string, string> =
        failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {};
      const code =
        failure.status === 429 ? "TooManyRequests" : failure.status >= 500 ? "ServiceError" : "BadArgument";
      return {
        status: failure.status,
        body: { error: { code, message: `fake connector: injected ${failure.status}` } },
        headers,
      };
    }
    const refusal = this.refusal(call, route.operation, raw);
    if (refusal) {
      this.refusals.push(call);
      return refusal;
    }
    switch (route.operation) {
      case "reply":
      case "send":
        call.answeredId = this.nextId();
        return { status: 200, body: { id: call.answeredId } };
      case "update":
        call.answeredId = route.activityId;
        return { status: 200, body: { id: route.activityId } };
      case "delete":
        return { status: 200 };
      case "createConversation":
        call.answeredId = `a:fake-conversation-${++this.sequence}`;
        return {
          status: 200,
          body: { id: call.answeredId, activityId: this.nextId(), serviceUrl: `${this.url}/` },
        };
      case "other":
        call.status = 404;
        return {
          status: 404,
          body: { error: { code: "NotFound", message: `fake connector: no route for ${method} ${path}` } },
        };
    }
  }

  /**
   * What the real connector refuses in what the bot sends: a card Teams cannot show (400 BadArgument),
   * a message over the size limit (413 MessageSizeTooBig), a thread sent to too fast (429
   * TooManyRequests with Retry-After). The error shape is the connector's ErrorResponse.
   */
  private refusal(
    call: ConnectorCall,
    operation: ConnectorOperation,
    raw: string,
  ): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
    const activity =
      operation === "createConversation"
        ? (call.body.activity as Record<string, unknown> | undefined)
        : operation === "reply" || operation === "send" || operation === "update"
          ? call.body
          : undefined;
    if (activity) {
      const violations = activityViolations(
        activity,
        operation === "createConversation" ? JSON.stringify(activity) : raw,
      );
      countPayload("teams", operation, violations.length > 0);
      if (violations.length > 0) {
        call.violations = violations;
        const tooBig = violations.some((v) => v.rule === "size");
        call.status = tooBig ? 413 : 400;
        const message = violations.map((v) => `${v.rule}: ${v.message}`).join("; ");
        return {
          status: call.status,
          body: { error: { code: tooBig ? "MessageSizeTooBig" : "BadArgument", message } },
        };
      }
    }
    if (operation === "reply" || operation === "send" || operation === "update" || operation === "delete") {
      const retryAfter = this.throttle(call.conversationId!);
      if (retryAfter !== undefined) {
        call.status = 429;
        call.rateLimited = true;
        return {
          status: 429,
          body: { error: { code: "TooManyRequests", message: "fake connector: thread rate limit" } },
          headers: { "retry-after": String(retryAfter) },
        };
      }
    }
    return undefined;
  }

  /** Counts a send to `thread`; when it would break a limit, the seconds until it would not. */
  private throttle(thread: string): number | undefined {
    const now = this.now();
    const longest = Math.max(...TEAMS_THREAD_LIMITS.map((l) => l.seconds)) * 1000;
    const times = (this.sends.get(thread) ?? []).filter((t) => t > now - longest);
    this.sends.set(thread, times);
    let wait = 0;
    for (const { seconds, operations } of TEAMS_THREAD_LIMITS) {
      const inWindow = times.filter((t) => t > now - seconds * 1000);
      // The oldest send in the window has to age out before one more fits.
      if (inWindow.length >= operations)
        wait = Math.max(wait, inWindow[inWindow.length - operations]! + seconds * 1000 - now);
    }
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    times.push(now);
    return undefined;
  }

  private member(
    call: ConnectorCall,
    conversationId: string,
    memberId: string,
  ): { status: number; body: unknown } {
    const member = this.members.get(memberId);
    if (!member) {
      call.status = 404;
      return {
        status: 404,
        body: {
          error: {
            code: "MemberNotFoundInConversation",
            message: `fake connector: ${memberId} is not a member of ${conversationId}`,
          },
        },
      };
    }
    const { name, email, userPrincipalName } = member;
    return {
      status: 200,
      body: { id: memberId, name, email, userPrincipalName, userRole: "user", tenantId: "fake-tenant" },
    };
  }

  private nextId(): string {
    return `1:fake-activity-${++this.sequence}`;
  }
}

/** The connector's routes, as botframework-connector calls them; conversation ids are URL-encoded. */
function routeOf(
  method: string,
  path: string,
): Pick<ConnectorCall, "operation" | "conversationId" | "activityId" | "memberId"> {
  const parts = path.split("/").filter(Boolean);
  if (parts[0] !== "v3" || parts[1] !== "conversations") return { operation: "other" };
  if (parts.length === 2) return { operation: method === "POST" ? "createConversation" : "other" };
  const conversationId = decodeURIComponent(parts[2]!);
  if (parts[3] === "members" && parts.length === 5 && method === "GET")
    return { operation: "member", conversationId, memberId: decodeURIComponent(parts[4]!) };
  if (parts[3] !== "activities") return { operation: "other", conversationId };
  if (parts.length === 4) return { operation: method === "POST" ? "send" : "other", conversationId };
  const activityId = decodeURIComponent(parts[4]!);
  if (parts.length !== 5) return { operation: "other", conversationId, activityId };
  const operation =
    method === "POST" ? "reply" : method === "PUT" ? "update" : method === "DELETE" ? "delete" : "other";
  return { operation, conversationId, activityId };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req
      .on("data", (c: Buffer) => chunks.push(c))
      .on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function parseJson(raw: string): Record<string, unknown> {
  if (raw === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { unparsed: raw };
  }
}
