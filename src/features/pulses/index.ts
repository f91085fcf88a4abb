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

// What other features use of this one.
export { closeDuePulses } from "./app/close-due-pulses.ts";
export { computeResults, summarize } from "./app/pulse-results.ts";
export type { PulseSheet } from "./app/pulse-sheet-shape.ts";
export { pulseWithQuestions } from "./app/pulses.ts";
export { applyRetention } from "./app/retention.ts";
export { schedulePulseReminders } from "./app/schedule-pulse-reminders.ts";
export {
  type CycleComparison,
  MIN_GROUP_SIZE,
  type QuestionSummary,
  type ResponseRate,
  type SkillGridStats,
} from "./domain/aggregate.ts";
export {
  type ClusterGrid,
  GROWING_SHARE_THRESHOLD,
  type MatrixCell,
  type Scorecard,
  type SkillMatrix,
  scorecard,
  skillMatrix,
} from "./domain/cross-assessment.ts";
export { type Horizon, type QuestionDefinition, textIn } from "./domain/question-types.ts";
export { pulseCopyCommand } from "./surface/form-handlers.ts";
export { MAX_CHART_CATEGORIES } from "./surface/pulse-charts.ts";
export {
  pulseOpenedView,
  pulseReminderView,
  pulseResultsView,
  questionResultView,
} from "./surface/pulse-results-view.ts";
export { PULSE_ACTIONS, pulseSheetView, sheetValue } from "./surface/pulse-sheet-view.ts";
