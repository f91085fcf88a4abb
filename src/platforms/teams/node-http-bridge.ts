// The Teams endpoint reads its JSON body itself (we run on plain node:http, not Express).
import type { IncomingMessage } from "node:http";
import { type JsonObjectRead, parseJsonObject, readBody } from "../../http/read-body.ts";

/** The activity as a JSON object, or why not (413 too large, 408 too slow, 400 not an object). */
export async function readJsonBody(req: IncomingMessage): Promise<JsonObjectRead> {
  const body = await readBody(req);
  return body.ok ? parseJsonObject(body.raw.toString("utf8")) : body;
}
