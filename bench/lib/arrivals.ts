// Starting a burst's members at their planned moments: each one's run begins when its offset after
// `startNs` comes (a timer per next arrival, never a busy loop), and how late it began is recorded,
// so a report can tell the load generator's own lag from the bot's.
import { nsToMs } from "./stats.ts";

export type Arrival = { startOffsetNs: bigint };

/** Runs `begin` for each item at startNs + its offset (items sorted by offset); resolves when all are done. */
export async function startAtOffsets<T extends Arrival>(
  items: readonly T[],
  startNs: bigint,
  begin: (item: T) => Promise<void>,
  lagMs: number[],
): Promise<void> {
  const running: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = process.hrtime.bigint();
      while (next < items.length && startNs + items[next]!.startOffsetNs <= now) {
        const item = items[next]!;
        lagMs.push(nsToMs(now - (startNs + item.startOffsetNs)));
        running.push(begin(item));
        next += 1;
      }
      if (next < items.length) {
        const waitNs = startNs + items[next]!.startOffsetNs - process.hrtime.bigint();
        setTimeout(tick, Math.max(0, Math.floor(Number(waitNs) / 1e6)));
      } else resolve();
    };
    tick();
  });
  await Promise.all(running);
}
