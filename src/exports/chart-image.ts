// Charts as pictures, for documents only (chat uses the platforms' native charts): the neutral chart
// drawn by Apache ECharts (server-side, as SVG), then rasterised by resvg with DejaVu Sans embedded,
// so every label reads the same on every machine: fi/sv/nl/en letters (ä ö å ß æ ĳ), bullets and
// signs (• ≥), anti-aliased. No system fonts, no native binaries.
//
// Full labels: category labels wrap onto as many lines as they need (never cut), the legend names
// every series, the value axis has a scale and each bar its figure. Colours: an opaque white card with
// dark text and mid-tone bars, each of at least 3:1 contrast against the card, so the picture reads
// the same in a light or a dark document viewer.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import type * as Echarts from "echarts";
import type { Locale } from "../kernel/domain/locale.ts";
import type { ChartElement } from "../kernel/surface/view.ts";

const require = createRequire(import.meta.url);

export const CHART_FONT_FAMILY = "DejaVu Sans";
/** The card, its text and the bars' colours (contrast ≥ 3:1 against the white card). */
export const CHART_COLORS = {
  background: "#ffffff",
  text: "#1f2933",
  muted: "#52606d",
  grid: "#d9dee3",
  series: ["#1d4e89", "#c0392b", "#1e7b4f", "#8e44ad", "#a0522d", "#2c6e91"],
} as const;

const DEFAULT_WIDTH = 720;
const FONT_SIZE = 13;
const LINE_HEIGHT = 17;

let fonts: Uint8Array[] | null = null;
let ready: Promise<void> | null = null;

/** The fonts resvg draws with: DejaVu Sans only (regular and bold). */
export function chartFonts(): Uint8Array[] {
  fonts ??= ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map(
    (file) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))),
  );
  return fonts;
}

