// The people feature: a person's identity, language and data rights (my data, erasure).
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const people: FeatureModule = {
  name: "people",
  messages,
  failures,
};
