// The cycle feature: the cluster's twice-yearly rhythm: terms, and the kickoff that opens each term.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const cycle: FeatureModule = {
  name: "cycle",
  messages,
  failures,
};
