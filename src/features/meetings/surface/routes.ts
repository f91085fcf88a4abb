// The meetings feature's buttons (poll answers, finalise, cancel) and forms (plan, reschedule).
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import {
  CANCEL_MEETING_ACTION,
  cancelClicked,
  RESCHEDULE_FORM_ID,
  rescheduleSubmit,
} from "./change-handlers.ts";
import {
  finaliseHandler,
  MEETING_FORM_ID,
  meetingPlanSubmit,
  POLL_ANSWER_BY_ACTION,
  pollAnswerHandler,
} from "./handlers.ts";
import { POLL_ACTIONS } from "./poll-view.ts";

export const MEETING_ACTIONS: readonly ActionRoute[] = [
  {
    ids: Object.keys(POLL_ANSWER_BY_ACTION),
    run: (hc, id, value) => pollAnswerHandler(hc, POLL_ANSWER_BY_ACTION[id]!, value),
  },
  { ids: [POLL_ACTIONS.finalise], run: (hc, _id, value) => finaliseHandler(hc, value) },
  { ids: [CANCEL_MEETING_ACTION], run: (hc, _id, value) => cancelClicked(hc, value) },
];

export const MEETING_FORMS: readonly FormRoute[] = [
  { ids: [MEETING_FORM_ID], run: (hc, _id, values, metadata) => meetingPlanSubmit(hc, values, metadata) },
  { ids: [RESCHEDULE_FORM_ID], run: (hc, _id, values, metadata) => rescheduleSubmit(hc, values, metadata) },
];
