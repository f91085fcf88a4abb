// One bar chart per question result, drawn by the bot itself (src/exports/bar-chart-png.ts) and
// carried as a data URI: Teams cards show it as it is, Slack uploads it first. Free text and hidden
// results have no chart.
import type { Locale } from "../../domain/locale.ts";
import type { QuestionSummary } from "../../domain/pulse/aggregate.ts";
import {
  DEMAND_LEVEL_LABELS,
  DEMAND_LEVELS,
  type QuestionDefinition,
  STAKEHOLDER_TYPES,
  textIn,
} from "../../domain/pulse/question-types.ts";
import { type Bar, DEMAND_LEVEL_COLORS, renderBarChart } from "../../exports/bar-chart-png.ts";
import type { Translate } from "../i18n/catalog.ts";
import { type ImageElement, pngDataUri } from "../view.ts";
import { buttonOptions, choiceOptions } from "./pulse-sheet-view.ts";

/** Wide enough to read on a laptop, small enough for Teams' 28 KB card limit with the text. */
const CHART_WIDTH = 560;

export function questionChart(
  question: QuestionDefinition,
  summary: QuestionSummary,
  skills: readonly string[],
  t: Translate,
  locale: Locale,
): ImageElement | null {
  const chart = chartInput(question, summary, skills, t, locale);
  if (!chart || chart.bars.length === 0) return null;
  const title = textIn(question.text, locale);
  const png = renderBarChart({ title, width: CHART_WIDTH, locale, ...chart });
  return { type: "image", url: pngDataUri(png), alt: `${title}: ${chart.alt}`, title };
}

type ChartInput = { bars: Bar[]; unit?: string; legend?: { label: string; color: string }[]; alt: string };

const percent = (share: number | null, locale: Locale) =>
  share === null ? "" : new Intl.NumberFormat(locale, { style: "percent" }).format(share);

function chartInput(
  question: QuestionDefinition,
  summary: QuestionSummary,
  skills: readonly string[],
  t: Translate,
  locale: Locale,
): ChartInput | null {
  if (summary.overall.hidden) return null;
  const stats = summary.overall.stats;
  const describe = (bars: Bar[]) => bars.map((b) => `${b.label} ${b.valueLabel ?? b.value}`).join(", ");
  switch (stats.type) {
    case "LIKERT": {
      const labels = buttonOptions(question, locale);
      const bars = stats.distribution.map((d) => ({
        label: labels[d.id - 1]?.label ?? String(d.id),
        value: d.count,
        valueLabel: `${d.count} (${percent(d.share, locale)})`,
      }));
      return { bars, alt: describe(bars) };
    }
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const labels = choiceOptions(question, skills, locale);
      const bars = stats.options.map((o) => ({
        label: labels.find((l) => l.value === o.id)?.label ?? o.id,
        value: o.count,
        valueLabel: `${o.count} (${percent(o.share, locale)})`,
      }));
      return { bars, alt: describe(bars) };
    }
    case "NUMBER": {
      // Hiring intentions and the like: the sum per stakeholder type shows who carries the total.
      const unit =
        question.type === "NUMBER" && question.config.unit ? textIn(question.config.unit, locale) : undefined;
      const bars: Bar[] = [{ label: t("pulse.results.total"), value: stats.sum }];
      for (const type of STAKEHOLDER_TYPES) {
        const figure = summary.byStakeholderType[type];
        if (!figure.hidden && figure.stats.type === "NUMBER" && figure.stats.n > 0)
          bars.push({ label: t(`stakeholder.${type}`), value: figure.stats.sum });
      }
      return { bars, ...(unit ? { unit } : {}), alt: describe(bars) };
    }
    case "FREE_TEXT":
      return null;
    case "SKILL_GRID": {
      // Ranked skills per horizon, each bar split by how many expect which demand level.
      const bars: Bar[] = stats.rankings.flatMap((ranking) =>
        ranking.skills.map((ranked) => {
          const cell = stats.cells.find((c) => c.skill === ranked.skill && c.horizon === ranking.horizon);
          const counts = cell && !cell.hidden ? cell.counts : null;
          return {
            label: `${ranked.skill} · ${t("pulse.results.horizonShort", { years: ranking.horizon })}`,
            value: ranked.n,
            valueLabel: new Intl.NumberFormat(locale, {
              signDisplay: "always",
              maximumFractionDigits: 1,
            }).format(ranked.score),
            ...(counts
              ? {
                  segments: DEMAND_LEVELS.map((level) => ({
                    value: counts[level],
                    color: DEMAND_LEVEL_COLORS[level],
                  })),
                }
              : {}),
          };
        }),
      );
      const legend = DEMAND_LEVELS.map((level) => ({
        label: DEMAND_LEVEL_LABELS[level][locale],
        color: DEMAND_LEVEL_COLORS[level],
      }));
      return { bars, legend, alt: describe(bars) };
    }
  }
}
