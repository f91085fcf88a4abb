// Horizontal bar charts as PNG, with no dependencies: a small RGB canvas, a built-in 5×7 bitmap font
// (ASCII, the Finnish, Swedish and Dutch letters, Northern Sámi letters for Lapland) drawn at 2×, and
// a PNG encoder on node:zlib. Unknown characters are drawn as a box. Slack and Teams both show the
// image inline; it is also readable when a phone scales it down to half width.
//
// Bars: the length is proportional to `value` (negative values grow left of the zero line). With
// `segments`, the bar is split in proportion to the segment values, e.g. counts per demand level in
// a bar as long as the number of respondents.
import type { Locale } from "../domain/locale.ts";
import type { DemandLevel } from "../domain/pulse/question-types.ts";
import { ADVANCE, BOX_GLYPH, chars, FONT, GLYPH_ROWS, inkOf, textWidth } from "./bitmap-font.ts";
import { encodePng } from "./png.ts";

export { glyphRows, hasGlyph } from "./bitmap-font.ts";
export { crc32, encodePng, PNG_SIGNATURE } from "./png.ts";
export { textWidth };

export const LAPLAND_BLUE = "#1d4e89";
/** Demand levels from decreasing (warm) to strongly growing (Lapland blue); readable for the colour-blind. */
export const DEMAND_LEVEL_COLORS: Readonly<Record<DemandLevel, string>> = {
  DECREASING: "#c8553d",
  STABLE: "#b8c4d0",
  GROWING: "#6a9fd4",
  STRONGLY_GROWING: LAPLAND_BLUE,
};

export type BarSegment = { value: number; color: string };
export type Bar = {
  label: string;
  value: number;
  segments?: BarSegment[];
  color?: string;
  /** Written after the bar instead of the formatted value. */
  valueLabel?: string;
};
export type BarChartInput = {
  title: string;
  bars: Bar[];
  /** Image width in pixels (default 800, 320 … 2400). */
  width?: number;
  /** Written after each value, e.g. "%" or "henkilöä". */
  unit?: string;
  /** Number format of the value labels (default "en"). */
  locale?: Locale;
  legend?: { label: string; color: string }[];
};

export const MAX_BARS = 200;

// --- the canvas -------------------------------------------------------------------------------------

type Rgb = readonly [number, number, number];

export function parseColor(color: string): Rgb {
  const hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim())?.[1];
  if (!hex) throw new RangeError(`Not a colour (#rrggbb): ${color}`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  /** One row of the rectangle written pixel by pixel, the other rows copied from it. */
  fillRect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0 || y1 <= y0) return;
    const { pixels, width } = this;
    const first = (y0 * width + x0) * 3;
    const end = (y0 * width + x1) * 3;
    for (let i = first; i < end; i += 3) {
      pixels[i] = r;
      pixels[i + 1] = g;
      pixels[i + 2] = b;
    }
    for (let row = y0 + 1; row < y1; row += 1) pixels.copyWithin((row * width + x0) * 3, first, end);
  }

  /** Text with its glyph box's top-left at (x, y); `bold` doubles every stroke one pixel right. */
  text(text: string, x: number, y: number, scale: number, color: Rgb, bold = false): void {
    let cursor = x;
    for (const c of chars(text)) {
      for (const [gx, gy] of inkOf(FONT.get(c) ?? BOX_GLYPH))
        this.fillRect(cursor + gx * scale, y + gy * scale, scale + (bold ? 1 : 0), scale, color);
      cursor += ADVANCE * scale;
    }
  }
}

// --- the chart --------------------------------------------------------------------------------------

const SCALE = 2;
const LINE = GLYPH_ROWS * SCALE; // 24 px per text line
const PAD = 20;
const ROW = 32;
const BAR = 20;
const GAP = 10;
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [0x22, 0x2b, 0x36];
const MUTED: Rgb = [0x55, 0x5f, 0x6b];
const AXIS: Rgb = [0x9a, 0xa4, 0xae];

/** Cut to fit `maxWidth`, ending in "…". */
export function truncateText(text: string, maxWidth: number, scale = SCALE): string {
  const cs = chars(text);
  const fits = (n: number) => (n * ADVANCE - 1) * scale <= maxWidth;
  if (fits(cs.length)) return text;
  for (let n = cs.length - 1; n > 0; n -= 1) {
    const kept = cs.slice(0, n).join("").trimEnd();
    if (fits([...kept].length + 1)) return `${kept}…`;
  }
  return "…";
}

/** Words over at most `lines` lines; the last one truncated. */
function wrap(text: string, maxWidth: number, lines: number): string[] {
  const out: string[] = [];
  let current = "";
  const words = text.trim().split(/\s+/);
  for (const [i, word] of words.entries()) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, SCALE) <= maxWidth || !current) {
      current = candidate;
      continue;
    }
    if (out.length === lines - 1) {
      current = `${current} ${words.slice(i).join(" ")}`;
      break;
    }
    out.push(current);
    current = word;
  }
  out.push(truncateText(current, maxWidth));
  return out.filter((l) => l !== "");
}

