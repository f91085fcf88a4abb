// Charts as pictures for documents: ECharts' SVG with every label in full, rasterised by resvg with
// the embedded DejaVu Sans. The PNG is a real PNG of the asked width; the letters people write in
// fi/sv/nl/en (ß æ ĳ ä ö å) and the signs the bot writes (• ≥) are drawn from the font, not as the
// font's "missing glyph" box.
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  CHART_COLORS,
  CHART_FONT_FAMILY,
  renderChartPng,
  renderChartSvg,
  svgToPng,
} from "../../src/exports/chart-image.ts";
import type { ChartElement } from "../../src/kernel/surface/view.ts";

const LONG = "Kaivosautomaatio ja etäohjausjärjestelmät (ĳzer, Straße, ≥ 5 år)";
const skills: ChartElement = {
  type: "chart",
  kind: "bar",
  title: "Osaamistarve • miten tarve muuttuu",
  categories: ["Hitsaus", LONG],
  series: [
    { name: "1 vuoden päästä", values: [1.3, 0] },
    { name: "5 vuoden päästä", values: [0.7, 2] },
  ],
  valueLabel: "Tarve",
  summary: "–",
};

/** The PNG's chunks, CRCs unchecked (resvg writes them), and its size from IHDR. */
function pngInfo(png: Uint8Array) {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    chunks.push({
      type: bytes.toString("latin1", at + 4, at + 8),
      data: bytes.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  expect(chunks[0]!.type).toBe("IHDR");
  expect(chunks.at(-1)!.type).toBe("IEND");
  const header = chunks[0]!.data;
  const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4), pixels: inflateSync(idat) };
}

describe("a chart as SVG", () => {
  it("carries every label in full, the legend's series, the title and the axis, in DejaVu Sans", () => {
    const svg = renderChartSvg(skills, { locale: "fi" });
    // ECharts wraps a long label onto lines as text spans: all its words are there, none cut.
    const text = [...svg.matchAll(/>([^<>]+)</g)]
      .map((m) => m[1]!)
      .join(" ")
      .replace(/&amp;/g, "&");
    for (const word of LONG.split(" ")) expect(text).toContain(word);
    expect(text).not.toContain("…");
    for (const label of ["Hitsaus", "1 vuoden päästä", "5 vuoden päästä", "Tarve", "Osaamistarve"])
      expect(text).toContain(label);
    // Finnish figures on the bars and the axis.
    expect(text).toContain("1,3");
    expect(svg).toContain(CHART_FONT_FAMILY);
    for (const colour of CHART_COLORS.series.slice(0, 2)) expect(svg.toLowerCase()).toContain(colour);
  });

  it("a pie names every segment with its figure in the legend", () => {
    const pie: ChartElement = {
      type: "chart",
      kind: "pie",
      title: "Roles",
      segments: [
        { label: "Welders", value: 3 },
        { label: "Nature guides", value: 1.5 },
      ],
      summary: "–",
    };
    const svg = renderChartSvg(pie, { locale: "en" });
    expect(svg).toContain("Welders: 3");
    expect(svg).toContain("Nature guides: 1.5");
  });
});

describe("a chart as PNG", () => {
  it("is a PNG of the asked width, taller with more categories, on an opaque card", async () => {
    const png = await renderChartPng(skills, { locale: "fi", width: 640 });
    const info = pngInfo(png);
    expect(info.width).toBe(640);
    expect(info.height).toBeGreaterThan(150);
    const more = pngInfo(
      await renderChartPng(
        {
          ...skills,
          categories: [...skills.categories, "Opastus", "Sähkötyöt"],
          series: [{ name: "n", values: [1, 2, 3, 4] }],
        },
        { locale: "fi", width: 640 },
      ),
    );
    expect(more.height).toBeGreaterThan(info.height);
    // The first pixel (the card's corner) is the card's white, fully opaque.
    expect([...info.pixels.subarray(1, 5)]).toEqual([255, 255, 255, 255]);
  });

  // A character drawn alone; the font's "missing glyph" box is what any character it lacks becomes.
  const drawn = async (s: string) =>
    Buffer.from(
      await svgToPng(
        `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><text x="10" y="30" font-family="${CHART_FONT_FAMILY}" font-size="24">${s}</text></svg>`,
      ),
    );

  it("draws ß æ ĳ ä ö å • ≥ from the embedded font, not as the missing-glyph box", async () => {
    const missing = await drawn("漢");
    // Two characters DejaVu Sans lacks look the same: both are the box (so this check can fail).
    expect((await drawn("丁")).equals(missing)).toBe(true);
    for (const ch of ["ß", "æ", "ĳ", "ä", "ö", "å", "•", "≥"]) {
      const glyph = await drawn(ch);
      expect(glyph.equals(missing), ch).toBe(false);
      expect(glyph.equals(await drawn("")), ch).toBe(false);
    }
  });
});
