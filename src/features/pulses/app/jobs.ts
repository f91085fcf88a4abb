// The pulses' ticks: closing pulses when due, reminders to those who have not answered, retention.
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { closeDuePulses } from "./close-due-pulses.ts";
import { applyRetention } from "./retention.ts";
import { schedulePulseReminders } from "./schedule-pulse-reminders.ts";

export const pulseJobs: readonly FeatureJob[] = [
  { name: "close-due-pulses", cron: "50 * * * * *", run: (app) => closeDuePulses(app) },
  { name: "pulse-reminders", cron: "30 */5 * * * *", run: (app) => schedulePulseReminders(app) },
  { name: "pulse-retention", cron: "0 15 3 * * *", run: (app) => applyRetention(app) },
];
