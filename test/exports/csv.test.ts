import { describe, expect, it } from "vitest";
import { csvFilename, csvOptionsFor, toCsv, UTF8_BOM } from "../../src/exports/csv.ts";
import { CSV_LABELS } from "../../src/exports/csv-labels.ts";
import { type AnswersCsvResponse, answersCsv, summaryCsv } from "../../src/features/pulses/app/pulse-csv.ts";
import { compareCycles, summarizeQuestion } from "../../src/features/pulses/domain/aggregate.ts";
import type { QuestionDefinition } from "../../src/features/pulses/domain/question-types.ts";
import { starterQuestion } from "../../src/features/pulses/domain/starter-bank.ts";
import type { Locale } from "../../src/kernel/domain/locale.ts";

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

/**
 * Rows as objects keyed by the header, read with the file's own delimiter; the header's labels (in
 * the reader's language) are mapped back to their label keys, so every one must be a known label.
 */
function records(text: string, locale: Locale): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""), csvOptionsFor(locale).delimiter);
  const keyOf = new Map(Object.entries(CSV_LABELS[locale]).map(([key, label]) => [label, key]));
  const keys = header!.map((label) => {
    expect(keyOf.has(label)).toBe(true);
    return keyOf.get(label)!;
  });
  for (const row of rows) expect(row).toHaveLength(keys.length);
  return rows.map((row) => Object.fromEntries(keys.map((h, i) => [h, row[i]!])));
}

/** Every cell a ";" file's spreadsheet would misread: a number with a decimal point (1.5 → 1 May). */
const pointNumbers = (text: string) =>
  parseCsv(text.replace(/^\uFEFF/, ""), ";")
    .flat()
    .filter((cell) => /^-?\d+\.\d+$/.test(cell));

