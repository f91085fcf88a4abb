// CloudAdapter expects Express-like request/response objects; we run on plain node:http.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "botbuilder";

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function toBotRequest(req: IncomingMessage, body: Record<string, unknown>): Request {
  return { body, headers: req.headers, method: req.method };
}

export function toBotResponse(res: ServerResponse): Response {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(body?: unknown) {
      if (res.writableEnded) return;
      if (body === undefined || body === null) return void res.end();
      if (typeof body === "string" || Buffer.isBuffer(body)) return void res.end(body);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(body));
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
