// The cycle feature: the cluster's twice-yearly rhythm: terms, the kickoff that opens each term, and the cluster's status at a glance.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { cycleJobs } from "./app/jobs.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { CYCLE_COMMANDS } from "./surface/commands.ts";
import { cycleNotifications } from "./surface/notifications.ts";
import { CYCLE_ROUTES } from "./surface/routes.ts";

export const cycle: FeatureModule = {
  name: "cycle",
  commands: CYCLE_COMMANDS,
  actions: CYCLE_ROUTES,
  notifications: cycleNotifications,
  jobs: cycleJobs,
  messages,
  failures,
};
