// The forum feature: the chairs' forum: a channel for the chairs, vice-chairs and coordinators, and its cross-cluster report.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const forum: FeatureModule = {
  name: "forum",
  messages,
  failures,
};
