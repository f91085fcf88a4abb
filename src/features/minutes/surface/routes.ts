// The minutes feature's buttons (approve, edit) and form (the draft).
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { MINUTES_ACTIONS, MINUTES_FORM_ID, minutesActionHandler, minutesSubmit } from "./handlers.ts";

export const MINUTES_ROUTES: readonly ActionRoute[] = [
  { ids: Object.values(MINUTES_ACTIONS), run: minutesActionHandler },
];
export const MINUTES_FORM_ROUTES: readonly FormRoute[] = [
  { ids: [MINUTES_FORM_ID], run: (hc, _id, values, metadata) => minutesSubmit(hc, values, metadata) },
];
