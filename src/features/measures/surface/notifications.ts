// The words of the measures' notifications, in the recipient's language.
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { formatLocalDate } from "../../../kernel/surface/format-date.ts";
import { text } from "../../../kernel/surface/view.ts";
import type {} from "../app/notifications.ts";
import { measureButtons, statusLabel } from "./measure-views.ts";

export const measureNotifications: NotificationComposers = {
  "measure.assigned": (message, locale) => {
    const t = translator(locale);
    const headline = t("measure.assigned", {
      by: message.assignedBy,
      cluster: message.clusterName,
      title: message.title,
      due: formatLocalDate(message.dueDate, locale),
    });
    const elements = [text(headline)];
    if (message.description) elements.push(text(message.description, "muted"));
    return { fallback: headline, elements: [...elements, measureButtons(message.measureId, t)] };
  },
  "measure.changed": (message, locale) => {
    const t = translator(locale);
    const line = t("measure.changed", {
      who: message.changedBy,
      title: message.title,
      status: statusLabel(message.status, t),
      progress: message.progress,
    });
    const elements = [text(line)];
    if (message.note) elements.push(text(`“${message.note}”`, "muted"));
    return { fallback: line, elements };
  },
  "measure.reminder": (message, locale) => {
    const t = translator(locale);
    const line = t(`measure.reminder.${message.kind}`, {
      title: message.title,
      cluster: message.clusterName,
      due: formatLocalDate(message.dueDate, locale),
    });
    return { fallback: line, elements: [text(line), measureButtons(message.measureId, t)] };
  },
  "measure.escalation": (message, locale) => {
    const t = translator(locale);
    const line = t("measure.escalation", {
      title: message.title,
      cluster: message.clusterName,
      due: formatLocalDate(message.dueDate, locale),
      owner: message.ownerName,
    });
    return { fallback: line, elements: [text(line)] };
  },
  "cluster.digest": (message, locale) => {
    const t = translator(locale);
    const title = t("digest.title", { cluster: message.clusterName });
    const elements = [text(title)];
    if (message.changed.length) {
      const lines = message.changed.map((m) =>
        t("digest.changedLine", { title: m.title, status: statusLabel(m.status, t), progress: m.progress }),
      );
      elements.push(text(`*${t("digest.changed")}*\n${lines.join("\n")}`));
    }
    if (message.slipping.length) {
      const lines = message.slipping.map((m) =>
        t("digest.slippingLine", {
          title: m.title,
          owner: m.ownerName,
          due: formatLocalDate(m.dueDate, locale),
          status: statusLabel(m.status, t),
        }),
      );
      elements.push(text(`*${t("digest.slipping")}*\n${lines.join("\n")}`));
    }
    return { fallback: title, elements };
  },
};
