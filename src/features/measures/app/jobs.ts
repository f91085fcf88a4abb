// The measures' ticks: follow-up reminders and escalations, and the clusters' digests.
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { scheduleClusterDigests } from "./schedule-cluster-digests.ts";
import { scheduleMeasureFollowUps } from "./schedule-measure-follow-ups.ts";

export const measureJobs: readonly FeatureJob[] = [
  { name: "measure-follow-ups", cron: "0 * * * * *", run: (app) => scheduleMeasureFollowUps(app) },
  { name: "cluster-digests", cron: "40 */5 * * * *", run: (app) => scheduleClusterDigests(app) },
];
