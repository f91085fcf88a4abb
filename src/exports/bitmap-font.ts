// A 5-column bitmap font for chart text, with no dependencies: ASCII, the Finnish, Swedish and
// Dutch letters, and Northern Sámi letters for Lapland. Unknown characters are drawn as a box.
// Each glyph is 5 columns wide in a 12-row box: rows 0–2 hold accents over capitals, 3–9 the capital
// height (baseline under row 9), 5–9 the x-height, 10–11 descenders. Written as "top rows…" with one
// string of # and . per row.

export const GLYPH_ROWS = 12;
export const GLYPH_WIDTH = 5;
export const ADVANCE = GLYPH_WIDTH + 1;

const BASE_GLYPHS: Record<string, string> = {
  " ": "3",
  "!": "3 ..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..",
  '"': "3 .#.#. .#.#. .#.#.",
  "#": "3 .#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
  $: "3 ..#.. .#### #.#.. .###. ..#.# ####. ..#..",
  "%": "3 ##... ##..# ...#. ..#.. .#... #..## ...##",
  "&": "3 .##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
  "'": "3 ..#.. ..#.. .#...",
  "(": "3 ...#. ..#.. .#... .#... .#... ..#.. ...#.",
  ")": "3 .#... ..#.. ...#. ...#. ...#. ..#.. .#...",
  "*": "4 ..#.. #.#.# .###. #.#.# ..#..",
  "+": "4 ..#.. ..#.. ##### ..#.. ..#..",
  ",": "8 .##.. ..#.. .#...",
  "-": "6 #####",
  ".": "8 .##.. .##..",
  "/": "3 ....# ...#. ...#. ..#.. .#... .#... #....",
  "0": "3 .###. #...# #..## #.#.# ##..# #...# .###.",
  "1": "3 ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
  "2": "3 .###. #...# ....# ...#. ..#.. .#... #####",
  "3": "3 ##### ...#. ..#.. ...#. ....# #...# .###.",
  "4": "3 ...#. ..##. .#.#. #..#. ##### ...#. ...#.",
  "5": "3 ##### #.... ####. ....# ....# #...# .###.",
  "6": "3 ..##. .#... #.... ####. #...# #...# .###.",
  "7": "3 ##### ....# ...#. ..#.. .#... .#... .#...",
  "8": "3 .###. #...# #...# .###. #...# #...# .###.",
  "9": "3 .###. #...# #...# .#### ....# ...#. .##..",
  ":": "5 .##.. .##.. ..... .##.. .##..",
  ";": "5 .##.. .##.. ..... .##.. ..#.. .#...",
  "<": "3 ...#. ..#.. .#... #.... .#... ..#.. ...#.",
  "=": "5 ##### ..... #####",
  ">": "3 .#... ..#.. ...#. ....# ...#. ..#.. .#...",
  "?": "3 .###. #...# ....# ...#. ..#.. ..... ..#..",
  "@": "3 .###. #...# ....# .##.# #.#.# #.#.# .###.",
  A: "3 .###. #...# #...# ##### #...# #...# #...#",
  B: "3 ####. #...# #...# ####. #...# #...# ####.",
  C: "3 .###. #...# #.... #.... #.... #...# .###.",
  D: "3 ###.. #..#. #...# #...# #...# #..#. ###..",
  E: "3 ##### #.... #.... ####. #.... #.... #####",
  F: "3 ##### #.... #.... ####. #.... #.... #....",
  G: "3 .###. #...# #.... #.### #...# #...# .####",
  H: "3 #...# #...# #...# ##### #...# #...# #...#",
  I: "3 .###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
  J: "3 ..### ...#. ...#. ...#. ...#. #..#. .##..",
  K: "3 #...# #..#. #.#.. ##... #.#.. #..#. #...#",
  L: "3 #.... #.... #.... #.... #.... #.... #####",
  M: "3 #...# ##.## #.#.# #.#.# #...# #...# #...#",
  N: "3 #...# #...# ##..# #.#.# #..## #...# #...#",
  O: "3 .###. #...# #...# #...# #...# #...# .###.",
  P: "3 ####. #...# #...# ####. #.... #.... #....",
  Q: "3 .###. #...# #...# #...# #.#.# #..#. .##.#",
  R: "3 ####. #...# #...# ####. #.#.. #..#. #...#",
  S: "3 .#### #.... #.... .###. ....# ....# ####.",
  T: "3 ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
  U: "3 #...# #...# #...# #...# #...# #...# .###.",
  V: "3 #...# #...# #...# #...# #...# .#.#. ..#..",
  W: "3 #...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
  X: "3 #...# #...# .#.#. ..#.. .#.#. #...# #...#",
  Y: "3 #...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
  Z: "3 ##### ....# ...#. ..#.. .#... #.... #####",
  "[": "3 .###. .#... .#... .#... .#... .#... .###.",
  "\\": "3 #.... .#... .#... ..#.. ...#. ...#. ....#",
  "]": "3 .###. ...#. ...#. ...#. ...#. ...#. .###.",
  "^": "3 ..#.. .#.#. #...#",
  _: "10 #####",
  "`": "3 .#... ..#..",
  a: "5 .###. ....# .#### #...# .####",
  b: "3 #.... #.... ####. #...# #...# #...# ####.",
  c: "5 .###. #.... #.... #...# .###.",
  d: "3 ....# ....# .#### #...# #...# #...# .####",
  e: "5 .###. #...# ##### #.... .###.",
  f: "3 ..##. .#..# .#... ###.. .#... .#... .#...",
  g: "5 .#### #...# #...# #...# .#### ....# .###.",
  h: "3 #.... #.... #.##. ##..# #...# #...# #...#",
  i: "3 ..#.. ..... .##.. ..#.. ..#.. ..#.. .###.",
  j: "3 ...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..",
  k: "3 #.... #.... #..#. #.#.. ##... #.#.. #..#.",
  l: "3 .##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
  m: "5 ##.#. #.#.# #.#.# #.#.# #.#.#",
  n: "5 #.##. ##..# #...# #...# #...#",
  o: "5 .###. #...# #...# #...# .###.",
  p: "5 ####. #...# #...# #...# ####. #.... #....",
  q: "5 .#### #...# #...# #...# .#### ....# ....#",
  r: "5 #.##. ##..# #.... #.... #....",
  s: "5 .#### #.... .###. ....# ####.",
  t: "3 .#... .#... ###.. .#... .#... .#..# ..##.",
  u: "5 #...# #...# #...# #..## .##.#",
  v: "5 #...# #...# #...# .#.#. ..#..",
  w: "5 #...# #...# #.#.# #.#.# .#.#.",
  x: "5 #...# .#.#. ..#.. .#.#. #...#",
  y: "5 #...# #...# #...# #...# .#### ....# .###.",
  z: "5 ##### ...#. ..#.. .#... #####",
  "{": "3 ...#. ..#.. ..#.. .#... ..#.. ..#.. ...#.",
  "|": "3 ..#.. ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
  "}": "3 .#... ..#.. ..#.. ...#. ..#.. ..#.. .#...",
  "~": "5 .#... #.#.# ...#.",
  // Beyond ASCII
  ı: "5 .##.. ..#.. ..#.. ..#.. .###.",
  "€": "3 ..### .#... ####. .#... ####. .#... ..###",
  "°": "3 .##.. #..#. .##..",
  "–": "6 #####",
  "—": "6 #####",
  "…": "9 #.#.#",
  "·": "6 ..#..",
  "×": "5 #...# .#.#. ..#.. .#.#. #...#",
  "’": "3 ..#.. ..#.. .#...",
  "‘": "3 ..#.. .#... .#...",
  "“": "3 .#.#. #.#.. #.#..",
  "”": "3 .#.#. .#.#. #.#..",
  "«": "5 ..#.# .#.#. #.#.. .#.#. ..#.#",
  "»": "5 #.#.. .#.#. ..#.# .#.#. #.#..",
  Ç: "3 .###. #...# #.... #.... #.... #...# .###. ..#.. .##..",
  ç: "5 .###. #.... #.... #...# .###. ..#.. .##..",
  Đ: "3 ###.. #..#. #...# ###.# #...# #..#. ###..",
  đ: "3 ....# ..### .#### #...# #...# #...# .####",
  Ŋ: "3 #...# ##..# #.#.# #..## #...# #...# #...# ....# ..##.",
  ŋ: "5 #.##. ##..# #...# #...# #...# ....# ..##.",
  Ŧ: "3 ##### ..#.. ..#.. .###. ..#.. ..#.. ..#..",
  ŧ: "3 .#... .#... ###.. .#... ###.. .#..# ..##.",
  Ø: "3 .###. #..## #.#.# #.#.# #.#.# ##..# .###.",
  ø: "5 .###. #..## #.#.# ##..# .###.",
};

