// One native chart per question result (Slack's data_visualization block, Teams' Chart.* element),
// full labels and the figures in words beside it. Free text and hidden results have no chart.
// A skill-need answer has a horizon: each horizon is its own series (legend "in 1 year", "in 5
// years"), so each skill is one group of bars and nobody has to guess which bar is which year.
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { barChartSummary } from "../../../kernel/surface/chart-summary.ts";
import type { ChartElement, ChartSeries } from "../../../kernel/surface/view.ts";
import type { QuestionSummary } from "../domain/aggregate.ts";
import {
  HORIZON_LABELS,
  type QuestionDefinition,
  STAKEHOLDER_TYPES,
  textIn,
} from "../domain/question-types.ts";
import { buttonOptions, choiceOptions } from "./pulse-sheet-view.ts";

/**
 * Bar groups in one chart: Slack draws at most 20 data points a series (its smallest limit); the
 * text beside the chart ranks every skill.
 */
export const MAX_CHART_CATEGORIES = 20;

const percent = (share: number | null, locale: Locale) =>
  share === null ? "–" : new Intl.NumberFormat(locale, { style: "percent" }).format(share);
const decimal = (n: number, locale: Locale, signed = false) =>
  new Intl.NumberFormat(locale, {
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: "exceptZero" } : {}),
  }).format(n);

type Bars = { categories: string[]; series: ChartSeries[]; figure: (s: number, c: number) => string };

/** `seriesName` names a single series (the pulse's title: this cycle's answers). */
export function questionChart(
  question: QuestionDefinition,
  summary: QuestionSummary,
  skills: readonly string[],
  t: Translate,
  locale: Locale,
  seriesName: string,
): ChartElement | null {
  const bars = chartBars(question, summary, skills, t, locale, seriesName);
  if (!bars || bars.categories.length === 0) return null;
  const title = textIn(question.text, locale);
  return {
    type: "chart",
    kind: "bar",
    title,
    categories: bars.categories,
    series: bars.series,
    summary: barChartSummary(title, bars.categories, bars.series, bars.figure),
  };
}

function chartBars(
  question: QuestionDefinition,
  summary: QuestionSummary,
  skills: readonly string[],
  t: Translate,
  locale: Locale,
  seriesName: string,
): Bars | null {
  if (summary.overall.hidden) return null;
  const stats = summary.overall.stats;
  switch (stats.type) {
    case "LIKERT": {
      const labels = buttonOptions(question, locale);
      const counts = stats.distribution.map((d) => d.count);
      return {
        categories: stats.distribution.map((d) => labels[d.id - 1]?.label ?? String(d.id)),
        series: [{ name: seriesName, values: counts }],
        figure: (_s, c) => `${counts[c]} (${percent(stats.distribution[c]!.share, locale)})`,
      };
    }
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const labels = choiceOptions(question, skills, locale);
      const options = stats.options.slice(0, MAX_CHART_CATEGORIES);
      return {
        categories: options.map((o) => labels.find((l) => l.value === o.id)?.label ?? o.id),
        series: [{ name: seriesName, values: options.map((o) => o.count) }],
        figure: (_s, c) => `${options[c]!.count} (${percent(options[c]!.share, locale)})`,
      };
    }
    case "NUMBER": {
      // Hiring intentions and the like: the sum per stakeholder type shows who carries the total.
      const unit =
        question.type === "NUMBER" && question.config.unit ? ` ${textIn(question.config.unit, locale)}` : "";
      const categories = [t("pulse.results.total")];
      const values = [stats.sum];
      for (const type of STAKEHOLDER_TYPES) {
        const figure = summary.byStakeholderType[type];
        if (!figure.hidden && figure.stats.type === "NUMBER" && figure.stats.n > 0) {
          categories.push(t(`stakeholder.${type}`));
          values.push(figure.stats.sum);
        }
      }
      return {
        categories,
        series: [{ name: seriesName, values }],
        figure: (_s, c) => `${decimal(values[c]!, locale)}${unit}`,
      };
    }
    case "FREE_TEXT":
      return null;
    case "SKILL_GRID": {
      // The demand score (−1 decreasing … +2 strongly growing, averaged) per skill, one series per
      // horizon; skills in the order of the first horizon's ranking, then any only rated later.
      const order: string[] = [];
      for (const ranking of stats.rankings)
        for (const ranked of ranking.skills) if (!order.includes(ranked.skill)) order.push(ranked.skill);
      const categories = order.slice(0, MAX_CHART_CATEGORIES);
      const score = (skill: string, horizon: number) => {
        const cell = stats.cells.find((c) => c.skill === skill && c.horizon === horizon);
        return cell && !cell.hidden ? cell.score : null;
      };
      // A horizon with no figure shown (nobody rated it, or too few) has no bars to draw.
      const horizons = stats.rankings.filter((r) => r.skills.length > 0).map((r) => r.horizon);
      const scores = horizons.map((h) => categories.map((skill) => score(skill, h)));
      return {
        categories,
        series: horizons.map((h, j) => ({
          name: HORIZON_LABELS[h][locale],
          values: scores[j]!.map((s) => s ?? 0),
        })),
        figure: (s, c) => {
          const value = scores[s]![c];
          return value === null || value === undefined ? "–" : decimal(value, locale, true);
        },
      };
    }
  }
}
