// The words of the files' notification, in the recipient's language.
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { type Element, LINK_ACTION_ID, text } from "../../../kernel/surface/view.ts";
import type {} from "../app/notifications.ts";

export const fileNotifications: NotificationComposers = {
  "files.ready": (message, locale) => {
    const line = translator(locale)("files.ready", { hours: message.validHours });
    const elements: Element[] = [text(line)];
    if (message.comment) elements.push(text(message.comment, "muted"));
    // A few link buttons per row: Teams shows at most six actions in one set.
    for (let i = 0; i < message.files.length; i += 5) {
      elements.push({
        type: "actions",
        buttons: message.files.slice(i, i + 5).map((file) => ({
          type: "button" as const,
          actionId: LINK_ACTION_ID,
          label: file.title,
          value: file.filename,
          url: file.url,
        })),
      });
    }
    return { fallback: line, elements };
  },
};
