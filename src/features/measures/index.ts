// The measures feature: the measures register: assigning, check-ins, follow-up reminders and digests.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const measures: FeatureModule = {
  name: "measures",
  messages,
  failures,
};
