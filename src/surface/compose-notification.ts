// The words of every notification the app enqueues, in the recipient's language.
import type { Composer, NotificationMessage } from "../app/ports/composer.ts";
import type { Locale } from "../domain/locale.ts";
import { translator } from "./i18n/catalog.ts";
import { text, type View } from "./view.ts";
import { measureButtons, statusLabel } from "./views/measure-views.ts";

export const surfaceComposer: Composer = { compose: composeNotification };

export function composeNotification(message: NotificationMessage, locale: Locale): View {
  const t = translator(locale);
  switch (message.type) {
    case "measure.assigned": {
      const headline = t("measure.assigned", {
        by: message.assignedBy,
        cluster: message.clusterName,
        title: message.title,
        due: message.dueDate,
      });
      const elements = [text(headline)];
      if (message.description) elements.push(text(message.description, "muted"));
      return { fallback: headline, elements: [...elements, measureButtons(message.measureId, t)] };
    }
    case "measure.changed": {
      const line = t("measure.changed", {
        who: message.changedBy,
        title: message.title,
        status: statusLabel(message.status, t),
        progress: message.progress,
      });
      const elements = [text(line)];
      if (message.note) elements.push(text(`“${message.note}”`, "muted"));
      return { fallback: line, elements };
    }
  }
}
