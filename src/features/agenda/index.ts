// The agenda feature: the next meeting's agenda: proposals, votes, curation, and the measures to follow up.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const agenda: FeatureModule = {
  name: "agenda",
  messages,
  failures,
};
