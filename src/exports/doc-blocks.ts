// A document as a neutral list of blocks (title, headings, paragraphs, lists, tables, pictures): the
// minutes and the chairs' briefing pack are written this way, and src/exports/docx.ts draws them.

/** Texts may hold line breaks ("\n"): the DOCX keeps them as breaks inside the paragraph or item. */
export type DocBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; items: string[] }
  | { kind: "table"; header: string[]; rows: string[][] }
  /** A PNG picture (a chart), `width` × `height` pixels, with the text a screen reader says instead. */
  | { kind: "image"; png: Uint8Array; width: number; height: number; alt: string; title?: string };
