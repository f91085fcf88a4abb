// The buttons and forms of signals: save from a message or a command, rate, link.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";

export const SIGNAL_ROUTES: readonly ActionRoute[] = [];
export const SIGNAL_FORM_ROUTES: readonly FormRoute[] = [];
