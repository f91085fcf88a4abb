// The meetings feature: planning a meeting with a date poll, finalising, rescheduling or cancelling it, reminders and calendar files.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const meetings: FeatureModule = {
  name: "meetings",
  messages,
  failures,
};
