// Reading a request body ourselves, before any SDK sees it: bounded in size and time, and a JSON body
// must be an object of sane depth. What fails is answered 4xx here, so no SDK code runs on it.
import type { IncomingMessage, ServerResponse } from "node:http";

export type BodyLimits = {
  /** Larger bodies are answered 413. Slack and Teams payloads are a few kB; 1 MB is generous. */
  maxBytes: number;
  /** A body not complete this long after reading began is answered 408 (a trickling client). */
  timeoutMs: number;
};

export const BODY_LIMITS: BodyLimits = { maxBytes: 1024 * 1024, timeoutMs: 20_000 };

/**
 * Deeper JSON is refused. V8 parses any depth, but JSON.stringify, structuredClone and every recursive
 * walk overflow the stack near 10,000 levels; real Slack and Teams payloads stay under 20.
 */
export const MAX_JSON_DEPTH = 64;

export type BodyFailure = { ok: false; status: 400 | 408 | 413; error: string };
export type BodyRead = { ok: true; raw: Buffer } | BodyFailure;

export function readBody(req: IncomingMessage, limits: BodyLimits = BODY_LIMITS): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      // Stop reading what is left of a refused body; the answer closes the connection.
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes)
        return finish({ ok: false, status: 413, error: `body larger than ${limits.maxBytes} bytes` });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, raw: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, status: 400, error: "body could not be read" });
    const onClose = () => finish({ ok: false, status: 400, error: "body ended early" });
    const timer = setTimeout(
      () => finish({ ok: false, status: 408, error: `body not received within ${limits.timeoutMs} ms` }),
      limits.timeoutMs,
    );
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

export type JsonObjectRead = { ok: true; value: Record<string, unknown> } | BodyFailure;

/** JSON text that must be an object (not null, an array or a scalar) no deeper than `maxDepth`. */
export function parseJsonObject(text: string, maxDepth = MAX_JSON_DEPTH): JsonObjectRead {
  if (nestedDeeperThan(text, maxDepth))
    return { ok: false, status: 400, error: `JSON nested deeper than ${maxDepth} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, error: "body is not valid JSON" };
  }
  return isJsonObject(value)
    ? { ok: true, value }
    : { ok: false, status: 400, error: "body must be a JSON object" };
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One pass over the text, skipping strings; no recursion, so any input is safe to measure. */
export function nestedDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Answers a refused body and closes the connection: the rest of it is never read. */
export function refuseBody(res: ServerResponse, failure: BodyFailure): void {
  if (res.headersSent) return void res.end();
  res
    .writeHead(failure.status, { "content-type": "application/json", connection: "close" })
    .end(JSON.stringify({ error: failure.error }));
}
