// The minutes files: the DOCX is a valid ZIP (read back with our own reader and with fflate) whose
// document part is well-formed XML carrying the decisions, the measures and the attendance; the
// Markdown and the measures CSV parse; every label exists in all four languages.
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnWidths, docx, TEXT_WIDTH, xmlSafe } from "../../../src/exports/docx.ts";
import {
  type DocBlock,
  minutesDocument,
  minutesFilename,
} from "../../../src/features/minutes/app/minutes-document.ts";
import { measuresCsv, minutesFiles } from "../../../src/features/minutes/app/minutes-files.ts";
import { MINUTES_LABELS } from "../../../src/features/minutes/app/minutes-labels.ts";
import { minutesMarkdown } from "../../../src/features/minutes/app/minutes-markdown.ts";
import {
  type MinutesContent,
  MinutesContentSchema,
} from "../../../src/features/minutes/domain/minutes-content.ts";
import { LOCALES } from "../../../src/kernel/domain/locale.ts";
import { parseCsv } from "../../support/parse-csv.ts";
import { docxText, unzip } from "../../support/unzip.ts";

const content: MinutesContent = MinutesContentSchema.parse({
  meeting: {
    id: "2f1c7a58-8f0e-4a53-9d2b-6a1f0c9e4b11",
    title: 'Spring 2027 <& "Energy">',
    startsAt: "2027-03-26T08:00:00.000Z",
    durationMinutes: 120,
    location: "Rovaniemi",
  },
  cluster: { name: "Energy", locale: "fi", timeZone: "Europe/Helsinki" },
  attendance: { present: ["Aino", "Emma"], absent: ["Olli"], unrecorded: [] },
  items: [
    { title: "Hydrogen valley", kind: "TOPIC", outcome: "DISCUSSED" },
    { title: "Welding skills", kind: "TOPIC", outcome: "DEFERRED" },
    { title: "Työvoimakoulutustarveselvitys ja sen jatkotoimenpiteet", kind: "TOPIC", outcome: "PROPOSED" },
  ],
  decisions: [
    { text: "Start a welding course in Kemi; budget 40 000 €", item: "Welding skills" },
    { text: '=HYPERLINK("x") is not a formula here', item: null },
    { text: "Apply for funding:\nfirst the EU, then the region", item: null },
  ],
  newMeasures: [
    { title: "Draft the course plan", owner: "Emma", due: "2027-05-31", status: "PLANNED", progress: 0 },
  ],
  followUp: [{ title: "Survey employers", owner: null, due: "2027-03-01", status: "STARTED", progress: 40 }],
  pulse: {
    title: "Spring skills pulse",
    closesAt: "2027-03-20T14:00:00.000Z",
    invited: 10,
    completed: 7,
    rate: 0.7,
    questions: [
      { text: "Cooperation with education", n: 7, mean: 3.57, top: null, hidden: false },
      { text: "Skills demand", n: 2, mean: null, top: null, hidden: true },
    ],
  },
  summary: "The chair opened the meeting.\n\nTwo new members were welcomed.",
  discussion: "Hydrogen: the valley needs 200 electricians by 2030.",
  nextSteps: "Next meeting in the autumn.",
  generatedAt: "2027-03-26T12:00:00.000Z",
});

/** Elements open and close in order (a well-formedness check that needs no XML library). */
function expectWellFormed(xml: string) {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
}

/** A 1 × 1 PNG, enough to prove a picture block becomes an inline picture. */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const attr = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1]!);
/** The <w:tr> elements of the n-th table of the document. */
const tableXml = (xml: string, n: number) => xml.split("<w:tbl>")[n + 1]!.split("</w:tbl>")[0]!;

