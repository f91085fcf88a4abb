// The plain text a notification, a screen reader or a client without cards reads for a long view:
// its heading, its counts and its first items, not the heading alone. Kept short enough for a
// notification (Slack's `text` allows 40,000; a push preview shows far less, so the counts go first).

/** Characters of summary: enough for the counts and the first items, never a wall of text. */
export const FALLBACK_SUMMARY_MAX = 1500;

/** `heading — count, count: item; item; …` within FALLBACK_SUMMARY_MAX, items whole or left out. */
export function summaryFallback(heading: string, counts: string[], items: string[]): string {
  const head = counts.length ? `${heading} — ${counts.join(", ")}` : heading;
  let out = head;
  let shown = 0;
  for (const item of items) {
    const next = `${out}${shown === 0 ? ":\n" : "\n"}• ${item}`;
    if (next.length > FALLBACK_SUMMARY_MAX - 4) break;
    out = next;
    shown += 1;
  }
  return shown < items.length && shown > 0 ? `${out}\n…` : out;
}
