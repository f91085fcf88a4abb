// The delivery keys behind "every action once": one claim per key, also when the same delivery
// arrives several times at once; a claim given back can be taken again; receipts are purged after
// RECEIPT_DAYS; only a digest of the key is stored.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { KERNEL_JOBS } from "../../src/jobs/start-jobs.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import {
  claimInteraction,
  purgeInteractionReceipts,
  RECEIPT_DAYS,
  releaseInteraction,
} from "../../src/kernel/app/interaction-receipts.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";

let db: TestDatabase;
let ctx: AppContext;
let now = new Date("2027-04-01T09:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = new Date("2027-04-01T09:00:00Z");
});

const VIEW = "slack:view:T-LAPLAND:V0123:1700000000.abc";

it("claims a key once; another key is its own", async () => {
  expect(await claimInteraction(ctx, VIEW)).toBe(true);
  expect(await claimInteraction(ctx, VIEW)).toBe(false);
  expect(await claimInteraction(ctx, `${VIEW}x`)).toBe(true);
  // The key names people: only its SHA-256 is kept.
  const keys = (await db.prisma.processedInteraction.findMany()).map((r) => r.key);
  expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
});

it("gives exactly one of four simultaneous deliveries the claim", async () => {
  const claims = await Promise.all([1, 2, 3, 4].map(() => claimInteraction(ctx, VIEW)));
  expect(claims.filter(Boolean)).toHaveLength(1);
  expect(await db.prisma.processedInteraction.count()).toBe(1);
});

it("lets a released claim be taken again", async () => {
  expect(await claimInteraction(ctx, VIEW)).toBe(true);
  await releaseInteraction(ctx, VIEW);
  expect(await claimInteraction(ctx, VIEW)).toBe(true);
  expect(await claimInteraction(ctx, VIEW)).toBe(false);
});

it(`purges receipts older than ${RECEIPT_DAYS} days`, async () => {
  await claimInteraction(ctx, "old");
  now = new Date(now.getTime() + DAY);
  await claimInteraction(ctx, "recent");
  now = new Date(now.getTime() + (RECEIPT_DAYS - 1) * DAY + 1);
  expect(await purgeInteractionReceipts(ctx)).toEqual({ deleted: 1 });
  expect(await claimInteraction(ctx, "recent")).toBe(false);
  expect(await claimInteraction(ctx, "old")).toBe(true);
});

it("is purged by an hourly job", async () => {
  await claimInteraction(ctx, "old");
  now = new Date(now.getTime() + RECEIPT_DAYS * DAY + 1);
  const job = KERNEL_JOBS.find((j) => j.name === "purge-interaction-receipts");
  expect(job?.cron).toMatch(/^\d+ \d+ \* \* \* \*$/);
  await job!.run(ctx, new AbortController().signal);
  expect(await db.prisma.processedInteraction.count()).toBe(0);
});
