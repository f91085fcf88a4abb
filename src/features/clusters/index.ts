// The clusters feature: setting a cluster up in a channel, joining and leaving, roles, the member list and help.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { CLUSTER_COMMANDS } from "./surface/commands.ts";
import { CLUSTER_ACTIONS, CLUSTER_FORMS } from "./surface/routes.ts";

export const clusters: FeatureModule = {
  name: "clusters",
  commands: CLUSTER_COMMANDS,
  actions: CLUSTER_ACTIONS,
  forms: CLUSTER_FORMS,
  messages,
  failures,
};

export { inviteMembers } from "./app/invite-members.ts";
// What other features use of this one.
export { checkChannelFree } from "./app/setup-cluster.ts";
