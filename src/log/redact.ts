// What must never be written to a log line or a stored error text: members' e-mail addresses,
// credentials, and the one-time secrets the bot hands out (download links, link codes). The logger
// passes every string it writes through here (the message, every field, error messages and stacks),
// whichever library produced it: Bolt's Web API client logs whole API results at debug level
// (users.info carries the e-mail address), error messages may quote a query's arguments.
//
// Masking is by shape, so it also catches what nobody thought to leave out; the price is that a
// string which merely looks like a secret (an uppercase `ABCD-EFGH`) is masked too.

/** Link code symbols (src/features/bridge/app/link-code.ts): no 0/O, 1/I/L. */
const CODE = "[A-HJKMNP-Z2-9]";
const CODE_ANY_CASE = "[A-HJKMNP-Za-hjkmnp-z2-9]";

const RULES: readonly [RegExp, string][] = [
  // Slack tokens (bot, user, app-level, refresh, configuration) keep their prefix: it says which.
  [/\b(xox[abceoprs]|xapp)-[A-Za-z0-9-]+/g, "$1-[redacted]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
  // JSON Web Tokens (Bot Framework's access tokens and the JWTs Teams signs its requests with).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, "[redacted jwt]"],
  // A JSON field that holds a credential, inside a string (a request body a library logged).
  [
    /("(?:token|access_token|refresh_token|client_secret|signing_secret|password|authorization)"\s*:\s*)"[^"]*"/gi,
    '$1"[redacted]"',
  ],
  // Download links: /files/<43 characters of base64url>/<name>.
  [/\/files\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, "/files/[redacted]"],
  // Link codes as the bot writes them (K7QM-4XPD), and as typed after "link" in any case or spacing.
  [new RegExp(`(?<![\\w-])${CODE}{4}-${CODE}{4}(?![\\w-])`, "g"), "[redacted code]"],
  [
    new RegExp(`\\b(link\\s+)${CODE_ANY_CASE}{4}[\\s-]?${CODE_ANY_CASE}{4}(?![\\w-])`, "gi"),
    "$1[redacted code]",
  ],
  // E-mail addresses, also URL-encoded (%40) and guests' `name_home.example#EXT#@tenant…`.
  [
    // Bounded (a local part has at most 64 characters): linear even on a long base64 string.
    /[A-Za-z0-9.!#$%&'*+?^_`{|}~-]{1,64}(?:@|%40)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}[A-Za-z]{2,24}\b/g,
    "[redacted e-mail]",
  ],
];

/** Field names whose values are credentials whatever they look like. */
const SECRET_KEY =
  /^(token|access_?token|refresh_?token|bot_?token|app_?token|secret|client_?secret|signing_?secret|password|authorization|cookie)$/i;

export function redactText(value: string): string {
  let out = value;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` that is safe to serialise: strings masked, errors reduced to name, message,
 * stack and cause (never their other properties: an HTTP client's error carries the request, headers
 * included), credentials by field name, cycles and bigints that JSON.stringify would throw on.
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[…]";
  seen.add(value);
  try {
    if (value instanceof Error) {
      const error: Record<string, unknown> = {
        name: value.name,
        message: redactText(String(value.message)),
        stack: value.stack === undefined ? undefined : redactText(String(value.stack)),
      };
      // A driver's code (ECONNREFUSED, P1001, 57P01) says what went wrong without quoting anything.
      const code = (value as { code?: unknown }).code;
      if (typeof code === "string" || typeof code === "number") error.code = code;
      if (value instanceof AggregateError && Array.isArray(value.errors))
        error.errors = value.errors.map((item: unknown) => redactValue(item, depth + 1, seen));
      // The chain to the root cause (a Prisma error wrapping the driver's, wrapping the socket's).
      if (value.cause !== undefined) error.cause = redactValue(value.cause, depth + 1, seen);
      return error;
    }
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
    const toJSON = readProperty(value, "toJSON");
    if (typeof toJSON === "function") {
      try {
        return redactValue(toJSON.call(value), depth + 1, seen);
      } catch {
        return "[unserialisable]";
      }
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = readProperty(value, key);
      out[key] =
        SECRET_KEY.test(key) && item !== undefined && item !== null
          ? "[redacted]"
          : redactValue(item, depth + 1, seen);
    }
    return out;
  } catch {
    // A proxy whose traps throw, or some other object that refuses to be looked at.
    return "[unserialisable]";
  } finally {
    seen.delete(value);
  }
}

/** A property's value, or a marker when reading it throws (a getter that fails). */
function readProperty(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return "[unreadable]";
  }
}
