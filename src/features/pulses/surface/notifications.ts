// The words of a pulse's notifications, in the recipient's language.
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import type {} from "../app/notifications.ts";
import {
  pulseOpenedView,
  pulseReminderView,
  pulseResultsView,
  questionResultView,
} from "./pulse-results-view.ts";
import { pulseSheetView } from "./pulse-sheet-view.ts";

export const pulseNotifications: NotificationComposers = {
  "pulse.invitation": (message, locale) => pulseSheetView(message.sheet, translator(locale), locale),
  "pulse.opened": (message, locale) => pulseOpenedView(message, translator(locale), locale),
  "pulse.reminder": (message, locale) => pulseReminderView(message, translator(locale), locale),
  "pulse.results": (message, locale) => pulseResultsView(message, translator(locale), locale),
  "pulse.question-result": (message, locale) => questionResultView(message, translator(locale), locale),
};
