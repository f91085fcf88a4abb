// Every interaction is acted on once per delivery. Slack may deliver a view submission or a click
// again (a retry, a replayed signed request), and Teams retries an invoke with the same activity id;
// the dispatcher claims the delivery's natural key here before any handler runs. The claim is one
// INSERT … ON CONFLICT DO NOTHING, so of two identical deliveries arriving at once exactly one wins,
// on PGlite and PostgreSQL alike, across instances.
//
// Only a SHA-256 of the key is stored: keys name people (Slack user ids, Teams conversations), and
// a receipt must not outlive an erasure as personal data. Receipts are purged after RECEIPT_DAYS, far
// beyond Slack's 5-minute signature window and Teams' retries.
import { createHash } from "node:crypto";
import type { AppContext } from "./context.ts";

export const RECEIPT_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

/** True for the first delivery of `key`; false for a replay or a duplicate arriving at the same time. */
export async function claimInteraction(ctx: AppContext, key: string): Promise<boolean> {
  const { count } = await ctx.db.processedInteraction.createMany({
    data: [{ key: digest(key), createdAt: ctx.clock.now() }],
    skipDuplicates: true,
  });
  return count === 1;
}

/** Gives a claim back when the interaction changed nothing, so that a genuine retry can run. */
export async function releaseInteraction(ctx: AppContext, key: string): Promise<void> {
  await ctx.db.processedInteraction.deleteMany({ where: { key: digest(key) } });
}

/** Hourly: receipts older than RECEIPT_DAYS go. */
export async function purgeInteractionReceipts(ctx: AppContext): Promise<{ deleted: number }> {
  const before = new Date(ctx.clock.now().getTime() - RECEIPT_DAYS * DAY_MS);
  const { count } = await ctx.db.processedInteraction.deleteMany({ where: { createdAt: { lt: before } } });
  return { deleted: count };
}
