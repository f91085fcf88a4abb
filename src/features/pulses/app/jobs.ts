// The pulses' ticks: closing pulses when due, reminders to those who have not answered, retention.
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { CLOSE_DUE_PULSES_JOB, closeDuePulses } from "./close-due-pulses.ts";
import { applyRetention } from "./retention.ts";
import { PULSE_REMINDERS_JOB, schedulePulseReminders } from "./schedule-pulse-reminders.ts";

export const pulseJobs: readonly FeatureJob[] = [
  { name: CLOSE_DUE_PULSES_JOB, cron: "50 * * * * *", run: (app, signal) => closeDuePulses(app, signal) },
  {
    name: PULSE_REMINDERS_JOB,
    cron: "30 */5 * * * *",
    run: (app, signal) => schedulePulseReminders(app, signal),
  },
  { name: "pulse-retention", cron: "0 15 3 * * *", run: (app) => applyRetention(app) },
];
