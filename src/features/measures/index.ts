// The measures feature: the measures register: assigning, check-ins, follow-up reminders and digests.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { measureJobs } from "./app/jobs.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { MEASURE_COMMANDS } from "./surface/commands.ts";
import { measureNotifications } from "./surface/notifications.ts";
import { MEASURE_FORM_ROUTES, MEASURE_ROUTES } from "./surface/routes.ts";

export const measures: FeatureModule = {
  name: "measures",
  commands: MEASURE_COMMANDS,
  actions: MEASURE_ROUTES,
  forms: MEASURE_FORM_ROUTES,
  notifications: measureNotifications,
  jobs: measureJobs,
  messages,
  failures,
};

// What other features use of this one.
export type { MeasureStatus } from "./domain/follow-up-policy.ts";
export { measuresCommand } from "./surface/handlers.ts";
export { measureButtons, statusLabel } from "./surface/measure-views.ts";
