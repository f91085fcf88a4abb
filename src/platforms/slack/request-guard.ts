// In front of Bolt's HTTPReceiver: Bolt 5.1 reads a signed body without checking its shape. A JSON
// `null` throws inside its request handler, outside any catch, and stops the process; an interaction
// without `user`, or with `actions` that is not a list, throws in its routing and is answered 500 (and
// retried by Slack). So the body is read here, bounded in size and time, and a signed body Bolt could
// not read safely is answered 400 before Bolt sees it. Unsigned requests go on to Bolt, which answers
// them 401 (or its unsigned ssl_check).
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { type BufferedIncomingMessage, isValidSlackRequest } from "@slack/bolt";
import { z } from "zod";
import {
  type BodyFailure,
  type BodyLimits,
  type JsonObjectRead,
  parseJsonObject,
  readBody,
  refuseBody,
} from "../../http/read-body.ts";
import type { Logger } from "../../log/logger.ts";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function guardSlackRequests(
  bolt: Listener,
  options: { signingSecret: string; log: Logger; limits?: BodyLimits },
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const body = await readBody(req, options.limits);
    if (!body.ok) return refuse(body);
    // Bolt reads a request whose rawBody is set instead of reading the (now consumed) stream again.
    (req as BufferedIncomingMessage).rawBody = body.raw;
    const text = body.raw.toString("utf8");
    if (!signedBySlack(req, text, options.signingSecret)) return bolt(req, res);
    const parsed = parseAsBolt(req, text);
    const problem = parsed.ok ? unreadableByBolt(parsed.value) : parsed.error;
    if (problem) return refuse({ ok: false, status: 400, error: problem });
    bolt(req, res);

    function refuse(failure: BodyFailure) {
      options.log.warn("refused a slack request", { status: failure.status, error: failure.error });
      refuseBody(res, failure);
    }
  };
}

function signedBySlack(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers["x-slack-signature"];
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  if (typeof signature !== "string" || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
  });
}

/** The body exactly as Bolt's parseHTTPRequestBody will see it (form fields, or `payload`'s JSON). */
function parseAsBolt(req: IncomingMessage, text: string): JsonObjectRead {
  if (req.headers["content-type"] !== "application/x-www-form-urlencoded") return parseJsonObject(text);
  const fields = parseQuery(text);
  return typeof fields.payload === "string" ? parseJsonObject(fields.payload) : { ok: true, value: fields };
}

const object = z.looseObject({});
/** Bolt reads `x.y` of these without looking: each must be an object when present. */
const Interaction = z.looseObject({
  user: z.looseObject({ id: z.string() }),
  team: object.nullable().optional(),
  enterprise: object.nullable().optional(),
  channel: object.optional(),
  actions: z.array(object).min(1).optional(),
  view: object.optional(),
});
const EventCallback = z.looseObject({
  authorizations: z.array(object).optional(),
  event: z.looseObject({
    type: z.string(),
    user: z.union([z.string(), object]).optional(),
    channel: z.union([z.string(), object]).optional(),
    item: object.optional(),
    subteam: object.optional(),
  }),
});

/** Why Bolt 5.1 would throw on this body (mirroring its getTypeAndConversation), or null. */
function unreadableByBolt(body: Record<string, unknown>): string | null {
  const invalid = (schema: z.ZodType, what: string) =>
    schema.safeParse(body).success ? null : `malformed ${what}`;
  // Answered by the receiver itself.
  if (body.ssl_check === "1" || body.type === "url_verification") return null;
  if (body.event !== undefined) return invalid(EventCallback, "event callback");
  if (body.command !== undefined) return null;
  if (
    body.name !== undefined ||
    body.actions !== undefined ||
    ["block_suggestion", "dialog_submission", "shortcut", "message_action"].includes(String(body.type))
  )
    return invalid(Interaction, "interaction");
  if (body.type === "view_submission" || body.type === "view_closed")
    return invalid(Interaction.extend({ view: object }), "view interaction");
  // Bolt would ignore it and answer 404 only after its 3-s ack timeout.
  return "not a Slack event, command or interaction";
}
