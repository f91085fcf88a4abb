// The ticks that turn the cluster's rhythm into outbox rows. Each is idempotent (stable outbox
// keys), so overlapping instances or a restart mid-tick only repeat work, never messages.

import { scheduleCycleKickoffs } from "../features/cycle/index.ts";
import { scheduleClusterDigests, scheduleMeasureFollowUps } from "../features/measures/index.ts";
import { schedulePollNudges } from "../features/meetings/index.ts";
import { applyRetention, closeDuePulses, schedulePulseReminders } from "../features/pulses/index.ts";
import type { AppContext } from "../kernel/app/context.ts";
import { purgeDownloads } from "../kernel/app/files/purge-downloads.ts";
import { purgeInteractionReceipts } from "../kernel/app/interaction-receipts.ts";
import type { Job } from "./scheduler.ts";

export function reminderJobs(app: AppContext): Job[] {
  return [
    { name: "measure-follow-ups", cron: "0 * * * * *", run: () => scheduleMeasureFollowUps(app) },
    { name: "poll-nudges", cron: "20 * * * * *", run: () => schedulePollNudges(app) },
    { name: "cluster-digests", cron: "40 */5 * * * *", run: () => scheduleClusterDigests(app) },
    { name: "close-due-pulses", cron: "50 * * * * *", run: () => closeDuePulses(app) },
    { name: "purge-downloads", cron: "30 7 * * * *", run: () => purgeDownloads(app) },
    {
      name: "purge-interaction-receipts",
      cron: "45 17 * * * *",
      run: () => purgeInteractionReceipts(app),
    },
    { name: "pulse-reminders", cron: "30 */5 * * * *", run: () => schedulePulseReminders(app) },
    { name: "cycle-kickoffs", cron: "10 */5 * * * *", run: () => scheduleCycleKickoffs(app) },
    { name: "pulse-retention", cron: "0 15 3 * * *", run: () => applyRetention(app) },
  ];
}
