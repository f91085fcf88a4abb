// Just enough of a PNG reader for the icon checks: the IHDR header, and RGBA pixels for 8-bit,
// non-interlaced images (what scripts/make-teams-icons.ts writes, and what image editors export).
import { inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type PngHeader = {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
};

/** Chunks in file order; the CRCs are not checked (Teams and every viewer would reject a bad one). */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  const found: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    found.push({ type: png.toString("latin1", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return found;
}

export function readPngHeader(png: Buffer): PngHeader {
  const ihdr = chunks(png)[0];
  if (ihdr?.type !== "IHDR") throw new Error("PNG does not start with IHDR");
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    bitDepth: ihdr.data[8]!,
    colorType: ihdr.data[9]!,
    interlace: ihdr.data[12]!,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the per-row filters (PNG spec section 9); returns the scanlines without their filter bytes. */
function unfilter(raw: Buffer, rowLength: number, height: number, bpp: number): Buffer {
  const out = Buffer.alloc(rowLength * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowLength + 1)]!;
    for (let x = 0; x < rowLength; x++) {
      const value = raw[y * (rowLength + 1) + 1 + x]!;
      const left = x >= bpp ? out[y * rowLength + x - bpp]! : 0;
      const up = y > 0 ? out[(y - 1) * rowLength + x]! : 0;
      const upLeft = x >= bpp && y > 0 ? out[(y - 1) * rowLength + x - bpp]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter type ${filter}`);
      out[y * rowLength + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

/** RGBA pixels of an 8-bit, non-interlaced RGBA PNG (colour type 6). */
export function readPngRgba(png: Buffer): { header: PngHeader; pixels: Buffer } {
  const header = readPngHeader(png);
  if (header.bitDepth !== 8 || header.colorType !== 6 || header.interlace !== 0) {
    throw new Error(`only 8-bit non-interlaced RGBA PNGs are decoded here, got ${JSON.stringify(header)}`);
  }
  const idat = Buffer.concat(
    chunks(png)
      .filter((c) => c.type === "IDAT")
      .map((c) => c.data),
  );
  const pixels = unfilter(inflateSync(idat), header.width * 4, header.height, 4);
  return { header, pixels };
}
