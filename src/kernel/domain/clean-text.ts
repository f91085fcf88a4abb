// PostgreSQL stores neither NUL nor a lone UTF-16 surrogate: in text NUL is "invalid byte sequence", in
// jsonb "\u0000" and an unpaired "\ud800" are "unsupported Unicode escape sequence". Such text reaches us
// only by accident (a paste from a terminal, a broken client) or on purpose, so it is cleaned where it
// enters instead of failing a use case halfway with a database error.

/** C0 control characters except tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Without control characters (tab and newlines stay); a lone surrogate becomes U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(CONTROLS, "").replace(LONE_SURROGATE, "\ufffd");
}

/**
 * Every string in a plain value (objects and arrays, `maxDepth` levels down) cleaned; anything else
 * as it is. For envelopes and conversation references, which are shallow.
 */
export function cleanStrings(value: unknown, maxDepth = 8): unknown {
  if (typeof value === "string") return cleanText(value);
  if (maxDepth <= 0 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, maxDepth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v, maxDepth - 1)]),
  );
}
