// The minutes feature: minutes: drafting, approving and exporting them as documents.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const minutes: FeatureModule = {
  name: "minutes",
  messages,
  failures,
};
