// The clusters feature's buttons and forms.
import type { ActionRoute, FormRoute } from "../../../kernel/feature-module.ts";
import { ACTION_IDS, FORM_IDS } from "./action-ids.ts";
import { joinHandler, membersHandler } from "./membership-handlers.ts";
import { setupSubmitHandler } from "./setup-handlers.ts";

export const CLUSTER_ACTIONS: readonly ActionRoute[] = [
  { ids: [ACTION_IDS.joinCluster], run: (hc) => joinHandler(hc) },
  { ids: [ACTION_IDS.showMembers], run: (hc) => membersHandler(hc) },
];

export const CLUSTER_FORMS: readonly FormRoute[] = [
  {
    ids: [FORM_IDS.setupCluster],
    run: (hc, _id, values, metadata) => setupSubmitHandler(hc, values, metadata),
  },
];
