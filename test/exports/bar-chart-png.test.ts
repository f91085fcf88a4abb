import { mkdirSync, writeFileSync } from "node:fs";
import { inflateSync, crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  type Bar,
  crc32,
  DEMAND_LEVEL_COLORS,
  encodePng,
  glyphRows,
  hasGlyph,
  LAPLAND_BLUE,
  parseColor,
  renderBarChart,
  textWidth,
  truncateText,
} from "../../src/exports/bar-chart-png.ts";

// --- a small PNG reader: chunks with CRCs checked by zlib's own crc32, IDAT inflated, filters undone --

type Image = { width: number; height: number; rgb: (x: number, y: number) => number };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function decodePng(png: Buffer): Image {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(
      zlibCrc32(png.subarray(at + 4, at + 8 + length)),
    );
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks[0]!.type).toBe("IHDR");
  expect(chunks.at(-1)).toEqual({ type: "IEND", data: Buffer.alloc(0) });
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect([...header.subarray(8)]).toEqual([8, 2, 0, 0, 0]); // 8-bit RGB, no interlace
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const stride = width * 3;
  expect(raw.length).toBe((stride + 1) * height);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    expect(filter).toBeLessThanOrEqual(4);
    for (let i = 0; i < stride; i += 1) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 3 ? out[y * stride + i - 3]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + i]! : 0;
      const c = i >= 3 && y > 0 ? out[(y - 1) * stride + i - 3]! : 0;
      const predictor =
        filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      out[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = y * stride + x * 3;
      return (out[i]! << 16) | (out[i + 1]! << 8) | out[i + 2]!;
    },
  };
}

const rgbOf = (color: string) => Number.parseInt(color.slice(1), 16);

/** Horizontal runs of one colour: for each band of rows that contain it, the run's start and length. */
function bands(
  image: Image,
  color: string,
): { top: number; bottom: number; start: number; length: number }[] {
  const wanted = rgbOf(color);
  const found: { top: number; bottom: number; start: number; length: number }[] = [];
  for (let y = 0; y < image.height; y += 1) {
    let start = -1;
    let length = 0;
    for (let x = 0; x < image.width; x += 1) {
      if (image.rgb(x, y) !== wanted) continue;
      if (start < 0) start = x;
      length = x - start + 1;
    }
    if (start < 0) continue;
    const last = found.at(-1);
    if (last && last.bottom === y - 1 && last.start === start && last.length === length) last.bottom = y;
    else found.push({ top: y, bottom: y, start, length });
  }
  return found.filter((b) => b.bottom - b.top >= 10); // bars are 20 px tall; glyph strokes are thinner
}

const BLUE = LAPLAND_BLUE;

describe("PNG encoding", () => {
  it("uses the standard CRC-32", () => {
    const bytes = Buffer.from("IEND");
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes)).toBe(0xae426082);
  });

  it("round-trips arbitrary pixels", () => {
    const [w, h] = [7, 5];
    const rgb = Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 97 + 13) & 0xff);
    const image = decodePng(encodePng(w, h, rgb));
    expect([image.width, image.height]).toEqual([7, 5]);
    const at = (i: number) => (rgb[i]! << 16) | (rgb[i + 1]! << 8) | rgb[i + 2]!;
    for (let y = 0; y < h; y += 1)
      for (let x = 0; x < w; x += 1) expect(image.rgb(x, y)).toBe(at((y * w + x) * 3));
  });
});

