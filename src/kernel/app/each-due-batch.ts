// A due-driven tick's loop: select what is due now through an index, in bounded batches, act on each
// item alone (eachJobItem), again while a batch came back full. An item that acted moves its own due
// time on (or clears it), so the next batch holds new items; an item that failed stays due and is left
// out for the rest of this tick (the next tick tries it again), so it cannot spin the loop.
import type { AppContext } from "./context.ts";
import { eachJobItem, type JobItemCounts } from "./each-job-item.ts";

export type DueBatchOptions<T extends { id: string }> = {
  job: string;
  /** Up to `take` due items, earliest first, except the ids in `skip` (this tick's failures). */
  select: (take: number, skip: string[]) => Promise<T[]>;
  describe: (item: T) => Record<string, string>;
  work: (item: T) => Promise<void>;
  batchSize?: number;
  /** A bound on one tick's work; what is left is due on the next tick. */
  maxBatches?: number;
  signal?: AbortSignal;
};

export async function eachDueBatch<T extends { id: string }>(
  ctx: Pick<AppContext, "onJobItemFailure">,
  { job, select, describe, work, batchSize = 50, maxBatches = 20, signal }: DueBatchOptions<T>,
): Promise<JobItemCounts> {
  const total: JobItemCounts = { done: 0, failed: 0 };
  const failed: string[] = [];
  for (let batch = 0; batch < maxBatches && !signal?.aborted; batch += 1) {
    const items = await select(batchSize, failed);
    const counts = await eachJobItem(ctx, job, items, describe, async (item) => {
      try {
        await work(item);
      } catch (error) {
        failed.push(item.id);
        throw error;
      }
    });
    total.done += counts.done;
    total.failed += counts.failed;
    if (items.length < batchSize) break;
  }
  return total;
}
