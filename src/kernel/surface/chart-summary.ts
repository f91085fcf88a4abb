// The words of a chart: its title and one line per category with every series' figure, full labels.
// Screen readers, notifications and clients without charts read this instead of the bars.
import type { ChartSeries } from "./view.ts";

/**
 * `figure(series, category)` words one value (a count with its share, a signed score…); with one
 * series the line is "label: figure", with several "label: series figure, series figure".
 */
export function barChartSummary(
  title: string,
  categories: readonly string[],
  series: readonly ChartSeries[],
  figure: (seriesIndex: number, categoryIndex: number) => string,
): string {
  const lines = categories.map((category, i) =>
    series.length === 1
      ? `• ${category}: ${figure(0, i)}`
      : `• ${category}: ${series.map((s, j) => `${s.name} ${figure(j, i)}`).join(", ")}`,
  );
  return [title, ...lines].join("\n");
}
