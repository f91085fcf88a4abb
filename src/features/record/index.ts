// The record feature: the meeting's record: attendance, decisions and agenda outcomes.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { RECORD_COMMANDS } from "./surface/commands.ts";
import { RECORD_FORM_ROUTES, RECORD_ROUTES } from "./surface/routes.ts";

export const record: FeatureModule = {
  name: "record",
  commands: RECORD_COMMANDS,
  actions: RECORD_ROUTES,
  forms: RECORD_FORM_ROUTES,
  messages,
  failures,
};

// What other features use of this one.
export { loadMeetingRecord } from "./app/load-meeting-record.ts";
