// The cycle feature's buttons (on the kickoff message).
import type { ActionRoute } from "../../../kernel/feature-module.ts";
import { CYCLE_ACTIONS, type CycleAction } from "./cycle-view.ts";
import { cycleActionHandler } from "./handlers.ts";

export const CYCLE_ROUTES: readonly ActionRoute[] = [
  {
    ids: Object.values(CYCLE_ACTIONS),
    run: (hc, id, value) => cycleActionHandler(hc, id as CycleAction, value),
  },
];