/** Marks placed above a base glyph: one blank row between (the ring sits on it). */
const MARKS = {
  diaeresis: { rows: [".#.#."], touch: false },
  acute: { rows: ["...#.", "..#.."], touch: false },
  grave: { rows: [".#...", "..#.."], touch: false },
  circumflex: { rows: ["..#..", ".#.#."], touch: false },
  caron: { rows: [".#.#.", "..#.."], touch: false },
  tilde: { rows: [".##.#", "#.##."], touch: false },
  ring: { rows: ["..#..", ".#.#.", "..#.."], touch: true },
} as const;
type Mark = keyof typeof MARKS;

const COMPOSED: Record<string, [string, Mark]> = {
  Ä: ["A", "diaeresis"],
  Ö: ["O", "diaeresis"],
  Å: ["A", "ring"],
  Ü: ["U", "diaeresis"],
  Ë: ["E", "diaeresis"],
  Ï: ["I", "diaeresis"],
  É: ["E", "acute"],
  È: ["E", "grave"],
  Ê: ["E", "circumflex"],
  Á: ["A", "acute"],
  À: ["A", "grave"],
  Â: ["A", "circumflex"],
  Ó: ["O", "acute"],
  Ò: ["O", "grave"],
  Ô: ["O", "circumflex"],
  Ú: ["U", "acute"],
  Í: ["I", "acute"],
  Ñ: ["N", "tilde"],
  Õ: ["O", "tilde"],
  Č: ["C", "caron"],
  Š: ["S", "caron"],
  Ž: ["Z", "caron"],
  ä: ["a", "diaeresis"],
  ö: ["o", "diaeresis"],
  å: ["a", "ring"],
  ü: ["u", "diaeresis"],
  ë: ["e", "diaeresis"],
  ï: ["ı", "diaeresis"],
  é: ["e", "acute"],
  è: ["e", "grave"],
  ê: ["e", "circumflex"],
  á: ["a", "acute"],
  à: ["a", "grave"],
  â: ["a", "circumflex"],
  ó: ["o", "acute"],
  ò: ["o", "grave"],
  ô: ["o", "circumflex"],
  ú: ["u", "acute"],
  í: ["ı", "acute"],
  ñ: ["n", "tilde"],
  õ: ["o", "tilde"],
  č: ["c", "caron"],
  š: ["s", "caron"],
  ž: ["z", "caron"],
};

