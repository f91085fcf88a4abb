// The people feature: a person's identity, language and data rights (my data, erasure).
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { PEOPLE_COMMANDS } from "./surface/commands.ts";
import { PEOPLE_ROUTES } from "./surface/routes.ts";

export const people: FeatureModule = {
  name: "people",
  commands: PEOPLE_COMMANDS,
  actions: PEOPLE_ROUTES,
  messages,
  failures,
};
