// The people feature: a person's identity, language and data rights (my data, erasure).
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";

export const people: FeatureModule = {
  name: "people",
};
