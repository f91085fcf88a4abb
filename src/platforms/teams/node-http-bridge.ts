// CloudAdapter expects Express-like request/response objects; we run on plain node:http.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request, Response } from "botbuilder";
import { type JsonObjectRead, parseJsonObject, readBody } from "../../http/read-body.ts";

/** The activity as a JSON object, or why not (413 too large, 408 too slow, 400 not an object). */
export async function readJsonBody(req: IncomingMessage): Promise<JsonObjectRead> {
  const body = await readBody(req);
  return body.ok ? parseJsonObject(body.raw.toString("utf8")) : body;
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