export function formatValue(value: number, locale: Locale = "en", unit?: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  return unit ? `${number} ${unit}` : number;
}

export function renderBarChart(input: BarChartInput): Buffer {
  const width = Math.round(input.width ?? 800);
  if (!(width >= 320 && width <= 2400))
    throw new RangeError(`Width must be 320 … 2400 px, got ${input.width}`);
  const { bars } = input;
  if (bars.length > MAX_BARS) throw new RangeError(`At most ${MAX_BARS} bars, got ${bars.length}`);
  for (const bar of bars) {
    if (!Number.isFinite(bar.value)) throw new RangeError(`Bar ${bar.label} has no finite value`);
    if (
      bar.segments &&
      (bar.value < 0 || bar.segments.some((s) => !(s.value >= 0 && Number.isFinite(s.value))))
    )
      throw new RangeError(`Bar ${bar.label}: segmented bars need values of 0 or more`);
  }
  const inner = width - 2 * PAD;
  const title = wrap(input.title, inner, 2);
  const valueTexts = bars.map((b) => b.valueLabel ?? formatValue(b.value, input.locale, input.unit));
  const labelWidth = Math.min(
    Math.max(0, ...bars.map((b) => textWidth(b.label, SCALE))),
    Math.round(inner * 0.38),
  );
  const valueWidth = Math.max(0, ...valueTexts.map((t) => textWidth(t, SCALE)));
  const legend = layoutLegend(input.legend ?? [], inner);

  const titleHeight = title.length * (LINE + 4);
  const barsTop = PAD + titleHeight + (title.length ? GAP : 0);
  const legendTop = barsTop + bars.length * ROW + (legend.rows ? 2 * GAP : 0);
  const height = legendTop + legend.rows * (LINE + 4) + PAD;
  const canvas = new Canvas(width, height, WHITE);

  for (const [i, line] of title.entries()) canvas.text(line, PAD, PAD + i * (LINE + 4), SCALE, INK, true);

  const plotLeft = PAD + labelWidth + (labelWidth ? 12 : 0);
  const plotRight = Math.max(plotLeft + 1, width - PAD - valueWidth - 8);
  const low = Math.min(0, ...bars.map((b) => b.value));
  const high = Math.max(0, ...bars.map((b) => b.value));
  const span = high - low || 1;
  const xOf = (v: number) => plotLeft + ((v - low) / span) * (plotRight - plotLeft);
  const zero = Math.round(xOf(0));

  bars.forEach((bar, i) => {
    const rowTop = barsTop + i * ROW;
    const textTop = rowTop + ROW / 2 - 6.5 * SCALE; // centre the capital height on the bar
    canvas.text(truncateText(bar.label, labelWidth), PAD, Math.round(textTop), SCALE, INK);
    const end = Math.round(xOf(bar.value));
    const [from, to] = end >= zero ? [zero, end] : [end, zero];
    const barTop = rowTop + (ROW - BAR) / 2;
    if (bar.segments?.length) drawSegments(canvas, bar.segments, from, to - from, barTop);
    else canvas.fillRect(from, barTop, to - from, BAR, parseColor(bar.color ?? LAPLAND_BLUE));
    const labelX = bar.value >= 0 ? to + 6 : zero + 6;
    canvas.text(valueTexts[i]!, labelX, Math.round(textTop), SCALE, MUTED);
  });
  if (bars.length) canvas.fillRect(zero, barsTop, 1, bars.length * ROW, AXIS);

  for (const item of legend.items) {
    const top = legendTop + item.row * (LINE + 4);
    canvas.fillRect(PAD + item.x, top + 5, 14, 14, parseColor(item.color));
    canvas.text(item.label, PAD + item.x + 20, top - Math.round(1.5 * SCALE), SCALE, INK);
  }
  return encodePng(width, height, canvas.pixels);
}

/** Split `length` pixels between the segments by value; rounding keeps the total exact. */
function drawSegments(canvas: Canvas, segments: BarSegment[], x: number, length: number, top: number): void {
  const total = segments.reduce((sum, s) => sum + s.value, 0);
  if (total === 0) return;
  let done = 0;
  let cumulative = 0;
  for (const segment of segments) {
    cumulative += segment.value;
    const until = Math.round((cumulative / total) * length);
    canvas.fillRect(x + done, top, until - done, BAR, parseColor(segment.color));
    done = until;
  }
}

function layoutLegend(items: { label: string; color: string }[], inner: number) {
  const placed: { label: string; color: string; x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const label = truncateText(item.label, inner - 20);
    const w = 20 + textWidth(label, SCALE);
    if (x > 0 && x + w > inner) {
      row += 1;
      x = 0;
    }
    placed.push({ label, color: item.color, x, row });
    x += w + 24;
  }
  return { items: placed, rows: items.length ? row + 1 : 0 };
}