/** Drawn for any character the font lacks. */
const BOX = "3 ##### #...# #...# #...# #...# #...# #####";

export type Glyph = readonly string[]; // GLYPH_ROWS rows of GLYPH_WIDTH characters

function parseGlyph(spec: string): string[] {
  const [top, ...rows] = spec.split(" ");
  const glyph = Array.from({ length: GLYPH_ROWS }, () => ".".repeat(GLYPH_WIDTH));
  rows.forEach((row, i) => {
    glyph[Number(top) + i] = row;
  });
  return glyph;
}

function compose(base: string, mark: Mark): string[] {
  const glyph = parseGlyph(BASE_GLYPHS[base]!);
  const top = glyph.findIndex((row) => row.includes("#"));
  const { rows, touch } = MARKS[mark];
  const bottom = touch ? top - 1 : top - 2;
  rows.forEach((row, i) => {
    glyph[bottom - (rows.length - 1) + i] = row;
  });
  return glyph;
}

export const FONT = new Map<string, Glyph>([
  ...Object.entries(BASE_GLYPHS).map(([c, spec]): [string, Glyph] => [c, parseGlyph(spec)]),
  ...Object.entries(COMPOSED).map(([c, [base, mark]]): [string, Glyph] => [c, compose(base, mark)]),
]);
export const BOX_GLYPH: Glyph = parseGlyph(BOX);

// Characters that look like ones the font has: spaces of every width, the minus sign Intl uses.
const ALIASES: Record<string, string> = {
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
  "\t": " ",
  "\u2212": "-",
};

export function chars(text: string): string[] {
  return [...text.normalize("NFC")].map((c) => ALIASES[c] ?? c);
}

export function hasGlyph(char: string): boolean {
  return FONT.has(ALIASES[char] ?? char.normalize("NFC"));
}

/** The rows of a character's glyph ("#" = ink); the box for characters the font lacks. */
export function glyphRows(char: string): readonly string[] {
  return FONT.get(ALIASES[char] ?? char.normalize("NFC")) ?? BOX_GLYPH;
}

export function textWidth(text: string, scale: number): number {
  const n = chars(text).length;
  return n === 0 ? 0 : (n * ADVANCE - 1) * scale;
}

const INK_CACHE = new Map<Glyph, [number, number][]>();

/** The inked cells of a glyph, computed once. */
export function inkOf(glyph: Glyph): [number, number][] {
  let ink = INK_CACHE.get(glyph);
  if (!ink) {
    ink = glyph.flatMap((row, gy) =>
      [...row].flatMap((cell, gx): [number, number][] => (cell === "#" ? [[gx, gy]] : [])),
    );
    INK_CACHE.set(glyph, ink);
  }
  return ink;
}
