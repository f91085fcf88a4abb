// The jobs are the features' (each declares its own in app/jobs.ts) plus the kernel's housekeeping:
// the same names and cron expressions as when one hub listed them, and the bot's scheduler runs each
// by name (tests and operators tick them so).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appJobs } from "../../src/jobs/start-jobs.ts";
import { registry } from "../../src/kernel/registry.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

/** Names sit in logs and in tests' ticks, crons in operators' expectations: never change one here alone. */
const EXPECTED = [
  { name: "close-due-delphi-rounds", cron: "40 * * * * *" },
  { name: "close-due-pulses", cron: "50 * * * * *" },
  { name: "cluster-digests", cron: "40 */5 * * * *" },
  { name: "cycle-kickoffs", cron: "10 */5 * * * *" },
  { name: "delphi-reminders", cron: "20 */5 * * * *" },
  { name: "measure-follow-ups", cron: "0 * * * * *" },
  { name: "open-scheduled-delphi-rounds", cron: "45 * * * * *" },
  { name: "poll-nudges", cron: "20 * * * * *" },
  { name: "pulse-reminders", cron: "30 */5 * * * *" },
  { name: "pulse-retention", cron: "0 15 3 * * *" },
  { name: "purge-downloads", cron: "30 7 * * * *" },
  { name: "purge-interaction-receipts", cron: "45 17 * * * *" },
];

describe("feature jobs", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({}, undefined, { jobs: "manual" });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("keeps every job's name and cron", () => {
    const app = { db: bot.db.prisma, clock: { now: () => new Date() }, compose: surfaceComposer };
    const jobs = appJobs(app, registry().jobs).map(({ name, cron }) => ({ name, cron }));
    expect(jobs.sort((a, b) => a.name.localeCompare(b.name))).toEqual(EXPECTED);
  });

  it("lets the bot's scheduler run each job by name", async () => {
    for (const { name } of EXPECTED)
      expect([name, await bot.bot.jobs!.scheduler.tick(name)]).toEqual([name, "ran"]);
  });
});
