// The minutes files: the DOCX is a valid ZIP (read back with our own reader and with fflate) whose
// document part is well-formed XML carrying the decisions, the measures and the attendance; the
// Markdown and the measures CSV parse; every label exists in all four languages.
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/domain/locale.ts";
import { type MinutesContent, MinutesContentSchema } from "../../src/domain/minutes-content.ts";
import { docx, escapeXml } from "../../src/exports/docx.ts";
import { minutesDocument, minutesFilename } from "../../src/exports/minutes-document.ts";
import { measuresCsv, minutesFiles } from "../../src/exports/minutes-files.ts";
import { MINUTES_LABELS } from "../../src/exports/minutes-labels.ts";
import { minutesMarkdown } from "../../src/exports/minutes-markdown.ts";
import { zip } from "../../src/exports/zip.ts";
import { parseCsv } from "../support/parse-csv.ts";
import { docxText, unzip } from "../support/unzip.ts";

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
  ],
  decisions: [
    { text: "Start a welding course in Kemi; budget 40 000 €", item: "Welding skills" },
    { text: '=HYPERLINK("x") is not a formula here', item: null },
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

describe("zip", () => {
  it("writes stored and deflated entries that two readers open, with UTF-8 names", () => {
    const big = "Kemi ".repeat(1000);
    const archive = zip([
      { name: "a.txt", data: "hi" },
      { name: "kansio/pöytäkirja.txt", data: big },
    ]);
    const ours = unzip(archive);
    expect(ours.get("a.txt")!.toString()).toBe("hi");
    expect(ours.get("kansio/pöytäkirja.txt")!.toString()).toBe(big);
    const theirs = unzipSync(archive);
    expect(Object.keys(theirs).sort()).toEqual(["a.txt", "kansio/pöytäkirja.txt"]);
    expect(Buffer.from(theirs["kansio/pöytäkirja.txt"]!).toString()).toBe(big);
    // Deflate only where it helps: the tiny entry is stored.
    expect(archive.length).toBeLessThan(big.length);
    expect(zip([{ name: "a", data: "x" }])).toEqual(zip([{ name: "a", data: "x" }]));
  });
});

describe("docx", () => {
  it("opens as a WordprocessingML package whose text has the decisions, measures and attendance", () => {
    const bytes = docx(minutesDocument(content, "fi", { version: 2, status: "DRAFT" }));
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const parts = unzip(bytes);
    expect([...parts.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "word/_rels/document.xml.rels",
      "word/document.xml",
      "word/styles.xml",
    ]);
    expect(Object.keys(unzipSync(bytes))).toHaveLength(5);
    for (const xml of parts.values()) expectWellFormed(xml.toString("utf8"));
    const styles = parts.get("word/styles.xml")!.toString();
    for (const id of ["Title", "Heading1", "Heading2"]) expect(styles).toContain(`w:styleId="${id}"`);
    expect(parts.get("[Content_Types].xml")!.toString()).toContain("wordprocessingml.document.main+xml");
    const xml = parts.get("word/document.xml")!.toString("utf8");
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("<w:t>•</w:t><w:tab/>");
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

  it("escapes markup and drops characters XML cannot carry", () => {
    expect(escapeXml(`a<b>&"c'\u0001\uD800`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
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
    const csv = measuresCsv(content, "en", { bom: true, delimiter: ";" });
    const rows = parseCsv(csv, ";");
    expect(rows[0]).toEqual(["Measure", "Owner", "Due", "Status", "Progress", "Minutes"]);
    expect(rows.slice(1)).toEqual([
      ["Draft the course plan", "Emma", "2027-05-31", "planned", "0", "New measures"],
      ["Survey employers", "former member", "2027-03-01", "started", "40", "Follow-up of earlier measures"],
    ]);
  });

  it("names the three files in the cluster's language", () => {
    const files = minutesFiles(content, "sv", { version: 3, status: "DRAFT" });
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
