// The minutes feature: minutes: drafting, approving and exporting them as documents.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { MINUTES_COMMANDS } from "./surface/commands.ts";
import { MINUTES_FORM_ROUTES, MINUTES_ROUTES } from "./surface/routes.ts";

export const minutes: FeatureModule = {
  name: "minutes",
  commands: MINUTES_COMMANDS,
  actions: MINUTES_ROUTES,
  forms: MINUTES_FORM_ROUTES,
  messages,
  failures,
};

export type { DocBlock } from "./app/minutes-document.ts";
// What other features use of this one.
export { DOCX_LANG } from "./app/minutes-files.ts";
