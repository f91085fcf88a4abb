// The cycle rhythm's words: the kickoff message with its one-click actions, and the terms list.

import type { CycleTerm } from "../../../kernel/domain/cycle-terms.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import { type Translate, translator } from "../../../kernel/i18n/catalog.ts";
import { formatLocalDate, formatMonthDay } from "../../../kernel/surface/format-date.ts";
import { type Element, text, type View } from "../../../kernel/surface/view.ts";
import type { CycleStatus } from "../app/cycle-status.ts";
import type { CycleKickoffMessage } from "../app/notifications.ts";

/** Stable ids: they sit in delivered kickoff messages. The value is the cluster's id. */
export const CYCLE_ACTIONS = {
  planMeeting: "ennakko.cycle.plan-meeting",
  copyPulse: "ennakko.cycle.copy-pulse",
  reviewMeasures: "ennakko.cycle.review-measures",
} as const;
export type CycleAction = (typeof CYCLE_ACTIONS)[keyof typeof CYCLE_ACTIONS];
/** Known term names in the reader's language; a name a cluster chose itself as it is. */
export function termLabel(name: string, t: Translate): string {
  if (name === "spring") return t("cycle.term.spring");
  if (name === "autumn") return t("cycle.term.autumn");
  return name;
}

/** A local date ("2027-02-01") in the reader's language, without a time of day. */
export function localDateLabel(date: string, locale: Locale): string {
  return formatLocalDate(date, locale);
}

export function cycleKickoffView(message: CycleKickoffMessage, locale: Locale): View {
  const t = translator(locale);
  const params = {
    term: termLabel(message.term.name, t),
    cluster: message.clusterName,
    opens: localDateLabel(message.opens, locale),
    closes: localDateLabel(message.closes, locale),
  };
  const button = (actionId: CycleAction, label: string) => ({
    type: "button" as const,
    actionId,
    label,
    value: message.clusterId,
  });
  if (message.forum) {
    // The forum has no pulses or measures of its own: its kickoff is about its meeting.
    const line = t("cycle.kickoff.forum", params);
    return {
      fallback: line,
      elements: [
        text(line),
        { type: "actions", buttons: [button(CYCLE_ACTIONS.planMeeting, t("cycle.kickoff.plan"))] },
      ],
    };
  }
  const line = t("cycle.kickoff.text", params);
  return {
    fallback: line,
    elements: [
      text(line),
      {
        type: "actions",
        buttons: [
          button(CYCLE_ACTIONS.planMeeting, t("cycle.kickoff.plan")),
          button(CYCLE_ACTIONS.copyPulse, t("cycle.kickoff.copyPulse")),
          button(CYCLE_ACTIONS.reviewMeasures, t("cycle.kickoff.measures")),
        ],
      },
    ],
  };
}

export function cycleTermsView(
  s: { clusterName: string; timeZone: string; terms: CycleTerm[]; kickoffWeeksBefore: number },
  t: Translate,
  saved?: CycleTerm,
  locale: Locale = "en",
): View {
  const title = t("cycle.title", { cluster: s.clusterName });
  // A window is a day of every year: "1 Feb – 31 May", not "02-01 – 05-31".
  const day = (mmdd: string) => formatMonthDay(mmdd, locale);
  const savedLine = saved
    ? t("cycle.saved", { term: termLabel(saved.name, t), start: day(saved.start), end: day(saved.end) })
    : undefined;
  const elements: Element[] = savedLine ? [text(savedLine)] : [];
  elements.push(
    text(title, "heading"),
    text(
      s.terms
        .map((term) =>
          t("cycle.termLine", { term: termLabel(term.name, t), start: day(term.start), end: day(term.end) }),
        )
        .join("\n"),
    ),
    text(t("cycle.kickoffWeeks", { weeks: s.kickoffWeeksBefore, zone: s.timeZone }), "muted"),
    text(t("cycle.editHint"), "muted"),
  );
  return { fallback: savedLine ?? title, elements };
}

/** The status lines of the cycle: term, next meeting and agenda deadline, latest pulse, measures. */
export function cycleFields(
  c: CycleStatus,
  timeZone: string,
  t: Translate,
  locale: Locale,
): { label: string; value: string }[] {
  const fields: { label: string; value: string }[] = [];
  if (c.term) {
    const term = termLabel(c.term.term.name, t);
    fields.push({
      label: t("status.cycle"),
      value: c.term.current
        ? t("status.cycle.current", { term, closes: localDateLabel(c.term.closes, locale) })
        : t("status.cycle.next", { term, opens: localDateLabel(c.term.opens, locale) }),
    });
  }
  fields.push({
    label: t("status.nextMeeting"),
    value: c.nextMeeting
      ? `${c.nextMeeting.title}, ${formatInZone(c.nextMeeting.startsAt, locale, timeZone, "date")}`
      : t("status.nextMeeting.none"),
  });
  if (c.nextMeeting?.agendaDeadline)
    fields.push({
      label: t("status.agendaDeadline"),
      value: formatInZone(c.nextMeeting.agendaDeadline, locale, timeZone, "dateTime"),
    });
  const pulse = c.latestPulse;
  fields.push({
    label: t("status.latestPulse"),
    value: pulse
      ? t("status.latestPulse.line", {
          title: pulse.title,
          rate: new Intl.NumberFormat(locale, { style: "percent" }).format(
            pulse.invited === 0 ? 0 : pulse.completed / pulse.invited,
          ),
          answered: pulse.completed,
          invited: pulse.invited,
        })
      : t("status.latestPulse.none"),
  });
  fields.push({
    label: t("status.measures"),
    value: t("status.measures.line", {
      open: c.measures.open,
      overdue: c.measures.overdue,
      done: c.measures.doneSinceLastMeeting,
    }),
  });
  return fields;
}
