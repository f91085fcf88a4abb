// The forum feature: the chairs' forum: a channel for the chairs, vice-chairs and coordinators, and its cross-cluster report.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { FORUM_COMMANDS } from "./surface/commands.ts";
import { forumGuard } from "./surface/handlers.ts";

export const forum: FeatureModule = {
  name: "forum",
  commands: FORUM_COMMANDS,
  // In the forum's channel only the commands that declare `inForum` run.
  hooks: { beforeCommand: forumGuard },
  messages,
  failures,
};
