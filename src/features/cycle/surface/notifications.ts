// The words of the cycle rhythm's notification, in the recipient's language.
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import type {} from "../app/notifications.ts";
import { cycleKickoffView } from "./cycle-view.ts";

export const cycleNotifications: NotificationComposers = {
  "cycle.kickoff": (message, locale) => cycleKickoffView(message, locale),
};
