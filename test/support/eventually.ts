// What the bot does after it has answered (Slack acks first; posts and their bookkeeping follow):
// tests wait for the outcome itself rather than for a fixed time.

/** Resolves with what `find` finds once it finds something; fails after `timeoutMs`. */
export async function eventually<T>(
  find: () => T | undefined | null | Promise<T | undefined | null>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined && found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the bot`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
