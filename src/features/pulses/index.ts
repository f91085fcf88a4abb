// The pulses feature: pulses: questionnaires to the members, anonymous answers, results, exports and retention.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const pulses: FeatureModule = {
  name: "pulses",
  messages,
  failures,
};
