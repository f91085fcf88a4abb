// Word documents (.docx) built with the `docx` library from the neutral blocks of
// minutes-document.ts: the minutes and the chairs' briefing pack. What a reader of the printout needs
// and the hand-written package lacked:
// - table columns as wide as their content needs ("#" narrow, the item wide) and never narrower
//   than the longest word, so a Finnish compound is not broken mid-word; rows that do not split
//   across pages and a header row repeated on every page;
// - page numbers ("3 / 7") in the footer; document properties (title, creator, language, created);
// - the document's language on every run, so Word checks the spelling in the right language;
// - line breaks inside a paragraph or list item kept as breaks; bullets as a real Word list
//   (numbering part), so Word's list tools work on them;
// - PNG images (charts) as inline pictures with their alternative text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DocBlock } from "./doc-blocks.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type DocxOptions = {
  /** BCP 47 tag of the text's language (spelling, hyphenation, dc:language); en-GB when missing. */
  lang?: string;
  /** dc:title; the first title block when missing. */
  title?: string;
  /** dcterms:created and modified; the approval or report time, so the same input gives the same file. */
  date?: Date;
};

// A4 with 2.5 cm margins, in twentieths of a point (twips).
const PAGE = { width: 11906, height: 16838, margin: 1418 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Cell padding left + right (Word's default 0.19 cm each). */
const CELL_PADDING = 2 * 108;
/** An 11-pt Calibri character is about 5.5 pt wide on average; bold a little more. */
const CHAR_WIDTH = 115;
/** Beyond this many characters a column wraps anyway: longer cells do not ask for more width. */
const WRAP_CHARS = 48;
const BULLETS = "ennakko-bullets";
const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Drops what XML 1.0 cannot carry: C0 controls other than tab, LF and CR, and lone surrogates. */
export function xmlSafe(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
  );
}

/** Text runs with the line breaks of `text` kept as Word line breaks. */
function runs(text: string, bold = false): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, ...(bold ? { bold } : {}), ...(i > 0 ? { break: 1 } : {}) }));
}

const chars = (text: string) => [...text].length;
const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map(chars));
const longestLine = (text: string) => Math.max(0, ...text.split(/\n/).map(chars));

/**
 * Column widths (twips) that add up to `total`: each column gets at least its longest word (so no
 * word is broken), and what is left goes to the columns whose text is longer, in proportion. Only
 * when even the longest words do not fit side by side are the minimums scaled down.
 */
export function columnWidths(rows: readonly (readonly string[])[], total = TEXT_WIDTH): number[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const need = (measure: (text: string) => number) =>
    Array.from(
      { length: columns },
      (_, c) => Math.max(1, ...rows.map((r) => measure(r[c] ?? ""))) * CHAR_WIDTH + CELL_PADDING,
    );
  const minimum = need(longestWord);
  const wanted = need((text) => Math.min(WRAP_CHARS, longestLine(text))).map((w, c) =>
    Math.max(w, minimum[c]!),
  );
  const minSum = minimum.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (minSum >= total) widths = minimum.map((w) => (w * total) / minSum);
  else {
    const extra = wanted.map((w, c) => w - minimum[c]!);
    const extraSum = extra.reduce((a, b) => a + b, 0);
    const spare = total - minSum;
    // All wishes granted: the rest of the page goes to the columns in proportion to their wish.
    widths =
      extraSum <= spare
        ? wanted.map((w) => w + ((total - extraSum - minSum) * w) / (extraSum + minSum))
        : minimum.map((w, c) => w + (spare * extra[c]!) / extraSum);
  }
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1]! += total - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "999999" } as const;

function table(header: readonly string[], body: readonly (readonly string[])[]): Table {
  const columns = Math.max(header.length, ...body.map((r) => r.length));
  const pad = (row: readonly string[]) => Array.from({ length: columns }, (_, i) => row[i] ?? "");
  const widths = columnWidths([pad(header), ...body.map(pad)]);
  const row = (cells: readonly string[], head: boolean) =>
    new TableRow({
      // A row stays on one page; the header row repeats at the top of every page the table spans.
      cantSplit: true,
      tableHeader: head,
      children: pad(cells).map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            ...(head ? { shading: { fill: "EEEEEE", type: "clear", color: "auto" } } : {}),
            children: [new Paragraph({ spacing: { after: 0 }, children: runs(text, head) })],
          }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [row(header, true), ...body.map((r) => row(r, false))],
  });
}

function image(block: Extract<DocBlock, { kind: "image" }>): Paragraph {
  // Never wider than the text column; the height keeps the picture's proportions (pixels at 96 dpi).
  const maxPixels = Math.floor((TEXT_WIDTH / 1440) * 96);
  const scale = Math.min(1, maxPixels / block.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: "png",
        data: block.png,
        transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
        altText: {
          name: xmlSafe(block.title ?? block.alt),
          title: xmlSafe(block.title ?? ""),
          description: xmlSafe(block.alt),
        },
      }),
    ],
  });
}

function blockContent(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(block.text) })];
    case "heading":
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          keepNext: true,
          children: runs(block.text),
        }),
      ];
    case "paragraph":
      return [new Paragraph({ children: runs(block.text) })];
    case "bullets":
      return block.items.map(
        (item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(item) }),
      );
    case "table":
      // An empty paragraph after a table, or two tables in a row would merge into one.
      return [table(block.header, block.rows), new Paragraph({})];
    case "image":
      return [image(block)];
  }
}

const iso = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const escapeXml = (text: string) =>
  xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * docProps/core.xml written here: the library's own has no dc:language and always stamps the
 * current time, which would make two exports of the same approved minutes differ.
 */
function coreXml(title: string, lang: string, date: Date): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>${escapeXml(title)}</dc:title><dc:creator>Ennakko</dc:creator>\
<cp:lastModifiedBy>Ennakko</cp:lastModifiedBy><dc:language>${lang}</dc:language>\
<dcterms:created xsi:type="dcterms:W3CDTF">${iso(date)}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">${iso(date)}</dcterms:modified></cp:coreProperties>`;
}

/** The .docx bytes for `blocks`. */
export async function docx(blocks: readonly DocBlock[], options: DocxOptions = {}): Promise<Buffer> {
  const lang = LANG_TAG.test(options.lang ?? "") ? options.lang! : "en-GB";
  const title = xmlSafe(
    options.title ??
      blocks.find((b): b is Extract<DocBlock, { kind: "title" }> => b.kind === "title")?.text ??
      "",
  );
  const document = new Document({
    title,
    creator: "Ennakko",
    lastModifiedBy: "Ennakko",
    styles: {
      default: {
        document: {
          run: { font: "Calibri", size: 22, language: { value: lang } },
          paragraph: { spacing: { after: 120, line: 264 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: blocks.flatMap(blockContent),
      },
    ],
  });
  return Packer.toBuffer(document, false, [
    { path: "docProps/core.xml", data: coreXml(title, lang, options.date ?? new Date()) },
  ]);
}
