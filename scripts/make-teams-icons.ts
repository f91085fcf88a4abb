// `npx tsx scripts/make-teams-icons.ts`: draws the two icons a Teams app package needs and writes them
// to manifests/teams/. Run once; the PNGs are committed. Drawing them in code keeps the design
// reviewable and reproducible without an image editor or an image library.
//
// Teams wants color.png at 192x192 (full colour) and outline.png at 32x32 (white on transparent).
// The design: a white upward arrow, on Lapland blue for the colour icon.
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { encodePng } from "../src/exports/png.ts";

const OUT_DIR = resolve(import.meta.dirname, "../manifests/teams");
const BLUE: Rgb = [0x1d, 0x4e, 0x89];
const WHITE: Rgb = [0xff, 0xff, 0xff];
/** Samples per pixel along each axis; 4x4 coverage gives smooth edges at 32px. */
const SUPERSAMPLE = 4;

type Rgb = readonly [number, number, number];
/** Point in a unit box: x to the right, y downwards, both 0..1. */
type Shape = (x: number, y: number) => boolean;

/** An upward arrow filling the unit box: a triangular head over a stem. */
const arrow: Shape = (x, y) => {
  const head = y >= 0 && y <= 0.5 && Math.abs(x - 0.5) <= y;
  const stem = y > 0.5 && y <= 1 && Math.abs(x - 0.5) <= 0.17;
  return head || stem;
};

/** The shape drawn into the square [inset, 1 - inset] of the image. */
function inset(shape: Shape, margin: number): Shape {
  const size = 1 - 2 * margin;
  return (x, y) => shape((x - margin) / size, (y - margin) / size);
}

/** Fraction (0..1) of the pixel (px, py) covered by the shape. */
function coverage(shape: Shape, px: number, py: number, size: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      if (shape(x, y)) inside++;
    }
  }
  return inside / SUPERSAMPLE ** 2;
}

/** RGBA pixels, row by row: `fg` over `bg` by coverage, or `fg` with coverage as alpha when bg is null. */
function render(size: number, shape: Shape, fg: Rgb, bg: Rgb | null): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const c = coverage(shape, px, py, size);
      const at = (py * size + px) * 4;
      for (let ch = 0; ch < 3; ch++) {
        pixels[at + ch] = bg ? Math.round(bg[ch]! + (fg[ch]! - bg[ch]!) * c) : fg[ch]!;
      }
      pixels[at + 3] = bg ? 255 : Math.round(255 * c);
    }
  }
  return pixels;
}

async function main(): Promise<void> {
  // Teams crops the colour icon itself, so the blue fills the square and the symbol keeps to the
  // middle half; the outline icon is shown small, so its symbol uses nearly all of it.
  const color = encodePng(192, 192, render(192, inset(arrow, 0.25), WHITE, BLUE), { channels: 4, level: 9 });
  const outline = encodePng(32, 32, render(32, inset(arrow, 2 / 32), WHITE, null), { channels: 4, level: 9 });
  await writeFile(join(OUT_DIR, "color.png"), color);
  await writeFile(join(OUT_DIR, "outline.png"), outline);
  console.log(`Wrote ${OUT_DIR}/color.png and outline.png`);
}

await main();
