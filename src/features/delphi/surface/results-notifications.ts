// The words of a Delphi's results in the channel, in the cluster's language.
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import type {} from "../app/results-notifications.ts";
import { delphiResultsView } from "./results-view.ts";

export const delphiResultNotifications: NotificationComposers = {
  "delphi.results": (message, locale) => delphiResultsView(message, translator(locale), locale),
};
