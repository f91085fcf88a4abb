// The record feature's buttons and forms (attendance, decisions, agenda outcomes).
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { RECORD_FORMS, recordActionHandler, recordSubmit } from "./handlers.ts";
import { RECORD_ACTIONS } from "./record-view.ts";

export const RECORD_ROUTES: readonly ActionRoute[] = [
  { ids: Object.values(RECORD_ACTIONS), run: recordActionHandler },
];
export const RECORD_FORM_ROUTES: readonly FormRoute[] = [
  { ids: Object.values(RECORD_FORMS), run: recordSubmit },
];
