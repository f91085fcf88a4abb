// The measures feature: the measures register: assigning, check-ins, follow-up reminders and digests.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { measureJobs } from "./app/jobs.ts";
import { measureNotifications } from "./surface/notifications.ts";

export const measures: FeatureModule = {
  name: "measures",
  notifications: measureNotifications,
  jobs: measureJobs,
};
