// How a pulse reads in the channel: the announcement when it opens, the response rate, and the
// results — one message per question with its chart and the change since the previous cycle.

import type { Locale } from "../../../kernel/domain/locale.ts";
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { type Element, moment, text, type View } from "../../../kernel/surface/view.ts";
import type { PulseNotification } from "../app/notifications.ts";
import {
  type CycleComparison,
  type GroupRate,
  isHiddenRate,
  type QuestionSummary,
  type RateRow,
  type ResponseRate,
} from "../domain/aggregate.ts";
import {
  HORIZON_LABELS,
  type QuestionDefinition,
  STAKEHOLDER_TYPES,
  textIn,
} from "../domain/question-types.ts";
import { questionChart } from "./pulse-charts.ts";
import { buttonOptions, choiceOptions, PULSE_ACTIONS, sheetValue } from "./pulse-sheet-view.ts";

type Of<T extends PulseNotification["type"]> = Extract<PulseNotification, { type: T }>;

const percent = (share: number | null, locale: Locale) =>
  share === null ? "–" : new Intl.NumberFormat(locale, { style: "percent" }).format(share);
const decimal = (n: number | null, locale: Locale, signed = false) =>
  n === null
    ? "–"
    : new Intl.NumberFormat(locale, {
        maximumFractionDigits: 1,
        ...(signed ? { signDisplay: "exceptZero" } : {}),
      }).format(n);
/** Changes of shares are in percentage points. */
const points = (change: number | null, locale: Locale) =>
  decimal(change === null ? null : change * 100, locale, true);

export function pulseOpenedView(message: Of<"pulse.opened">, t: Translate, locale: Locale): View {
  const when = moment(message.closesAt, formatInZone(message.closesAt, locale, message.timeZone, "dateTime"));
  const line = t("pulse.opened", { title: message.title, invited: message.invited, when });
  return {
    fallback: line,
    elements: [
      text(line),
      text(t(message.anonymous ? "pulse.opened.anonymous" : "pulse.opened.named"), "muted"),
    ],
  };
}

export function pulseReminderView(message: Of<"pulse.reminder">, t: Translate, locale: Locale): View {
  const when = moment(message.closesAt, formatInZone(message.closesAt, locale, message.timeZone, "dateTime"));
  const line = t("pulse.reminder", { title: message.title, cluster: message.clusterName, when });
  return {
    fallback: line,
    elements: [
      text(line),
      {
        type: "actions",
        buttons: [
          {
            type: "button",
            actionId: PULSE_ACTIONS.open,
            label: t("pulse.reminder.open"),
            value: sheetValue(message.pulseId, null),
            style: "primary",
          },
        ],
      },
    ],
  };
}

export function rateLines(rate: ResponseRate, t: Translate, locale: Locale): string {
  const row = (label: string, r: RateRow) =>
    t("pulse.rateLine", {
      label,
      completed: r.completed,
      invited: r.invited,
      rate: percent(r.rate, locale),
      started: r.started,
    });
  const lines = [row(t("pulse.rateOverall"), rate.overall)];
  const hidden: string[] = [];
  const group = (label: string, r: GroupRate) => {
    if (isHiddenRate(r)) hidden.push(label);
    else if (r.invited > 0) lines.push(row(label, r));
  };
  for (const type of STAKEHOLDER_TYPES) group(t(`stakeholder.${type}`), rate.byStakeholderType[type]);
  group(t("stakeholder.unspecified"), rate.unspecified);
  if (hidden.length > 0) lines.push(t("pulse.rateHidden", { groups: hidden.join(", ") }));
  return lines.join("\n");
}

export function pulseResultsView(message: Of<"pulse.results">, t: Translate, locale: Locale): View {
  const heading = t(message.live ? "pulse.results.liveHeading" : "pulse.results.heading", {
    title: message.title,
    cluster: message.clusterName,
  });
  const elements: Element[] = [
    text(heading, "heading"),
    text(t("pulse.results.respondents", { n: message.respondents })),
    text(rateLines(message.rate, t, locale)),
    text(t("pulse.results.privacy"), "muted"),
  ];
  if (message.previousTitle)
    elements.push(text(t("pulse.results.comparedWith", { previous: message.previousTitle }), "muted"));
  return { fallback: heading, elements };
}

