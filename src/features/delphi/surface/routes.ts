// The buttons and forms of Delphi rounds: create, answer, explain.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { DELPHI_FORMS } from "./delphi-forms.ts";
import { delphiAction, delphiAnswerSubmit, delphiExplainSubmit, delphiNewSubmit } from "./delphi-handlers.ts";
import { DELPHI_ACTIONS } from "./delphi-sheet-view.ts";

export const DELPHI_ROUTES: readonly ActionRoute[] = [
  { ids: Object.values(DELPHI_ACTIONS), run: delphiAction },
];

export const DELPHI_FORM_ROUTES: readonly FormRoute[] = [
  { ids: [DELPHI_FORMS.create], run: (hc, _id, values, metadata) => delphiNewSubmit(hc, values, metadata) },
  {
    ids: [DELPHI_FORMS.answer],
    run: (hc, _id, values, metadata) => delphiAnswerSubmit(hc, values, metadata),
  },
  {
    ids: [DELPHI_FORMS.explain],
    run: (hc, _id, values, metadata) => delphiExplainSubmit(hc, values, metadata),
  },
];
