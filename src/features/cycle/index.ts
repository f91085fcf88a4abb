// The cycle feature: the cluster's twice-yearly rhythm: terms, and the kickoff that opens each term.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { CYCLE_COMMANDS } from "./surface/commands.ts";
import { CYCLE_ROUTES } from "./surface/routes.ts";

export const cycle: FeatureModule = {
  name: "cycle",
  commands: CYCLE_COMMANDS,
  actions: CYCLE_ROUTES,
};