/** resvg's WebAssembly, loaded once per process. */
export function resvgReady(): Promise<void> {
  ready ??= initWasm(readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
  return ready;
}

/** SVG → PNG with the embedded fonts only; `width` in pixels (the SVG is scaled to it). */
export async function svgToPng(svg: string, width?: number): Promise<Uint8Array> {
  await resvgReady();
  const resvg = new Resvg(svg, {
    font: {
      fontBuffers: chartFonts(),
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
      // Not in the wasm build's types, but honoured: never reach for the machine's own fonts.
      ...({ loadSystemFonts: false } as object),
    },
    ...(width ? { fitTo: { mode: "width" as const, value: width } } : {}),
    background: CHART_COLORS.background,
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

export type ChartImageOptions = { locale: Locale; width?: number };

/** The chart as SVG (ECharts' server-side renderer), every label in full. */
export function renderChartSvg(
  chart: ChartElement,
  { locale, width = DEFAULT_WIDTH }: ChartImageOptions,
): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const titleLines = wrappedLines(chart.title, width - 40);
  const top = 16 + titleLines * (LINE_HEIGHT + 2);
  const base = {
    animation: false,
    backgroundColor: CHART_COLORS.background,
    color: [...CHART_COLORS.series],
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE, color: CHART_COLORS.text },
    title: {
      text: chart.title,
      left: 16,
      top: 10,
      textStyle: {
        fontFamily: CHART_FONT_FAMILY,
        fontSize: FONT_SIZE + 2,
        fontWeight: "bold" as const,
        color: CHART_COLORS.text,
        width: width - 40,
        overflow: "break" as const,
        lineHeight: LINE_HEIGHT + 2,
      },
    },
  };
  if (chart.kind === "pie") {
    const legendTop = top + 12;
    const legendHeight = chart.segments.length * (LINE_HEIGHT + 6);
    const height = Math.max(legendTop + legendHeight, top + 260) + 24;
    return draw(width, height, {
      ...base,
      legend: {
        orient: "vertical",
        left: width / 2 + 10,
        top: legendTop,
        textStyle: { color: CHART_COLORS.text, width: width / 2 - 50, overflow: "break" },
        formatter: (name: string) => {
          const segment = chart.segments.find((s) => s.label === name);
          return segment ? `${name}: ${format.format(segment.value)}` : name;
        },
      },
      series: [
        {
          type: "pie",
          radius: ["0%", "70%"],
          center: [width / 4 + 10, top + 130],
          label: { show: false },
          data: chart.segments.map((s) => ({ name: s.label, value: s.value })),
        },
      ],
    });
  }

  // Horizontal bars: the categories down the left, labels wrapped in full.
  const labelWidth = Math.round(width * 0.34);
  const lines = chart.categories.map((c) => wrappedLines(c, labelWidth));
  const legendHeight = chart.series.length > 1 ? LINE_HEIGHT + 14 : 0;
  const groupHeight = (i: number) => Math.max(lines[i]! * LINE_HEIGHT + 8, chart.series.length * 16 + 10);
  const plotHeight = chart.categories.reduce((sum, _c, i) => sum + groupHeight(i), 0);
  const gridTop = top + 12 + legendHeight;
  const height = gridTop + plotHeight + 44;
  return draw(width, height, {
    ...base,
    legend:
      chart.series.length > 1
        ? {
            top: top + 6,
            left: 16,
            itemGap: 18,
            textStyle: { color: CHART_COLORS.text },
            data: chart.series.map((s) => s.name),
          }
        : undefined,
    grid: { left: 16 + labelWidth + 10, right: 56, top: gridTop, bottom: 36 },
    xAxis: {
      type: "value",
      name: chart.kind === "bar" && chart.valueLabel ? chart.valueLabel : "",
      nameLocation: "middle",
      nameGap: 24,
      // Counts (people, clusters, measures) never get "0,5" ticks.
      minInterval: chart.series.every((s) => s.values.every(Number.isInteger)) ? 1 : undefined,
      axisLabel: { color: CHART_COLORS.muted, formatter: (v: number) => format.format(v) },
      axisLine: { show: true, lineStyle: { color: CHART_COLORS.muted } },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: chart.categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_COLORS.muted } },
      axisLabel: {
        color: CHART_COLORS.text,
        width: labelWidth,
        overflow: "break",
        lineHeight: LINE_HEIGHT,
        interval: 0,
      },
    },
    series: chart.series.map((s) => ({
      type: "bar",
      name: s.name,
      data: s.values,
      barMaxWidth: 22,
      label: {
        show: true,
        position: "right",
        color: CHART_COLORS.text,
        formatter: (p: { value: number }) => format.format(p.value),
      },
    })),
  });
}

/** The chart as a PNG for documents: ECharts' SVG drawn by resvg with DejaVu Sans. */
export async function renderChartPng(chart: ChartElement, options: ChartImageOptions): Promise<Uint8Array> {
  return svgToPng(renderChartSvg(chart, options));
}

/**
 * ECharts (~40 MB in memory) is loaded on the first chart, not at start-up: most instances draw a chart
 * rarely, and an idle bot should stay small.
 */
let loadedEcharts: typeof Echarts | null = null;
const echarts = (): typeof Echarts => {
  loadedEcharts ??= require("echarts") as typeof Echarts;
  return loadedEcharts;
};

function draw(width: number, height: number, option: Record<string, unknown>): string {
  const instance = echarts().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    // Dispose, or ECharts keeps a timer and the process never exits.
    instance.dispose();
  }
}

/**
 * Lines a label takes at `width` pixels: an estimate (DejaVu Sans averages about 0.6 em a letter) to
 * size the picture; ECharts does the wrapping itself.
 */
function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(8, Math.floor(width / (FONT_SIZE * 0.62)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const length = word.length;
    if (used > 0 && used + 1 + length > perLine) {
      lines += 1;
      used = length;
    } else used += used > 0 ? 1 + length : length;
    while (used > perLine) {
      lines += 1;
      used -= perLine;
    }
  }
  return lines;
}

/** Width and height in pixels from a PNG's IHDR chunk (always the first chunk, at byte 16). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
