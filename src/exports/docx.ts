// A minimal WordprocessingML package (ECMA-376, the .docx Word opens): content types, the package
// relationship, the document, and styles with Title, Heading1 and Heading2. Headings, paragraphs,
// bullet-like lists (a bullet character and a hanging indent, so no numbering part is needed) and
// simple bordered tables with a header row. Every text is XML-escaped and stripped of characters
// XML 1.0 cannot carry.
import type { DocBlock } from "./minutes-document.ts";
import { zip } from "./zip.ts";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Escapes for element text and attribute values; drops C0 controls other than tab, LF and CR. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
</Types>`;

const PACKAGE_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
</Relationships>`;

const DOCUMENT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>`;

const style = (id: string, name: string, size: number, extra = "") =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>\
<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/>${extra}</w:pPr>\
<w:rPr><w:b/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:style>`;

const STYLES = `${XML_HEAD}<w:styles xmlns:w="${W_NS}">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>\
<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{LANG}"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
${style("Title", "Title", 40, '<w:outlineLvl w:val="0"/>')}\
${style("Heading1", "heading 1", 30, '<w:outlineLvl w:val="0"/>')}\
${style("Heading2", "heading 2", 26, '<w:outlineLvl w:val="1"/>')}\
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>\
<w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style>\
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
</w:tblCellMar></w:tblPr></w:style>\
</w:styles>`;

const run = (text: string, bold = false) =>
  `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const paragraph = (text: string, styleId?: string, bold = false) =>
  `<w:p>${styleId ? `<w:pPr><w:pStyle w:val="${styleId}"/></w:pPr>` : ""}${run(text, bold)}</w:p>`;

/** A list item: a bullet, a tab to the hanging indent, the text. */
const bullet = (text: string) =>
  `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/></w:pPr><w:r><w:t>•</w:t><w:tab/></w:r>${run(text)}</w:p>`;

const BORDER =
  '<w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/>\
<w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/>\
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/>\
<w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/>\
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/>\
<w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/>';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const columns = Math.max(1, header.length, ...rows.map((r) => r.length));
  const width = Math.floor(9000 / columns);
  const cell = (text: string, bold: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(text, undefined, bold)}</w:tc>`;
  const row = (cells: readonly string[], head: boolean) =>
    `<w:tr>${head ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${Array.from({ length: columns }, (_, i) =>
      cell(cells[i] ?? "", head),
    ).join("")}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${width * columns}" w:type="dxa"/><w:tblBorders>${BORDER}</w:tblBorders>\
<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>\
<w:tblGrid>${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>\
${row(header, true)}${rows.map((r) => row(r, false)).join("")}</w:tbl><w:p/>`;
}

function blockXml(block: DocBlock): string {
  switch (block.kind) {
    case "title":
      return paragraph(block.text, "Title");
    case "heading":
      return paragraph(block.text, block.level === 1 ? "Heading1" : "Heading2");
    case "paragraph":
      return paragraph(block.text);
    case "bullets":
      return block.items.map(bullet).join("");
    case "table":
      return table(block.header, block.rows);
  }
}

const body = (blocks: readonly DocBlock[]): string => blocks.map(blockXml).join("");

/** word/document.xml for `blocks` (A4, 2.5 cm margins). */
export function documentXml(blocks: readonly DocBlock[]): string {
  return `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body(blocks)}\
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" \
w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The .docx bytes for `blocks`; `lang` (a BCP 47 tag) tells Word which spelling checker to use. */
export function docx(blocks: readonly DocBlock[], options: { date?: Date; lang?: string } = {}): Buffer {
  const lang = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(options.lang ?? "") ? options.lang! : "en-GB";
  return zip(
    [
      { name: "[Content_Types].xml", data: CONTENT_TYPES },
      { name: "_rels/.rels", data: PACKAGE_RELS },
      { name: "word/document.xml", data: documentXml(blocks) },
      { name: "word/_rels/document.xml.rels", data: DOCUMENT_RELS },
      { name: "word/styles.xml", data: STYLES.replace("{LANG}", lang) },
    ],
    options.date ? { date: options.date } : {},
  );
}
