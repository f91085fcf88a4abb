// The pulses feature: pulses: questionnaires to the members, anonymous answers, results, exports and retention.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { pulseJobs } from "./app/jobs.ts";
import { pulseNotifications } from "./surface/notifications.ts";

export const pulses: FeatureModule = {
  name: "pulses",
  notifications: pulseNotifications,
  jobs: pulseJobs,
};
