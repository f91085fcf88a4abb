// A neutral chart → a Teams Adaptive Card chart element, with the same data in words as its fallback.
//
// From Microsoft's reference ("Charts in Adaptive Cards", learn.microsoft.com/microsoftteams/platform/
// task-modules-and-cards/cards/charts-in-adaptive-cards, and adaptivecards.microsoft.com ?topic=Chart.*):
// - Chart.HorizontalBar: data [{ x: label, y: value }]; Chart.VerticalBar.Grouped: data
//   [{ legend: series, values: [{ x: label, y: value }] }]; Chart.Pie: data [{ legend, value }];
//   optional title, xAxisTitle, yAxisTitle.
// - Charts are Teams-only elements: clients and hosts that do not know them (the adaptivecards SDK,
//   older or other hosts) render `fallback` instead, an element such as a Container or TextBlock.
//   Without one they drop the element, and with it the figures: our fallback is the title and the
//   chart's summary, the same data in words.
// - Microsoft's chart samples declare card version 1.5, the version we send (CARD_VERSION).
// No label length limit is documented for Teams charts: labels go in full.
import type { ChartElement } from "../../kernel/surface/view.ts";

// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON is validated by Teams.
type CardJson = Record<string, any>;

/** `escapeText` makes text members wrote safe for a TextBlock (escapeCardLinks in the card renderer). */
export function renderChartElement(chart: ChartElement, escapeText: (s: string) => string): CardJson {
  const fallback = {
    type: "Container",
    items: [
      { type: "TextBlock", text: escapeText(chart.title), weight: "Bolder", wrap: true },
      { type: "TextBlock", text: escapeText(chart.summary), wrap: true },
    ],
  };
  if (chart.kind === "pie")
    return {
      type: "Chart.Pie",
      title: chart.title,
      data: chart.segments.map((s) => ({ legend: s.label, value: s.value })),
      fallback,
    };
  const axis = chart.valueLabel ? { yAxisTitle: chart.valueLabel } : {};
  if (chart.series.length === 1)
    return {
      type: "Chart.HorizontalBar",
      title: chart.title,
      ...axis,
      data: chart.categories.map((x, i) => ({ x, y: chart.series[0]!.values[i] ?? 0 })),
      fallback,
    };
  return {
    type: "Chart.VerticalBar.Grouped",
    title: chart.title,
    ...axis,
    data: chart.series.map((s) => ({
      legend: s.name,
      values: chart.categories.map((x, i) => ({ x, y: s.values[i] ?? 0 })),
    })),
    fallback,
  };
}
