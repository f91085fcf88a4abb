// Reading what platforms hand back from forms: values may be strings, arrays or absent.

/** The trimmed text of a form value, or undefined when it is empty. */
export function textOf(value: unknown): string | undefined {
  const s = Array.isArray(value) ? value[0] : value;
  return typeof s === "string" && s.trim() !== "" ? s.trim() : undefined;
}

/** Form metadata is our own JSON, but it travels through the client: never trust it to parse. */
export function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
