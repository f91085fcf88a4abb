// The measures feature: the measures register: assigning, check-ins, follow-up reminders and digests.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { MEASURE_COMMANDS } from "./surface/commands.ts";
import { MEASURE_FORM_ROUTES, MEASURE_ROUTES } from "./surface/routes.ts";

export const measures: FeatureModule = {
  name: "measures",
  commands: MEASURE_COMMANDS,
  actions: MEASURE_ROUTES,
  forms: MEASURE_FORM_ROUTES,
};

// What other features use of this one.
export { scheduleClusterDigests } from "./app/schedule-cluster-digests.ts";
export { scheduleMeasureFollowUps } from "./app/schedule-measure-follow-ups.ts";
export type { MeasureStatus } from "./domain/follow-up-policy.ts";
export { measuresCommand } from "./surface/handlers.ts";
export { measureButtons, statusLabel } from "./surface/measure-views.ts";
