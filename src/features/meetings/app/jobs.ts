// The meetings' tick: nudges to members who have not answered a date poll.
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { schedulePollNudges } from "./schedule-poll-nudges.ts";

export const meetingJobs: readonly FeatureJob[] = [
  { name: "poll-nudges", cron: "20 * * * * *", run: (app) => schedulePollNudges(app) },
];
