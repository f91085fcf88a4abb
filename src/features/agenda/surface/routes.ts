// The agenda feature's buttons (votes, curation) and forms (proposal, timebox).
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { AGENDA_ACTIONS } from "./agenda-view.ts";
import { AGENDA_FORMS, agendaActionHandler, agendaSubmit } from "./handlers.ts";

export const AGENDA_ROUTES: readonly ActionRoute[] = [
  { ids: Object.values(AGENDA_ACTIONS), run: agendaActionHandler },
];
export const AGENDA_FORM_ROUTES: readonly FormRoute[] = [
  { ids: Object.values(AGENDA_FORMS), run: agendaSubmit },
];
