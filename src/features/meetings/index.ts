// The meetings feature: planning a meeting with a date poll, finalising, rescheduling or cancelling it, reminders and calendar files.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { meetingJobs } from "./app/jobs.ts";
import { meetingNotifications } from "./surface/notifications.ts";

export const meetings: FeatureModule = {
  name: "meetings",
  notifications: meetingNotifications,
  jobs: meetingJobs,
};
