// The words of the meetings' and date polls' notifications, in the recipient's language.
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { calendarLink } from "../../../kernel/surface/links.ts";
import { type Element, LINK_ACTION_ID, moment, text } from "../../../kernel/surface/view.ts";
import type {} from "../app/notifications.ts";

export const meetingNotifications: NotificationComposers = {
  "poll.nudge": (message, locale) => {
    const line = translator(locale)("poll.nudge", { title: message.title, cluster: message.clusterName });
    return { fallback: line, elements: [text(line)] };
  },
  "poll.all-answered": (message, locale) => {
    const line = translator(locale)("poll.allAnswered", {
      title: message.title,
      cluster: message.clusterName,
    });
    return { fallback: line, elements: [text(line)] };
  },
  "meeting.invitation": (message, locale, options) => {
    const t = translator(locale);
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
  },
  "meeting.reminder": (message, locale) => {
    const t = translator(locale);
    const params = {
      title: message.title,
      days: message.daysBefore,
      when: moment(message.startsAt, formatInZone(message.startsAt, locale, message.timeZone, "dateTime")),
      where: message.location ? `, ${message.location}` : "",
    };
    const line =
      message.daysBefore === 1 ? t("meeting.reminderTomorrow", params) : t("meeting.reminderDays", params);
    return { fallback: line, elements: [text(line)] };
  },
};
