// A local stand-in for the *remote* Slack Web API (and response_url endpoints): records every call
// the bot makes, answers like Slack does, and can inject 429/500 responses. It also plays Slack's
// external file upload: files.getUploadURLExternal hands out an upload URL on this server, the bytes
// POSTed there are kept (`uploadedFiles`), and files.completeUploadExternal finishes the upload.
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
type RateLimit = { perSecond: number; accepted: number[] };

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, SlackUserFixture>();
  /** Every file the bot asked an upload URL for, by file id (see FakeSlackFile). */
  readonly files = new Map<string, FakeSlackFile>();
  /** Set by tests of Socket Mode: what apps.connections.open hands out. */
  socketUrl = "";
  private readonly failures = new Map<string, Failure>();
  private readonly limits = new Map<string, RateLimit>();
  /** How many calls the rate limits answered with 429 (see rateLimit()). */
  rateLimitedCount = 0;
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
    this.files.clear();
    this.failures.clear();
    this.limits.clear();
    this.rateLimitedCount = 0;
  }

  async stop(): Promise<void> {
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
    const answer = this.decide(method, body);
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

  private decide(method: string, body: Record<string, unknown>): Answer {
    const failure = this.takeFailure(method);
    if (failure) return failure;
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
      case "chat.postEphemeral":
      case "chat.update": {
        const invalid = this.invalidImages(body.blocks);
        if (invalid.length > 0) return { ok: false, error: "invalid_blocks", errors: invalid };
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
