// The home feature: the personal home: what waits for a person in all their clusters.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { messages } from "./messages/index.ts";
import { HOME_COMMANDS, HOME_ROUTES } from "./surface/commands.ts";

export const home: FeatureModule = {
  name: "home",
  commands: HOME_COMMANDS,
  actions: HOME_ROUTES,
  messages,
};
