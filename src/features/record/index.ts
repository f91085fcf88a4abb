// The record feature: the meeting's record: attendance, decisions and agenda outcomes.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const record: FeatureModule = {
  name: "record",
  messages,
  failures,
};
