// The agenda feature: the next meeting's agenda: proposals, votes, curation, and the measures to follow up.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { AGENDA_COMMANDS } from "./surface/commands.ts";
import { AGENDA_FORM_ROUTES, AGENDA_ROUTES } from "./surface/routes.ts";

export const agenda: FeatureModule = {
  name: "agenda",
  commands: AGENDA_COMMANDS,
  actions: AGENDA_ROUTES,
  forms: AGENDA_FORM_ROUTES,
  messages,
  failures,
};

// What other features use of this one.
export { appendAgendaItem, type NewAgendaItem } from "./app/append-agenda-item.ts";
export { type ProposedItem, proposeAgendaItem } from "./app/propose-item.ts";
export {
  AGENDA_DETAILS_MAX,
  AGENDA_OUTCOMES,
  AGENDA_TITLE_MAX,
  type AgendaItemKind,
  type AgendaItemStatus,
  takesOutcome,
} from "./domain/agenda-rules.ts";