export function questionResultView(message: Of<"pulse.question-result">, t: Translate, locale: Locale): View {
  const { question, summary } = message;
  const heading = `${message.number}. ${textIn(question.text, locale)}`;
  const elements: Element[] = [text(`*${heading}*`)];
  if (summary.overall.hidden) {
    elements.push(text(t("pulse.results.hidden", { n: summary.n })));
    return { fallback: heading, elements };
  }
  elements.push(text(summaryText(question, summary, t, locale)));
  const chart = questionChart(question, summary, [], t, locale, message.pulseTitle);
  if (chart) elements.push(chart);
  const change = message.comparison ? changeText(question, message.comparison, t, locale) : null;
  if (change && message.previousTitle)
    elements.push(
      text(`${t("pulse.results.since", { previous: message.previousTitle })}\n${change}`, "muted"),
    );
  // Notifications and screen readers get the figures too, not only the heading.
  return { fallback: chart ? `${heading}\n${chart.summary}` : heading, elements };
}

function summaryText(
  question: QuestionDefinition,
  summary: QuestionSummary,
  t: Translate,
  locale: Locale,
): string {
  if (summary.overall.hidden) return "";
  const stats = summary.overall.stats;
  switch (stats.type) {
    case "LIKERT":
      return t("pulse.results.likert", { n: stats.n, mean: decimal(stats.mean, locale) });
    case "SINGLE_CHOICE":
      return t("pulse.results.answers", { n: stats.n });
    case "MULTIPLE_CHOICE":
      return t("pulse.results.multiple", { n: stats.n, selections: stats.selections });
    case "NUMBER": {
      const unit =
        question.type === "NUMBER" && question.config.unit ? ` ${textIn(question.config.unit, locale)}` : "";
      return t("pulse.results.number", {
        n: stats.n,
        sum: decimal(stats.sum, locale),
        mean: decimal(stats.mean, locale),
        median: decimal(stats.median, locale),
        min: decimal(stats.min, locale),
        max: decimal(stats.max, locale),
        unit,
      });
    }
    case "FREE_TEXT": {
      const shown = stats.texts.slice(0, 15).map((s) => `• “${s.length > 280 ? `${s.slice(0, 279)}…` : s}”`);
      const more =
        stats.texts.length > shown.length
          ? `\n${t("pulse.results.moreTexts", { n: stats.texts.length - shown.length })}`
          : "";
      return `${t("pulse.results.answers", { n: stats.n })}\n${shown.join("\n")}${more}`;
    }
    case "SKILL_GRID":
      return [
        t("pulse.results.skillsIntro", { n: stats.n }),
        ...stats.rankings.map((ranking) => {
          const top = ranking.skills
            .slice(0, 10)
            .map(
              (s) =>
                `${s.rank}. ${s.skill} (${decimal(s.score, locale, true)}, ${percent(s.growingShare, locale)})`,
            );
          return `*${HORIZON_LABELS[ranking.horizon][locale]}*: ${top.join(" · ") || "–"}`;
        }),
      ].join("\n");
  }
}

/** The change since the previous cycle in a line or two; null when it cannot be compared. */
function changeText(
  question: QuestionDefinition,
  comparison: CycleComparison,
  t: Translate,
  locale: Locale,
): string | null {
  if (!comparison.comparable) return t(`pulse.results.notComparable.${comparison.reason}`);
  switch (comparison.type) {
    case "LIKERT":
      return t("pulse.results.meanChange", {
        previous: decimal(comparison.mean.previous, locale),
        current: decimal(comparison.mean.current, locale),
        change: decimal(comparison.mean.change, locale, true),
      });
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const labels =
        question.type === "LIKERT" ? buttonOptions(question, locale) : choiceOptions(question, [], locale);
      return comparison.shares
        .map(
          (s) =>
            `${labels.find((l) => l.value === s.id)?.label ?? s.id}: ${percent(s.current, locale)} (${points(s.change, locale)} ${t("pulse.results.pp")})`,
        )
        .join(" · ");
    }
    case "NUMBER":
      return t("pulse.results.meanChange", {
        previous: decimal(comparison.mean.previous, locale),
        current: decimal(comparison.mean.current, locale),
        change: decimal(comparison.mean.change, locale, true),
      });
    case "FREE_TEXT":
      return null;
    case "SKILL_GRID":
      return comparison.horizons
        .map(({ horizon, skills }) => {
          const moves = skills
            .filter((s) => s.rank.change !== null && s.rank.change !== 0)
            .slice(0, 5)
            .map((s) => `${s.skill} ${s.rank.change! > 0 ? "↑" : "↓"}${Math.abs(s.rank.change!)}`);
          return `${HORIZON_LABELS[horizon][locale]}: ${moves.join(", ") || t("pulse.results.noRankChange")}`;
        })
        .join("\n");
  }
}
