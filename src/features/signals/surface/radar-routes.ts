// The buttons and forms of the signals radar.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";

export const SIGNAL_RADAR_ROUTES: readonly ActionRoute[] = [];
export const SIGNAL_RADAR_FORM_ROUTES: readonly FormRoute[] = [];
