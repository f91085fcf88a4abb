// The meetings' tick: nudges to members who have not answered a date poll.
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { POLL_NUDGES_JOB, schedulePollNudges } from "./schedule-poll-nudges.ts";

export const meetingJobs: readonly FeatureJob[] = [
  { name: POLL_NUDGES_JOB, cron: "20 * * * * *", run: (app, signal) => schedulePollNudges(app, signal) },
];
