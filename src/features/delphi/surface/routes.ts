// The buttons and forms of Delphi rounds: create, answer, open round 2, close.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";

export const DELPHI_ROUTES: readonly ActionRoute[] = [];
export const DELPHI_FORM_ROUTES: readonly FormRoute[] = [];
