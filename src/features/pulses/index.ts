// The pulses feature: pulses: questionnaires to the members, anonymous answers, results, exports and retention.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { pulseJobs } from "./app/jobs.ts";
import { seedQuestionBank } from "./app/seed-question-bank.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { PULSE_COMMANDS } from "./surface/commands.ts";
import { pulseNotifications } from "./surface/notifications.ts";
import { PULSE_FORM_ROUTES, PULSE_ROUTES } from "./surface/routes.ts";

export const pulses: FeatureModule = {
  name: "pulses",
  commands: PULSE_COMMANDS,
  actions: PULSE_ROUTES,
  forms: PULSE_FORM_ROUTES,
  // The shared question bank keeps stable keys across cycles; seeding is idempotent.
  start: seedQuestionBank,
  notifications: pulseNotifications,
  jobs: pulseJobs,
  messages,
  failures,
};

export { computeResults, summarize } from "./app/pulse-results.ts";
export { pulseWithQuestions } from "./app/pulses.ts";
export type { QuestionSummary } from "./domain/aggregate.ts";
// What other features use of this one.
export {
  type ClusterGrid,
  GROWING_SHARE_THRESHOLD,
  type MatrixCell,
  type Scorecard,
  type SkillMatrix,
  scorecard,
  skillMatrix,
} from "./domain/cross-assessment.ts";
export { type QuestionDefinition, textIn } from "./domain/question-types.ts";
export { pulseCopyCommand } from "./surface/form-handlers.ts";
export { MAX_CHART_CATEGORIES } from "./surface/pulse-charts.ts";
export { PULSE_ACTIONS, sheetValue } from "./surface/pulse-sheet-view.ts";
