// The pulses feature: pulses: questionnaires to the members, anonymous answers, results, exports and retention.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { seedQuestionBank } from "./app/seed-question-bank.ts";
import { PULSE_COMMANDS } from "./surface/commands.ts";
import { PULSE_FORM_ROUTES, PULSE_ROUTES } from "./surface/routes.ts";

export const pulses: FeatureModule = {
  name: "pulses",
  commands: PULSE_COMMANDS,
  actions: PULSE_ROUTES,
  forms: PULSE_FORM_ROUTES,
  // The shared question bank keeps stable keys across cycles; seeding is idempotent.
  start: seedQuestionBank,
};
