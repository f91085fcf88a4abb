// The buttons and forms of signals: save from a message or a command, rate, link.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { SIGNAL_SHORTCUT_ACTION } from "../../../kernel/surface/message-shortcut.ts";
import { signalActionHandler, signalSubmit } from "./handlers.ts";
import { RATE_ACTIONS, SIGNAL_ACTIONS } from "./signal-card.ts";
import { SIGNAL_FORMS } from "./signal-form.ts";

export const SIGNAL_ROUTES: readonly ActionRoute[] = [
  {
    ids: [SIGNAL_SHORTCUT_ACTION, ...RATE_ACTIONS, ...Object.values(SIGNAL_ACTIONS)],
    run: signalActionHandler,
  },
];
export const SIGNAL_FORM_ROUTES: readonly FormRoute[] = [
  { ids: Object.values(SIGNAL_FORMS), run: signalSubmit },
];
