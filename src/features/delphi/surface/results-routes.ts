// The buttons and forms of Delphi results: charts, agenda proposals, CSV.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { delphiProposeHandler } from "./results-handlers.ts";
import { DELPHI_RESULT_ACTIONS } from "./results-view.ts";

export const DELPHI_RESULT_ROUTES: readonly ActionRoute[] = [
  { ids: [DELPHI_RESULT_ACTIONS.propose], run: delphiProposeHandler },
];
export const DELPHI_RESULT_FORM_ROUTES: readonly FormRoute[] = [];
