// The words of every notification the app enqueues, in the recipient's language.

import { cycleKickoffView } from "../../features/cycle/index.ts";
import { measureButtons, statusLabel } from "../../features/measures/index.ts";
import {
  pulseOpenedView,
  pulseReminderView,
  pulseResultsView,
  pulseSheetView,
  questionResultView,
} from "../../features/pulses/index.ts";
import type { Composer, NotificationMessage } from "../app/ports/composer.ts";
import type { Locale } from "../domain/locale.ts";
import { formatInZone } from "../domain/zoned-time.ts";
import { translator } from "../i18n/catalog.ts";
import { formatLocalDate } from "./format-date.ts";
import { calendarLink, downloadLink } from "./links.ts";
import { type Element, LINK_ACTION_ID, moment, text, type View } from "./view.ts";

export type ComposerOptions = { publicUrl?: string };

export function createComposer(options: ComposerOptions = {}): Composer {
  return {
    compose: (message, locale) => composeNotification(message, locale, options),
    downloadUrl: (token, filename) => downloadLink(options.publicUrl, token, filename),
  };
}

/** Without a public URL: what tests and tools use. */
export const surfaceComposer: Composer = createComposer();

export function composeNotification(
  message: NotificationMessage,
  locale: Locale,
  options: ComposerOptions = {},
): View {
  const t = translator(locale);
  switch (message.type) {
    case "measure.assigned": {
      const headline = t("measure.assigned", {
        by: message.assignedBy,
        cluster: message.clusterName,
        title: message.title,
        due: formatLocalDate(message.dueDate, locale),
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
    case "measure.reminder": {
      const line = t(`measure.reminder.${message.kind}`, {
        title: message.title,
        cluster: message.clusterName,
        due: formatLocalDate(message.dueDate, locale),
      });
      return { fallback: line, elements: [text(line), measureButtons(message.measureId, t)] };
    }
    case "measure.escalation": {
      const line = t("measure.escalation", {
        title: message.title,
        cluster: message.clusterName,
        due: formatLocalDate(message.dueDate, locale),
        owner: message.ownerName,
      });
      return { fallback: line, elements: [text(line)] };
    }
    case "cluster.digest": {
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
    }
    case "poll.nudge": {
      const line = t("poll.nudge", { title: message.title, cluster: message.clusterName });
      return { fallback: line, elements: [text(line)] };
    }
    case "poll.all-answered": {
      const line = t("poll.allAnswered", { title: message.title, cluster: message.clusterName });
      return { fallback: line, elements: [text(line)] };
    }
    case "meeting.invitation": {
      const when = moment(
        message.startsAt,
        formatInZone(message.startsAt, locale, message.timeZone, "dateTime"),
      );
      const where = message.location ? `, ${message.location}` : "";
      const line = t(`meeting.invitation.${message.change}`, {
        title: message.title,
        cluster: message.clusterName,
        when,
        where,
      });
      const link = calendarLink(options.publicUrl, message.icsUid);
      const elements: Element[] = [text(line)];
      if (link) {
        elements.push({
          type: "actions",
          buttons: [
            {
              type: "button",
              actionId: LINK_ACTION_ID,
              label: t("meeting.addToCalendar"),
              value: message.icsUid,
              url: link,
            },
          ],
        });
      }
      return { fallback: line, elements };
    }
    case "meeting.reminder": {
      const params = {
        title: message.title,
        days: message.daysBefore,
        when: moment(message.startsAt, formatInZone(message.startsAt, locale, message.timeZone, "dateTime")),
        where: message.location ? `, ${message.location}` : "",
      };
      const line =
        message.daysBefore === 1 ? t("meeting.reminderTomorrow", params) : t("meeting.reminderDays", params);
      return { fallback: line, elements: [text(line)] };
    }
    case "files.ready": {
      const line = t("files.ready", { hours: message.validHours });
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
    }
    case "pulse.invitation":
      return pulseSheetView(message.sheet, t, locale);
    case "pulse.opened":
      return pulseOpenedView(message, t, locale);
    case "pulse.reminder":
      return pulseReminderView(message, t, locale);
    case "pulse.results":
      return pulseResultsView(message, t, locale);
    case "pulse.question-result":
      return questionResultView(message, t, locale);
    case "cluster.unlinked": {
      const line = t("link.unlinkedNotice", { cluster: message.clusterName, platform: message.by });
      return { fallback: line, elements: [text(line)] };
    }
    case "cycle.kickoff":
      return cycleKickoffView(message, locale);
  }
}