describe("docx", () => {
  const approvedAt = new Date("2027-03-27T09:00:00Z");
  const minutesDocx = () =>
    docx(minutesDocument(content, "fi", { version: 2, status: "DRAFT" }), {
      lang: "fi-FI",
      date: approvedAt,
    });

  it("opens as a WordprocessingML package whose text has the decisions, measures and attendance", async () => {
    const bytes = await minutesDocx();
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const parts = unzip(bytes);
    for (const name of [
      "[Content_Types].xml",
      "_rels/.rels",
      "word/_rels/document.xml.rels",
      "word/document.xml",
      "word/styles.xml",
      "word/numbering.xml",
      "docProps/core.xml",
    ])
      expect(parts.has(name)).toBe(true);
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual([...parts.keys()].sort());
    for (const [name, xml] of parts) if (name.endsWith(".xml")) expectWellFormed(xml.toString("utf8"));
    expect(parts.get("[Content_Types].xml")!.toString()).toContain("wordprocessingml.document.main+xml");
    const xml = parts.get("word/document.xml")!.toString("utf8");
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:tbl>");
    const text = docxText(xml);
    expect(text).toContain('Pöytäkirja: Spring 2027 <& "Energy"> (LUONNOS)');
    expect(text).toContain("Läsnä: Aino, Emma");
    expect(text).toContain("Poissa: Olli");
    expect(text).toContain("Welding skills: Start a welding course in Kemi; budget 40 000 €");
    expect(text).toContain("Draft the course plan");
    expect(text).toContain("entinen jäsen");
    expect(text).toContain("Survey employers");
    expect(text).toContain("40 %");
    expect(text).toContain("Vastausaste: 7/10 (70 %)");
    expect(text).toContain("liian vähän vastauksia näytettäväksi");
    expect(text).toContain("Two new members were welcomed.");
    expect(text).toContain("Jatkotoimet");
  });

  it("sizes columns to their content: '#' narrow, the item wide, no word narrower than itself", async () => {
    const xml = unzip(await minutesDocx())
      .get("word/document.xml")!
      .toString("utf8");
    // The second table is the agenda: #, item, outcome.
    const agenda = tableXml(xml, 1);
    expect(docxText(agenda)).toContain("Työvoimakoulutustarveselvitys");
    const grid = attr(agenda.split("</w:tblGrid>")[0]!, "w:w").map(Number).slice(1); // [0] is tblW
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    const [hash, item, outcome] = grid as [number, number, number];
    expect(hash).toBeLessThan(800);
    expect(item).toBeGreaterThan(2 * outcome);
    // The longest word (29 letters) fits on one line of its column: ~5.75 pt a letter + padding.
    expect(item).toBeGreaterThanOrEqual(29 * 115 + 216);
    expect(agenda).toContain('<w:tblLayout w:type="fixed"/>');
    // The old package gave every column the same width.
    expect(new Set(grid).size).toBe(3);
    // Even when wishes exceed the page, each column keeps its longest word.
    const crowded = columnWidths([["#", "Kuvaus ".repeat(40), "Ammattikorkeakoulutus", "x"]]);
    expect(crowded[2]).toBeGreaterThanOrEqual(21 * 115 + 216);
    expect(crowded.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  it("keeps every row on one page and repeats the header row on each page", async () => {
    const xml = unzip(await minutesDocx())
      .get("word/document.xml")!
      .toString("utf8");
    const tables = xml.split("<w:tbl>").slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) {
      const rows = t.split("<w:tr>").slice(1);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row.split("</w:trPr>")[0]).toContain("<w:cantSplit/>");
      expect(rows[0]!.split("</w:trPr>")[0]).toContain("<w:tblHeader/>");
      for (const row of rows.slice(1)) expect(row.split("</w:trPr>")[0]).not.toContain("<w:tblHeader/>");
    }
  });

  it("numbers the pages in the footer", async () => {
    const parts = unzip(await minutesDocx());
    const footers = [...parts.keys()].filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers).toHaveLength(1);
    const footer = parts.get(footers[0]!)!.toString("utf8");
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(parts.get("word/document.xml")!.toString()).toContain("<w:footerReference");
  });

  it("has document properties: title, creator, language and the creation time", async () => {
    const core = unzip(await minutesDocx())
      .get("docProps/core.xml")!
      .toString("utf8");
    expect(core).toContain(
      "<dc:title>Pöytäkirja: Spring 2027 &lt;&amp; &quot;Energy&quot;&gt; (LUONNOS)</dc:title>",
    );
    expect(core).toContain("<dc:creator>Ennakko</dc:creator>");
    expect(core).toContain("<dc:language>fi-FI</dc:language>");
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2027-03-27T09:00:00Z</dcterms:created>',
    );
    // The same input gives the same document.
    expect(
      unzip(await minutesDocx())
        .get("docProps/core.xml")!
        .toString("utf8"),
    ).toBe(core);
  });

  it("marks the text with the document's language, for Word's spelling checker", async () => {
    const styles = unzip(await minutesDocx())
      .get("word/styles.xml")!
      .toString("utf8");
    expect(styles).toMatch(/<w:rPrDefault>.*<w:lang w:val="fi-FI"\/>.*<\/w:rPrDefault>/s);
    const english = unzip(await docx([{ kind: "paragraph", text: "x" }], { lang: "not a tag" }));
    expect(english.get("word/styles.xml")!.toString()).toContain('<w:lang w:val="en-GB"/>');
  });

  it("writes bullets as a real Word list and keeps line breaks inside a decision", async () => {
    const parts = unzip(await minutesDocx());
    const numbering = parts.get("word/numbering.xml")!.toString("utf8");
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    const xml = parts.get("word/document.xml")!.toString("utf8");
    const paragraphs = xml.split("</w:p>");
    const decision = paragraphs.find((p) => p.includes("Apply for funding:"))!;
    expect(decision).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(decision).toMatch(
      /Apply for funding:<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>first the EU, then the region/,
    );
    expect(xml).not.toContain("<w:t>•</w:t>"); // no hand-drawn bullet characters any more
  });

  it("puts a PNG picture block inline, with its text alternative", async () => {
    const blocks: DocBlock[] = [
      { kind: "title", text: "Chart" },
      { kind: "image", png: TINY_PNG, width: 1200, height: 600, alt: "Welding ▲ 3 of 4", title: "Skills" },
    ];
    const parts = unzip(await docx(blocks));
    const media = [...parts.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(1);
    expect(parts.get(media[0]!)!.equals(TINY_PNG)).toBe(true);
    const xml = parts.get("word/document.xml")!.toString("utf8");
    expect(xml).toContain('descr="Welding ▲ 3 of 4"');
    expect(xml).toContain("<a:blip r:embed=");
    // Scaled to the text column (15.75 cm at 96 dpi ≈ 604 px), proportions kept: EMU 9525 a pixel.
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!.slice(1).map(Number) as [
      number,
      number,
    ];
    expect(cx / 9525).toBeLessThanOrEqual(605);
    expect(cx / cy).toBeCloseTo(2, 2);
    expect(parts.get("[Content_Types].xml")!.toString()).toContain('Extension="png"');
  });

  it("drops characters XML cannot carry", () => {
    expect(xmlSafe(`a<b>&"c'\u0001\uD800`)).toBe(`a<b>&"c'`);
  });
});

