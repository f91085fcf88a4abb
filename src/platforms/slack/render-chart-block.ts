// A neutral chart → Slack's data_visualization block, plus a numbered legend when Slack's label limit
// would cut a label: the bar keeps its number, the legend under it gives the full name, so nobody has
// to guess which bar is which. Whatever does not fit a chart at all becomes its text summary.
//
// Limits, from Slack's reference (docs.slack.dev/reference/block-kit/blocks/data-visualization-block):
// - title: required, "Maximum 50 characters".
// - pie: segments "Min 1, max 6"; segment label "Maximum of 20 characters"; value "Must be greater
//   than 0".
// - bar / area / line: series "Min 1, max 6"; axis_config.categories required, "Each category label has
//   a maximum of 20 characters"; x_label / y_label "Maximum of 50 characters"; series name "Must be
//   unique across all series in the same chart. Maximum 20 characters"; data "Min 1, max 20. Must
//   contain exactly one entry for every label in axis_config.categories"; data point label "Must match
//   one of the values in axis_config.categories. Maximum of 20 characters".
// - "There is a limit of 2 data visualization blocks per message"; surfaces: messages only.
// A copy of the page in a public repository reads "max 12" series and segments; the page itself (and
// issue 12) say 6, and we hold to the stricter 6.
import type { ChartElement } from "../../kernel/surface/view.ts";

export const SLACK_CHART_LIMITS = {
  title: 50,
  label: 20,
  seriesName: 20,
  series: 6,
  segments: 6,
  categories: 20,
  axisLabel: 50,
  perMessage: 2,
  /** A context block's text element: we hold it to the section text's 3000, and 10 elements. */
  legendText: 3000,
  legendElements: 10,
} as const;

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is validated by Slack, not by us.
type Block = Record<string, any>;

const clip = (value: string, max: number) =>
  value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
const escapeMrkdwn = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Labels Slack shows as they are when they fit. One that does not is cut and numbered by its place
 * ("2. Mine automation…"; a label that already begins with its number, like a scale's "3 Neither
 * agree nor disagree", keeps its own), and `legend` gives it in full under that number. Labels that
 * would repeat after cutting are all numbered.
 */
function fitLabels(
  labels: readonly string[],
  max: number,
  mark: (i: number) => string = (i) => String(i + 1),
): { shown: string[]; legend: string[] } {
  const legend: string[] = [];
  const numbered = (label: string, i: number) => {
    const own = new RegExp(`^${mark(i)}[ .]`).test(label);
    const prefix = own ? "" : `${mark(i)}. `;
    return { shown: `${prefix}${clip(label, max - prefix.length)}`, full: `${prefix}${label}` };
  };
  let shown = labels.map((label, i) => {
    if (label.length > 0 && label.length <= max) return label;
    const n = numbered(label || "–", i);
    legend.push(n.full);
    return n.shown;
  });
  if (new Set(shown).size !== shown.length) {
    legend.length = 0;
    shown = labels.map((label, i) => {
      const n = numbered(label || "–", i);
      legend.push(n.full);
      return n.shown;
    });
  }
  return { shown, legend };
}

/** Whether Slack can draw the chart at all (counts within its limits, something to draw). */
export function slackCanDraw(chart: ChartElement): boolean {
  if (chart.kind === "pie") {
    const drawn = chart.segments.filter((s) => s.value > 0);
    return drawn.length >= 1 && drawn.length <= SLACK_CHART_LIMITS.segments;
  }
  return (
    chart.categories.length >= 1 &&
    chart.categories.length <= SLACK_CHART_LIMITS.categories &&
    chart.series.length >= 1 &&
    chart.series.length <= SLACK_CHART_LIMITS.series &&
    chart.series.every((s) => s.values.length === chart.categories.length && s.values.every(Number.isFinite))
  );
}

/** The chart's words in a section: for a chart Slack cannot draw, or a third one in a message. */
export function chartSummaryBlocks(chart: ChartElement): Block[] {
  return [{ type: "section", text: { type: "mrkdwn", text: clip(escapeMrkdwn(chart.summary), 3000) } }];
}

export function renderChartBlocks(chart: ChartElement): Block[] {
  if (!slackCanDraw(chart)) return chartSummaryBlocks(chart);
  const legend: string[] = [];
  if (chart.title.length > SLACK_CHART_LIMITS.title) legend.push(chart.title);
  const title = clip(chart.title, SLACK_CHART_LIMITS.title);
  let body: Block;
  if (chart.kind === "pie") {
    // Slack draws only slices greater than 0; a zero stays in the summary the view carries.
    const drawn = chart.segments.filter((s) => s.value > 0);
    const labels = fitLabels(
      drawn.map((s) => s.label),
      SLACK_CHART_LIMITS.label,
    );
    legend.push(...labels.legend);
    body = {
      type: "pie",
      segments: drawn.map((s, i) => ({ label: labels.shown[i]!, value: s.value })),
    };
  } else {
    const categories = fitLabels(chart.categories, SLACK_CHART_LIMITS.label);
    // Series are lettered (A, B…), so their legend lines never share a number with a bar's.
    const names = fitLabels(
      chart.series.map((s) => s.name),
      SLACK_CHART_LIMITS.seriesName,
      (i) => String.fromCharCode(65 + i),
    );
    legend.push(...categories.legend, ...names.legend);
    body = {
      type: "bar",
      series: chart.series.map((s, j) => ({
        name: names.shown[j]!,
        data: s.values.map((value, i) => ({ label: categories.shown[i]!, value })),
      })),
      axis_config: {
        categories: categories.shown,
        ...(chart.valueLabel ? { y_label: clip(chart.valueLabel, SLACK_CHART_LIMITS.axisLabel) } : {}),
      },
    };
  }
  const blocks: Block[] = [{ type: "data_visualization", title, chart: body }];
  if (legend.length > 0) blocks.push(legendBlock(legend));
  return blocks;
}

/** The full names, one a line, in as few context elements as fit. */
function legendBlock(lines: string[]): Block {
  const elements: string[] = [];
  for (const line of lines.map(escapeMrkdwn)) {
    const last = elements.length - 1;
    if (last >= 0 && elements[last]!.length + 1 + line.length <= SLACK_CHART_LIMITS.legendText)
      elements[last] = `${elements[last]}\n${line}`;
    else elements.push(clip(line, SLACK_CHART_LIMITS.legendText));
  }
  return {
    type: "context",
    elements: elements.slice(0, SLACK_CHART_LIMITS.legendElements).map((text) => ({ type: "mrkdwn", text })),
  };
}
