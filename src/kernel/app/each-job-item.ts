// One bad item fails alone. A background job works through many items (measures, polls, pulses,
// clusters); one that throws — a corrupt setting, a time zone no engine knows, a row deleted under us
// — is reported (logged and counted by the bot) and skipped, and every other item is still served.
import type { AppContext } from "./context.ts";

export type JobItemCounts = { done: number; failed: number };

export async function eachJobItem<T>(
  ctx: Pick<AppContext, "onJobItemFailure">,
  job: string,
  items: Iterable<T>,
  /** Ids only (never names or text): they go to the log. */
  describe: (item: T) => Record<string, string>,
  work: (item: T) => Promise<void>,
): Promise<JobItemCounts> {
  const counts: JobItemCounts = { done: 0, failed: 0 };
  for (const item of items) {
    try {
      await work(item);
      counts.done += 1;
    } catch (error) {
      counts.failed += 1;
      try {
        ctx.onJobItemFailure?.({ job, item: describe(item), error });
      } catch {
        // An observer that fails must not turn one bad item into a failed job.
      }
    }
  }
  return counts;
}
