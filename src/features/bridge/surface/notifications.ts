// The words of the bridges' notification, in the recipient's language.
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { text } from "../../../kernel/surface/view.ts";
import type {} from "../app/notifications.ts";

export const bridgeNotifications: NotificationComposers = {
  "cluster.unlinked": (message, locale) => {
    const line = translator(locale)("link.unlinkedNotice", {
      cluster: message.clusterName,
      platform: message.by,
    });
    return { fallback: line, elements: [text(line)] };
  },
};