describe("toCsv", () => {
  it("quotes delimiters, quotes and line breaks, doubles quotes, ends every record in CRLF", () => {
    const cells = ['Lapin "kaivos"klusteri', "a,b", "rivi 1\nrivi 2", "rivi\r\n", "Äö å", "", 12.5, -3, true];
    const text = toCsv([["h1", "h2"], cells], { ...csvOptionsFor("en"), bom: false });
    expect(text.split("\r\n")[0]).toBe("h1,h2");
    expect(text).toContain(
      '"Lapin ""kaivos""klusteri","a,b","rivi 1\nrivi 2","rivi\r\n",Äö å,,12.5,-3,true\r\n',
    );
    expect(parseCsv(text)[1]).toEqual(cells.map(String));
  });

  it("writes nothing for null, undefined and non-finite numbers, and local date-times of the zone", () => {
    const cells = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, new Date("2027-03-10T08:00:00Z")];
    expect(toCsv([cells], { ...csvOptionsFor("en", "Europe/Helsinki"), bom: false })).toBe(
      ",,,,2027-03-10 10:00:00\r\n",
    );
    // Summer time, another zone: the wall clock there, in the form spreadsheets read as a date-time.
    expect(toCsv([[new Date("2027-07-01T08:00:00Z")]], csvOptionsFor("nl", "America/New_York"))).toBe(
      `${UTF8_BOM}2027-07-01 04:00:00\r\n`,
    );
  });

  it("one format per language: fi, sv, nl get ';' and a decimal comma, en ',' and a point", () => {
    for (const locale of ["fi", "sv", "nl"] as const)
      expect(csvOptionsFor(locale)).toMatchObject({
        delimiter: ";",
        decimalMark: ",",
        bom: true,
        recordDelimiter: "\r\n",
      });
    expect(csvOptionsFor("en")).toMatchObject({ delimiter: ",", decimalMark: ".", bom: true });
    const row = [["a;b", 0.452, 3.5, -1.25, 1e-7, 12, "1,5"]];
    expect(toCsv(row, csvOptionsFor("fi"))).toBe(`${UTF8_BOM}"a;b";0,452;3,5;-1,25;0,0000001;12;1,5\r\n`);
    expect(toCsv(row, csvOptionsFor("en"))).toBe(`${UTF8_BOM}a;b,0.452,3.5,-1.25,0.0000001,12,"1,5"\r\n`);
    expect(Buffer.from(toCsv([["ä"]], csvOptionsFor("sv")), "utf8").subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });

  it("guards text that a spreadsheet would run as a formula, but not numbers", () => {
    const line = (cell: string | number) =>
      toCsv([[cell]], { ...csvOptionsFor("en"), bom: false }).slice(0, -2);
    expect(line('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(line("+358 40 123 4567")).toBe("'+358 40 123 4567");
    expect(line("-2+3")).toBe("'-2+3");
    expect(line("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(line("\t=1")).toBe("'\t=1");
    expect(line("＝1+1")).toBe("'＝1+1");
    expect(line("a=b")).toBe("a=b");
    expect(line(-3)).toBe("-3");
    expect(toCsv([["=1"]], { ...csvOptionsFor("en"), guardFormulas: false })).toBe("\uFEFF=1\r\n");
  });

  it("has every header label and word in all four languages", () => {
    const keys = Object.keys(CSV_LABELS.en).sort();
    for (const locale of ["fi", "sv", "nl", "en"] as const) {
      expect(Object.keys(CSV_LABELS[locale]).sort()).toEqual(keys);
      for (const label of Object.values(CSV_LABELS[locale])) expect(label.trim()).not.toBe("");
    }
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
    const text = answersCsv(
      { anonymous: false, locale: "fi", questions, responses },
      csvOptionsFor("fi", "Europe/Helsinki"),
    );
    // The header in the reader's language (Finnish), the file in Finnish spreadsheet format.
    expect(text.split("\r\n")[0]).toBe(
      `${UTF8_BOM}Vastaus;Nimi;Organisaatio;Lähetetty;Sidosryhmä;Kysymyksen tunnus;Kysymystyyppi;Kysymys;Kohde;Aikajänne;Arvo;Arvon selite`,
    );
    const rows = records(text, "fi");
    expect(Object.keys(rows[0]!)).toEqual([
      "response",
      "name",
      "organisation",
      "submittedAt",
      "stakeholderType",
      "questionKey",
      "questionType",
      "question",
      "item",
      "horizon",
      "value",
      "valueLabel",
    ]);
    const first = rows.filter((r) => r.response === "1");
    expect(first.map((r) => [r.questionKey, r.item, r.horizon, r.value, r.valueLabel])).toEqual([
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
      submittedAt: "2027-03-01 12:00:00", // Helsinki time, a date-time to a spreadsheet
      stakeholderType: "BUSINESS",
      question: "Luotan klusterin muihin jäseniin.",
    });
    expect(rows.find((r) => r.response === "4" && r.questionKey === "biggest-bottleneck")!.value).toBe(
      "Asuntopula,\nliikenne",
    );
    expect(rows.find((r) => r.response === "4")!.stakeholderType).toBe("RESEARCH");
  });

  it("anonymous pulse: no identity columns, small groups' types blanked, order independent of submission", () => {
    const more: AnswersCsvResponse[] = [
      { stakeholderType: "PUBLIC", answers: { "cluster-trust": 1 } },
      { stakeholderType: null, answers: { "cluster-trust": 2 } },
    ];
    const all = [...responses, ...more];
    const text = answersCsv({ anonymous: true, locale: "en", questions, responses: all });
    expect(text).not.toMatch(/Aaltonen|Berg|Cecilia|Vries|Kaivos Oy|2027-03-01/);
    const rows = records(text, "en");
    expect(Object.keys(rows[0]!)).toEqual([
      "response",
      "stakeholderType",
      "questionKey",
      "questionType",
      "question",
      "item",
      "horizon",
      "value",
      "valueLabel",
    ]);
    // BUSINESS has 3 responses and is shown; RESEARCH 1, PUBLIC 1 and one unspecified are blank together.
    expect(new Set(rows.map((r) => r.stakeholderType))).toEqual(new Set(["BUSINESS", ""]));
    expect(rows.filter((r) => r.stakeholderType === "" && r.questionKey === "cluster-trust")).toHaveLength(3);
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
    const alone = records(answersCsv({ anonymous: true, locale: "en", questions, responses }), "en");
    expect(new Set(alone.map((r) => r.stakeholderType))).toEqual(new Set([""]));
    const four = responses.map((r, i) => ({ ...r, stakeholderType: i < 3 ? ("EDUCATION" as const) : null }));
    const rows = records(answersCsv({ anonymous: true, locale: "en", questions, responses: four }), "en");
    // EDUCATION 3 shown would leave the one unspecified response alone: so EDUCATION is blanked too.
    expect(new Set(rows.map((r) => r.stakeholderType))).toEqual(new Set([""]));
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
      "sv",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ questionKey: "hard-to-fill-roles", value: "", item: "" });
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
      csvOptionsFor("en"),
    );
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const rows = records(text, "en");
    const get = (group: string, statistic: string, item = "") =>
      rows
        .filter((r) => r.group === group && r.statistic === statistic && r.item === item)
        .map((r) => r.value);
    expect(get("ALL", "n")).toEqual(["7"]);
    expect(get("ALL", "mean")).toEqual(["3.286"]); // 23 / 7
    expect(get("ALL", "count", "4")).toEqual(["3"]);
    expect(get("ALL", "share", "4")).toEqual(["0.4286"]);
    expect(rows.find((r) => r.item === "4")!.itemLabel).toBe("Agree");
    expect(get("BUSINESS", "mean")).toEqual(["3.75"]);
    expect(get("EDUCATION", "mean")).toEqual(["2.667"]);
    expect(get("PUBLIC", "hidden")).toEqual(["FEWER_THAN_3"]);
    expect(get("RESEARCH", "hidden")).toEqual(["FEWER_THAN_3"]);
    expect(get("PUBLIC", "n")).toEqual([]); // hidden means no figures, not zero
    expect(get("ALL", "change_mean")).toEqual(["0.286"]);
    expect(get("ALL", "previous_n")).toEqual(["3"]);
    expect(rows[0]!.question).toBe("I trust the other members of the cluster.");
  });

  it("writes the figures of a Finnish, Swedish or Dutch file with a decimal comma, never a point", () => {
    for (const locale of ["fi", "sv", "nl"] as const) {
      const text = summaryCsv({
        locale,
        questions: [trust],
        summaries: [current],
        comparisons: new Map([[trust.key, compareCycles(previous, current)]]),
      });
      expect(pointNumbers(text)).toEqual([]);
      const rows = records(text, locale);
      const get = (statistic: string, item = "") =>
        rows.find((r) => r.group === "ALL" && r.statistic === statistic && r.item === item)!.value;
      expect([get("mean"), get("share", "4"), get("change_mean")]).toEqual(["3,286", "0,4286", "0,286"]);
    }
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
      "nl",
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
      "0,3333", // a Dutch spreadsheet's decimal comma
    ]);
    expect(all.find((r) => r.item === "Hitsaus" && r.horizon === "5")!.itemLabel).toBe("over 5 jaar");
    // Unrated one-year cells are shown as n = 0 in a named pulse; the grid's breakdowns hide them.
    expect(all.find((r) => r.item === "Hitsaus" && r.horizon === "1" && r.statistic === "n")!.value).toBe(
      "0",
    );
    const business = rows.filter((r) => r.group === "BUSINESS" && r.questionKey === "skills-demand");
    expect(business.find((r) => r.horizon === "1")!.statistic).toBe("hidden");
    expect(rows.filter((r) => r.statistic === "text").map((r) => r.value)).toEqual(["'=1+1", "Junayhteydet"]);
  });
});
