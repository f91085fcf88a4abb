// The measures feature's buttons (check-ins, paging the register) and forms (add, progress, blocked).
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import {
  MEASURE_FORMS,
  measureActionHandler,
  measureAddSubmit,
  measureCheckInSubmit,
  measurePageAction,
} from "./handlers.ts";
import { MEASURE_ACTIONS, MEASURE_LIST_ACTIONS } from "./measure-views.ts";

export const MEASURE_ROUTES: readonly ActionRoute[] = [
  { ids: Object.values(MEASURE_ACTIONS), run: measureActionHandler },
  { ids: [MEASURE_LIST_ACTIONS.page], run: (hc, _id, value) => measurePageAction(hc, value) },
];

export const MEASURE_FORM_ROUTES: readonly FormRoute[] = [
  { ids: [MEASURE_FORMS.add], run: (hc, _id, values, metadata) => measureAddSubmit(hc, values, metadata) },
  { ids: [MEASURE_FORMS.progress, MEASURE_FORMS.blocked], run: measureCheckInSubmit },
];
