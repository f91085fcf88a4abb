// The bridge feature: one cluster across Slack and Teams: link codes for channels and accounts, and mirroring.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const bridge: FeatureModule = {
  name: "bridge",
  messages,
  failures,
};