describe("renderBarChart", () => {
  const bars: Bar[] = [
    { label: "Hitsaus", value: 40 },
    { label: "Automaatio", value: 20 },
    { label: "Kaivosten sähkötyöt", value: 10 },
    { label: "Logistiikka", value: 0 },
  ];

  it("draws bars whose lengths are proportional to the values, from one baseline", () => {
    const image = decodePng(
      renderBarChart({ title: "Vaikeasti täytettävät tehtävät", bars, width: 640, unit: "%" }),
    );
    expect(image.width).toBe(640);
    const found = bands(image, BLUE);
    expect(found).toHaveLength(3); // the zero bar has no length
    expect(new Set(found.map((b) => b.start)).size).toBe(1);
    const [a, b, c] = found.map((band) => band.length) as [number, number, number];
    expect(a).toBeGreaterThan(200);
    expect(Math.abs(b - a / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(c - a / 4)).toBeLessThanOrEqual(1);
    expect(found.map((band) => band.bottom - band.top + 1)).toEqual([20, 20, 20]);
    expect(found[0]!.top).toBeLessThan(found[1]!.top);
  });

  it("grows in height with the number of bars, and keeps the width", () => {
    const height = (n: number) =>
      decodePng(
        renderBarChart({
          title: "T",
          bars: Array.from({ length: n }, (_, i) => ({ label: `b${i}`, value: i })),
        }),
      );
    const [two, twelve] = [height(2), height(12)];
    expect(two.width).toBe(800);
    expect(twelve.height - two.height).toBe(10 * 32);
  });

  it("writes a title and labels in dark ink", () => {
    const image = decodePng(renderBarChart({ title: "ÅÄÖ åäö", bars: [{ label: "x", value: 1 }] }));
    let ink = 0;
    for (let y = 0; y < 50; y += 1)
      for (let x = 0; x < 200; x += 1) if (image.rgb(x, y) === 0x222b36) ink += 1;
    expect(ink).toBeGreaterThan(100);
  });

  it("stacks segments in proportion within the bar", () => {
    const levels = DEMAND_LEVEL_COLORS;
    const png = renderBarChart({
      title: "Osaamistarve 5 vuoden päästä",
      bars: [
        {
          label: "Automaatio",
          value: 8,
          segments: [
            { value: 1, color: levels.DECREASING },
            { value: 1, color: levels.STABLE },
            { value: 2, color: levels.GROWING },
            { value: 4, color: levels.STRONGLY_GROWING },
          ],
        },
        { label: "Hitsaus", value: 4, color: levels.GROWING },
      ],
      legend: Object.entries(levels).map(([label, color]) => ({ label, color })),
    });
    const image = decodePng(png);
    const [decreasing] = bands(image, levels.DECREASING);
    const [stable] = bands(image, levels.STABLE);
    const [growing, hitsaus] = bands(image, levels.GROWING);
    const [strongly] = bands(image, levels.STRONGLY_GROWING);
    expect(stable!.start).toBe(decreasing!.start + decreasing!.length);
    expect(growing!.start).toBe(stable!.start + stable!.length);
    expect(strongly!.start).toBe(growing!.start + growing!.length);
    const total = strongly!.start + strongly!.length - decreasing!.start;
    expect(total).toBeGreaterThan(400);
    // 1 : 1 : 2 : 4 of the bar, each within a pixel of rounding.
    const shares = [decreasing, stable, growing, strongly].map((b) => b!.length);
    for (const [i, length] of shares.entries())
      expect(Math.abs(length - (total * [1, 1, 2, 4][i]!) / 8)).toBeLessThanOrEqual(1);
    expect(Math.abs(hitsaus!.length - total / 2)).toBeLessThanOrEqual(1);
  });

  it("draws negative values left of the zero line", () => {
    const image = decodePng(
      renderBarChart({
        title: "Demand score",
        bars: [
          { label: "Up", value: 2 },
          { label: "Down", value: -1 },
        ],
      }),
    );
    const [up, down] = bands(image, BLUE);
    expect(down!.start + down!.length).toBeLessThanOrEqual(up!.start + 1);
    expect(Math.abs(up!.length - 2 * down!.length)).toBeLessThanOrEqual(2);
  });

  it("refuses what it cannot draw", () => {
    expect(() => renderBarChart({ title: "x", bars: [], width: 100 })).toThrow(RangeError);
    expect(() => renderBarChart({ title: "x", bars: [{ label: "a", value: Number.NaN }] })).toThrow(
      RangeError,
    );
    expect(() => renderBarChart({ title: "x", bars: [{ label: "a", value: 1, color: "blue" }] })).toThrow(
      RangeError,
    );
    expect(() =>
      renderBarChart({
        title: "x",
        bars: [{ label: "a", value: -1, segments: [{ value: 1, color: BLUE }] }],
      }),
    ).toThrow(RangeError);
    expect(parseColor("#1D4E89")).toEqual([0x1d, 0x4e, 0x89]);
    expect(parseColor("#fff")).toEqual([255, 255, 255]);
  });

  it("renders an empty chart", () => {
    const image = decodePng(renderBarChart({ title: "Ei vastauksia", bars: [] }));
    expect(image.width).toBe(800);
    expect(bands(image, BLUE)).toEqual([]);
  });

  it("writes a sample chart to .cache/sample-chart.png for people to look at", () => {
    const skills = [
      ["Hitsaus", 1, 3, 5, 3],
      ["Automaatio ja robotiikka", 0, 2, 4, 6],
      ["Kaivosten sähkötyöt", 1, 4, 5, 2],
      ["Raskaan kaluston kuljettajat", 2, 5, 4, 1],
      ["Ympäristöluvat ja vesienhallinta", 0, 3, 6, 3],
      ["Matkailun monikielinen asiakaspalvelu (fi, sv, en, nl, sámi)", 3, 6, 2, 1],
    ] as const;
    const levels = DEMAND_LEVEL_COLORS;
    const scored = skills
      .map(([label, d, s, g, sg]) => ({
        label,
        counts: [d, s, g, sg],
        score: (-d + g + 2 * sg) / (d + s + g + sg),
      }))
      .sort((a, b) => b.score - a.score);
    const png = renderBarChart({
      title: "Osaamistarpeet 5 vuoden päästä: kasvava kysyntä ensin (n = 12)",
      locale: "fi",
      bars: scored.map(({ label, counts, score }) => ({
        label,
        value: 12,
        valueLabel: `${score >= 0 ? "+" : ""}${score.toFixed(2).replace(".", ",")}`,
        segments: counts.map((value, i) => ({
          value,
          color: [levels.DECREASING, levels.STABLE, levels.GROWING, levels.STRONGLY_GROWING][i]!,
        })),
      })),
      legend: [
        { label: "Vähenee", color: levels.DECREASING },
        { label: "Pysyy ennallaan", color: levels.STABLE },
        { label: "Kasvaa", color: levels.GROWING },
        { label: "Kasvaa voimakkaasti", color: levels.STRONGLY_GROWING },
      ],
    });
    mkdirSync(".cache", { recursive: true });
    writeFileSync(".cache/sample-chart.png", png);
    const image = decodePng(png);
    expect(bands(image, levels.STRONGLY_GROWING).length).toBeGreaterThanOrEqual(skills.length);
  });
});

describe("the bitmap font", () => {
  it("has the Finnish, Swedish, Dutch and Northern Sámi letters", () => {
    for (const c of "ÅÄÖåäöÉÈËÊÏÜÓéèëêïüóáàçÇČčŠšŽžĐđŊŋŦŧ€…–0123456789%") expect(hasGlyph(c), c).toBe(true);
    expect(hasGlyph("a\u0308".normalize("NFC"))).toBe(true); // a decomposed ä is composed first
  });

  it("draws accents over the base letter", () => {
    const a = glyphRows("A");
    const ae = glyphRows("Ä");
    expect(ae.slice(3)).toEqual(a.slice(3));
    expect(ae[1]).toBe(".#.#.");
    expect(glyphRows("å").slice(5)).toEqual(glyphRows("a").slice(5));
  });

  it("draws characters it lacks as a box", () => {
    const box = glyphRows("😀");
    expect(hasGlyph("😀")).toBe(false);
    expect(glyphRows("ק")).toEqual(box);
    expect(box.slice(3, 10)).toEqual(["#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"]);
  });

  it("measures and truncates text with an ellipsis", () => {
    expect(textWidth("abc", 2)).toBe((3 * 6 - 1) * 2);
    expect(textWidth("", 2)).toBe(0);
    expect(truncateText("Kaivosten sähkötyöt", textWidth("Kaivosten…", 2), 2)).toBe("Kaivosten…");
    expect(truncateText("Lyhyt", 1000, 2)).toBe("Lyhyt");
  });
});
