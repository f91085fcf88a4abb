// The buttons and forms of Delphi results: charts, agenda proposals, CSV.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";

export const DELPHI_RESULT_ROUTES: readonly ActionRoute[] = [];
export const DELPHI_RESULT_FORM_ROUTES: readonly FormRoute[] = [];
