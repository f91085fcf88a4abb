// The cycle feature: the cluster's twice-yearly rhythm: terms, the kickoff that opens each term, and the cluster's status at a glance.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { CYCLE_COMMANDS } from "./surface/commands.ts";
import { CYCLE_ROUTES } from "./surface/routes.ts";

export const cycle: FeatureModule = {
  name: "cycle",
  commands: CYCLE_COMMANDS,
  actions: CYCLE_ROUTES,
};

// What other features use of this one.
export { scheduleCycleKickoffs } from "./app/schedule-cycle-kickoffs.ts";
export { cycleKickoffView } from "./surface/cycle-view.ts";
