// The cycle's tick: the kickoff message some weeks before each term opens.
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { scheduleCycleKickoffs } from "./schedule-cycle-kickoffs.ts";

export const cycleJobs: readonly FeatureJob[] = [
  { name: "cycle-kickoffs", cron: "10 */5 * * * *", run: (app) => scheduleCycleKickoffs(app) },
];
