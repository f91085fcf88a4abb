// The pulses feature's buttons (the answer sheet) and forms (new pulse, copy, answers).
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { PULSE_ANSWER_FORM_ID, pulseAnswerAction, pulseAnswerSubmit } from "./answer-handlers.ts";
import { PULSE_FORMS, pulseCopySubmit, pulseNewSubmit } from "./form-handlers.ts";
import { PULSE_ACTIONS } from "./pulse-sheet-view.ts";

export const PULSE_ROUTES: readonly ActionRoute[] = [
  { ids: Object.values(PULSE_ACTIONS), run: pulseAnswerAction },
];

export const PULSE_FORM_ROUTES: readonly FormRoute[] = [
  { ids: [PULSE_FORMS.create], run: (hc, _id, values, metadata) => pulseNewSubmit(hc, values, metadata) },
  { ids: [PULSE_FORMS.copy], run: (hc, _id, values, metadata) => pulseCopySubmit(hc, values, metadata) },
  {
    ids: [PULSE_ANSWER_FORM_ID],
    run: (hc, _id, values, metadata) => pulseAnswerSubmit(hc, values, metadata),
  },
];