describe("markdown and csv", () => {
  it("renders Markdown with headings, lists and tables, escaping what would be markup", () => {
    const md = minutesMarkdown(content, "en", {
      version: 1,
      status: "APPROVED",
      approvedBy: "Emma",
      approvedAt: new Date("2027-03-27T09:00:00Z"),
    });
    expect(md.split("\n")[0]).toBe('# Minutes: Spring 2027 \\<& "Energy"\\>');
    expect(md).toContain('- =HYPERLINK("x") is not a formula here');
    expect(md).toContain("Two new members were welcomed.");
    expect(md).toContain("Approved by Emma on 27 March 2027");
    expect(md).toContain("## Decisions");
    expect(md).toContain("- Welding skills: Start a welding course in Kemi; budget 40 000 €");
    const table = md.split("\n").filter((l) => l.startsWith("| "));
    expect(table.some((l) => l.startsWith("| Measure | Owner | Due | Status |"))).toBe(true);
    // Every table row has as many cells as its header.
    expect(md).toContain("| 2 | Welding skills | deferred |");
    expect(md).not.toContain("(DRAFT)");
  });

  it("writes the measures as CSV that parses", () => {
    const csv = measuresCsv(content, "en");
    const rows = parseCsv(csv, ",");
    expect(rows[0]).toEqual(["Measure", "Owner", "Due", "Status", "Progress", "Minutes"]);
    expect(rows.slice(1)).toEqual([
      ["Draft the course plan", "Emma", "2027-05-31", "planned", "0", "New measures"],
      ["Survey employers", "former member", "2027-03-01", "started", "40", "Follow-up of earlier measures"],
    ]);
  });

  it("writes a Finnish register in a Finnish spreadsheet's format: ';' and a decimal comma", () => {
    const rows = parseCsv(measuresCsv(content, "fi"), ";");
    expect(rows[0]).toEqual([
      "Toimenpide",
      "Vastuuhenkilö",
      "Määräaika",
      "Tila",
      "Edistyminen",
      "Pöytäkirja",
    ]);
    expect(rows[1]!.slice(2, 5)).toEqual(["2027-05-31", "suunniteltu", "0"]);
  });

  it("names the three files in the cluster's language", async () => {
    const files = await minutesFiles(content, "sv", { version: 3, status: "DRAFT" });
    expect(files.map((f) => f.filename)).toEqual([
      "protokoll-spring-2027-energy-v3.docx",
      "protokoll-spring-2027-energy-v3.md",
      "atgarder-spring-2027-energy-v3.csv",
    ]);
    expect(minutesFilename("Ääni & Öljy", 1, "md")).toBe("minutes-aani-oljy-v1.md");
    // Word checks the spelling in the cluster's language.
    expect(unzip(files[0]!.bytes).get("word/styles.xml")!.toString()).toContain('<w:lang w:val="sv-FI"/>');
  });

  it("has every label in all four languages", () => {
    const keys = Object.keys(MINUTES_LABELS.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(MINUTES_LABELS[locale]).sort()).toEqual(keys);
      for (const key of keys)
        expect(MINUTES_LABELS[locale][key as keyof typeof MINUTES_LABELS.en].trim()).not.toBe("");
    }
  });
});
