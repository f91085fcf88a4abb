// The clusters feature: setting a cluster up in a channel, joining and leaving, roles, the member list, status and help.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const clusters: FeatureModule = {
  name: "clusters",
  messages,
  failures,
};
