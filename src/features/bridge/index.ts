// The bridge feature: one cluster across Slack and Teams: link codes for channels and accounts, and mirroring.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { BRIDGE_COMMANDS } from "./surface/commands.ts";
import { mirrorOutputs } from "./surface/mirror-outputs.ts";
import { bridgeNotifications } from "./surface/notifications.ts";

export const bridge: FeatureModule = {
  name: "bridge",
  commands: BRIDGE_COMMANDS,
  // A bridged cluster's other channels get the channel posts and redraws too.
  hooks: { afterOutputs: (hc, outputs) => mirrorOutputs(hc.app, hc.envelope, outputs) },
  notifications: bridgeNotifications,
  messages,
  failures,
};
