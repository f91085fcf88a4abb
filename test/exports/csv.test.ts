import { describe, expect, it } from "vitest";
import { compareCycles, summarizeQuestion } from "../../src/domain/pulse/aggregate.ts";
import type { QuestionDefinition } from "../../src/domain/pulse/question-types.ts";
import { starterQuestion } from "../../src/domain/pulse/starter-bank.ts";
import {
  type AnswersCsvResponse,
  answersCsv,
  csvFilename,
  formatCsvCell,
  summaryCsv,
  toCsv,
  UTF8_BOM,
} from "../../src/exports/csv.ts";

/** A strict RFC 4180 reader: every record ends in CRLF, quotes only around whole fields. */
function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
        expect([delimiter, "\r"]).toContain(text[i]);
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      expect(field).toBe(""); // a quote may only open a field
      quoted = true;
      i += 1;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      i += 1;
    } else if (c === "\r") {
      expect(text[i + 1]).toBe("\n");
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else {
      expect(c).not.toBe("\n"); // no bare LF outside quotes
      field += c;
      i += 1;
    }
  }
  expect(quoted).toBe(false);
  expect(field).toBe("");
  expect(row).toEqual([]); // the last record ended in CRLF too
  return rows;
}

/** Rows as objects keyed by the header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

describe("toCsv", () => {
  it("quotes delimiters, quotes and line breaks, doubles quotes, ends every record in CRLF", () => {
    const cells = ['Lapin "kaivos"klusteri', "a,b", "rivi 1\nrivi 2", "rivi\r\n", "Äö å", "", 12.5, -3, true];
    const text = toCsv([["h1", "h2"], cells]);
    expect(text.split("\r\n")[0]).toBe("h1,h2");
    expect(text).toContain(
      '"Lapin ""kaivos""klusteri","a,b","rivi 1\nrivi 2","rivi\r\n",Äö å,,12.5,-3,true\r\n',
    );
    expect(parseCsv(text)[1]).toEqual(cells.map(String));
  });

  it("writes nothing for null, undefined and non-finite numbers, and ISO times for dates", () => {
    expect(
      toCsv([[null, undefined, Number.NaN, Number.POSITIVE_INFINITY, new Date("2027-03-10T08:00:00Z")]]),
    ).toBe(",,,,2027-03-10T08:00:00.000Z\r\n");
  });

  it("starts with a byte order mark only when asked, and takes another delimiter", () => {
    expect(toCsv([["a"]], { bom: true })).toBe(`${UTF8_BOM}a\r\n`);
    expect(Buffer.from(toCsv([["ä"]], { bom: true }), "utf8").subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
    expect(toCsv([["a;b", "1,5", "c"]], { delimiter: ";" })).toBe('"a;b";1,5;c\r\n');
    expect(toCsv([["a"]])).toBe("a\r\n");
  });

  it("guards text that a spreadsheet would run as a formula, but not numbers", () => {
    expect(formatCsvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(formatCsvCell("+358 40 123 4567")).toBe("'+358 40 123 4567");
    expect(formatCsvCell("-2+3")).toBe("'-2+3");
    expect(formatCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(formatCsvCell("\t=1")).toBe("'\t=1");
    expect(formatCsvCell("＝1+1")).toBe("'＝1+1");
    expect(formatCsvCell("a=b")).toBe("a=b");
    expect(formatCsvCell(-3)).toBe("-3");
    expect(formatCsvCell("=1", { guardFormulas: false })).toBe("=1");
  });

  it("makes a safe file name", () => {
    expect(csvFilename("Kevät 2027: Lapin pulssi", "answers")).toBe("kevat-2027-lapin-pulssi-answers.csv");
    expect(csvFilename("😀", "summary")).toBe("pulse-summary.csv");
  });
});

const q = (key: string): QuestionDefinition => starterQuestion(key)!;
const questions = [
  q("cluster-trust"),
  q("training-needs-by-level"),
  q("skills-demand"),
  q("biggest-bottleneck"),
];

const responses: AnswersCsvResponse[] = [
  {
    stakeholderType: "BUSINESS",
    respondent: { name: "Aino Aaltonen", organisation: "Kaivos Oy" },
    submittedAt: new Date("2027-03-01T10:00:00Z"),
    answers: {
      "cluster-trust": 4,
      "training-needs-by-level": ["uas", "continuing"],
      "skills-demand": [
        { skill: "Hitsaus", horizon: 1, level: "GROWING" },
        { skill: "Hitsaus", horizon: 5, level: "STABLE" },
      ],
      "biggest-bottleneck": '=cmd|" /C calc"!A0',
    },
  },
  {
    stakeholderType: "BUSINESS",
    respondent: { name: "Bo Berg", organisation: "Bergs Ab" },
    submittedAt: new Date("2027-03-01T11:00:00Z"),
    answers: { "cluster-trust": 2, "training-needs-by-level": ["none"] },
  },
  {
    stakeholderType: "BUSINESS",
    respondent: { name: "Cecilia", organisation: null },
    answers: { "cluster-trust": 5 },
  },
  {
    stakeholderType: "RESEARCH",
    respondent: { name: "Dirk de Vries", organisation: "Universiteit" },
    answers: { "cluster-trust": 3, "biggest-bottleneck": "Asuntopula,\nliikenne" },
  },
];

describe("answersCsv", () => {
  it("named pulse: who, when, and one row per answered item", () => {
    const rows = records(answersCsv({ anonymous: false, locale: "fi", questions, responses }));
    expect(Object.keys(rows[0]!)).toEqual([
      "response",
      "name",
      "organisation",
      "submitted_at",
      "stakeholder_type",
      "question_key",
      "question_type",
      "question",
      "item",
      "horizon",
      "value",
      "value_label",
    ]);
    const first = rows.filter((r) => r.response === "1");
    expect(first.map((r) => [r.question_key, r.item, r.horizon, r.value, r.value_label])).toEqual([
      ["cluster-trust", "", "", "4", "Jokseenkin samaa mieltä"],
      ["training-needs-by-level", "", "", "uas", "Ammattikorkeakoulu"],
      ["training-needs-by-level", "", "", "continuing", "Jatkuva oppiminen ja täydennyskoulutus"],
      ["skills-demand", "Hitsaus", "1", "GROWING", "Kasvaa"],
      ["skills-demand", "Hitsaus", "5", "STABLE", "Pysyy ennallaan"],
      ["biggest-bottleneck", "", "", `'=cmd|" /C calc"!A0`, ""],
    ]);
    expect(first[0]).toMatchObject({
      name: "Aino Aaltonen",
      organisation: "Kaivos Oy",
      submitted_at: "2027-03-01T10:00:00.000Z",
      stakeholder_type: "BUSINESS",
      question: "Luotan klusterin muihin jäseniin.",
    });
    expect(rows.find((r) => r.response === "4" && r.question_key === "biggest-bottleneck")!.value).toBe(
      "Asuntopula,\nliikenne",
    );
    expect(rows.find((r) => r.response === "4")!.stakeholder_type).toBe("RESEARCH");
  });

  it("anonymous pulse: no identity columns, small groups' types blanked, order independent of submission", () => {
    const more: AnswersCsvResponse[] = [
      { stakeholderType: "PUBLIC", answers: { "cluster-trust": 1 } },
      { stakeholderType: null, answers: { "cluster-trust": 2 } },
    ];
    const all = [...responses, ...more];
    const text = answersCsv({ anonymous: true, locale: "en", questions, responses: all });
    expect(text).not.toMatch(/Aaltonen|Berg|Cecilia|Vries|Kaivos Oy|2027-03-01/);
    const rows = records(text);
    expect(Object.keys(rows[0]!)).toEqual([
      "response",
      "stakeholder_type",
      "question_key",
      "question_type",
      "question",
      "item",
      "horizon",
      "value",
      "value_label",
    ]);
    // BUSINESS has 3 responses and is shown; RESEARCH 1, PUBLIC 1 and one unspecified are blank together.
    expect(new Set(rows.map((r) => r.stakeholder_type))).toEqual(new Set(["BUSINESS", ""]));
    expect(rows.filter((r) => r.stakeholder_type === "" && r.question_key === "cluster-trust")).toHaveLength(
      3,
    );
    expect(new Set(rows.map((r) => r.response))).toEqual(new Set(["1", "2", "3", "4", "5", "6"]));
    const shuffled = answersCsv({
      anonymous: true,
      locale: "en",
      questions,
      responses: [all[4]!, all[2]!, all[3]!, all[0]!, all[5]!, all[1]!],
    });
    expect(shuffled).toBe(text);
  });

  it("anonymous pulse: hides a group whose type could be told by elimination", () => {
    // BUSINESS 3 + RESEARCH 1: showing BUSINESS would leave the RESEARCH response alone in the blanks.
    const alone = records(answersCsv({ anonymous: true, locale: "en", questions, responses }));
    expect(new Set(alone.map((r) => r.stakeholder_type))).toEqual(new Set([""]));
    const four = responses.map((r, i) => ({ ...r, stakeholderType: i < 3 ? ("EDUCATION" as const) : null }));
    const rows = records(answersCsv({ anonymous: true, locale: "en", questions, responses: four }));
    // EDUCATION 3 shown would leave the one unspecified response alone: so EDUCATION is blanked too.
    expect(new Set(rows.map((r) => r.stakeholder_type))).toEqual(new Set([""]));
  });

  it("writes one empty row for a multiple choice answered with nothing ticked", () => {
    const optional = q("hard-to-fill-roles");
    const rows = records(
      answersCsv({
        anonymous: false,
        locale: "sv",
        questions: [optional],
        responses: [{ stakeholderType: null, answers: { "hard-to-fill-roles": [] } }],
      }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ question_key: "hard-to-fill-roles", value: "", item: "" });
  });
});

describe("summaryCsv", () => {
  const trust = q("cluster-trust");
  const answers = [
    ...[5, 4, 4, 2].map((value) => ({ value, stakeholderType: "BUSINESS" as const })),
    ...[3, 1, 4].map((value) => ({ value, stakeholderType: "EDUCATION" as const })),
  ];
  const current = summarizeQuestion(trust, answers, { anonymous: true });
  const previous = summarizeQuestion(
    trust,
    [3, 3, 3].map((value) => ({ value, stakeholderType: null })),
    {
      anonymous: true,
    },
  );

  it("writes one row per figure, hidden groups as hidden, and the change since the previous cycle", () => {
    const text = summaryCsv(
      {
        locale: "en",
        questions: [trust],
        summaries: [current],
        comparisons: new Map([[trust.key, compareCycles(previous, current)]]),
      },
      { bom: true },
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const rows = records(text.slice(1));
    const get = (group: string, statistic: string, item = "") =>
      rows
        .filter((r) => r.group === group && r.statistic === statistic && r.item === item)
        .map((r) => r.value);
    expect(get("ALL", "n")).toEqual(["7"]);
    expect(get("ALL", "mean")).toEqual(["3.286"]); // 23 / 7
    expect(get("ALL", "count", "4")).toEqual(["3"]);
    expect(get("ALL", "share", "4")).toEqual(["0.4286"]);
    expect(rows.find((r) => r.item === "4")!.item_label).toBe("Agree");
    expect(get("BUSINESS", "mean")).toEqual(["3.75"]);
    expect(get("EDUCATION", "mean")).toEqual(["2.667"]);
    expect(get("PUBLIC", "hidden")).toEqual(["FEWER_THAN_3"]);
    expect(get("RESEARCH", "hidden")).toEqual(["FEWER_THAN_3"]);
    expect(get("PUBLIC", "n")).toEqual([]); // hidden means no figures, not zero
    expect(get("ALL", "change_mean")).toEqual(["0.286"]);
    expect(get("ALL", "previous_n")).toEqual(["3"]);
    expect(rows[0]!.question).toBe("I trust the other members of the cluster.");
  });

  it("writes skill cells, rankings and free texts", () => {
    const grid = q("skills-demand");
    const cell = (skill: string, level: string) => ({ skill, horizon: 5, level });
    const gridSummary = summarizeQuestion(
      grid,
      [
        [cell("Hitsaus", "GROWING"), cell("Automaatio", "STRONGLY_GROWING")],
        [cell("Hitsaus", "STABLE"), cell("Automaatio", "GROWING")],
        [cell("Hitsaus", "DECREASING"), cell("Automaatio", "GROWING")],
      ].map((value) => ({ value, stakeholderType: "BUSINESS" as const })),
      { anonymous: false, skills: ["Hitsaus", "Automaatio"] },
    );
    const bottleneck = q("biggest-bottleneck");
    const texts = summarizeQuestion(
      bottleneck,
      ["=1+1", "Junayhteydet"].map((value) => ({ value, stakeholderType: null })),
      { anonymous: false },
    );
    const rows = records(
      summaryCsv({ locale: "nl", questions: [grid, bottleneck], summaries: [gridSummary, texts] }),
    );
    const all = rows.filter((r) => r.group === "ALL");
    expect(all.filter((r) => r.statistic === "rank").map((r) => [r.item, r.horizon, r.value])).toEqual([
      ["Automaatio", "5", "1"],
      ["Hitsaus", "5", "2"],
    ]);
    const hitsaus = (statistic: string) =>
      all.find((r) => r.item === "Hitsaus" && r.horizon === "5" && r.statistic === statistic)!.value;
    expect([hitsaus("n"), hitsaus("count_growing"), hitsaus("score"), hitsaus("growing_share")]).toEqual([
      "3",
      "1",
      "0",
      "0.3333",
    ]);
    expect(all.find((r) => r.item === "Hitsaus" && r.horizon === "5")!.item_label).toBe("over 5 jaar");
    // Unrated one-year cells are shown as n = 0 in a named pulse; the grid's breakdowns hide them.
    expect(all.find((r) => r.item === "Hitsaus" && r.horizon === "1" && r.statistic === "n")!.value).toBe(
      "0",
    );
    const business = rows.filter((r) => r.group === "BUSINESS" && r.question_key === "skills-demand");
    expect(business.find((r) => r.horizon === "1")!.statistic).toBe("hidden");
    expect(rows.filter((r) => r.statistic === "text").map((r) => r.value)).toEqual(["'=1+1", "Junayhteydet"]);
  });
});
