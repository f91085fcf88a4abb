import { describe, expect, it } from "vitest";
import {
  type AnswerContext,
  answerIssues,
  answerSchemaFor,
  checkAnswer,
  configSchemaFor,
  type QuestionDefinition,
  type QuestionDefinitionInput,
  QuestionDefinitionSchema,
  type QuestionOf,
  unansweredRequired,
} from "../../../src/features/pulses/domain/question-types.ts";

const text = (en: string) => ({ fi: `${en} (fi)`, sv: `${en} (sv)`, en, nl: `${en} (nl)` });
const label = text;
const q = <T extends QuestionDefinitionInput>(input: T) =>
  QuestionDefinitionSchema.parse(input) as QuestionOf<T["type"]>;

const likert = q({
  key: "cluster-trust",
  type: "LIKERT",
  text: text("I trust the others"),
  config: { labels: [label("1"), label("2"), label("3"), label("4"), label("5")] },
});
const single = q({
  key: "obstacle",
  type: "SINGLE_CHOICE",
  text: text("Main obstacle?"),
  config: {
    options: [
      { id: "few-applicants", label: label("Too few applicants") },
      { id: "pay", label: label("Pay") },
    ],
  },
});
const levels = q({
  key: "training-levels",
  type: "MULTIPLE_CHOICE",
  text: text("Which levels?"),
  config: {
    options: [
      { id: "vocational", label: label("Vocational") },
      { id: "uas", label: label("UAS") },
      { id: "university", label: label("University") },
      { id: "none", label: label("None"), exclusive: true },
    ],
  },
});
const hiring = q({
  key: "hiring-next-12m",
  type: "NUMBER",
  text: text("How many people?"),
  config: { min: 0, max: 10000, unit: label("people") },
});
const share = q({
  key: "share-of-exports",
  type: "NUMBER",
  text: text("Share of exports?"),
  config: { min: 0, max: 100, integer: false },
});
const bottleneck = q({
  key: "bottleneck",
  type: "FREE_TEXT",
  text: text("Biggest bottleneck?"),
  config: { maxLength: 10 },
});
const grid = q({
  key: "skills-demand",
  type: "SKILL_GRID",
  text: text("Demand?"),
  config: { horizons: [5, 1] },
});
const SKILLS: AnswerContext = { skills: ["Welding", "Automation", "Mine electrics"] };

/** The codes of a rejected answer, in order. */
function codes(question: QuestionDefinition, value: unknown, context: AnswerContext = SKILLS): string[] {
  const parsed = answerSchemaFor(question, context).safeParse(value);
  if (parsed.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  return answerIssues(parsed.error).map((i) => i.code);
}
const accept = (question: QuestionDefinition, value: unknown, context: AnswerContext = SKILLS) =>
  answerSchemaFor(question, context).parse(value);

describe("question definitions", () => {
  it("apply per-type defaults and sort the grid's horizons", () => {
    expect(likert.config.required).toBe(true);
    expect(bottleneck.config).toEqual({ required: false, maxLength: 10 });
    expect(hiring.config).toMatchObject({ integer: true, required: true });
    expect(grid.config.horizons).toEqual([1, 5]);
  });

  it("need every language, within the length limits", () => {
    const base = { key: "k", type: "FREE_TEXT", config: {} } as const;
    expect(QuestionDefinitionSchema.safeParse({ ...base, text: text("ok") }).success).toBe(true);
    const { nl: _, ...noDutch } = text("x");
    expect(QuestionDefinitionSchema.safeParse({ ...base, text: noDutch }).success).toBe(false);
    expect(QuestionDefinitionSchema.safeParse({ ...base, text: { ...text("x"), sv: "   " } }).success).toBe(
      false,
    );
    expect(
      QuestionDefinitionSchema.safeParse({ ...base, text: { ...text("x"), fi: "a".repeat(301) } }).success,
    ).toBe(false);
  });

  it("reject broken configs", () => {
    const bad = (type: Parameters<typeof configSchemaFor>[0], config: unknown) =>
      configSchemaFor(type).safeParse(config).success;
    const two = [
      { id: "a", label: label("A") },
      { id: "a", label: label("B") },
    ];
    expect(bad("SINGLE_CHOICE", { options: two })).toBe(false); // duplicate id
    expect(bad("SINGLE_CHOICE", { options: [two[0]] })).toBe(false); // one option is no choice
    expect(bad("SINGLE_CHOICE", { options: [{ id: "Bad Id", label: label("A") }, two[1]] })).toBe(false);
    expect(bad("MULTIPLE_CHOICE", { options: "CLUSTER_SKILLS", minSelected: 3, maxSelected: 2 })).toBe(false);
    expect(bad("NUMBER", { min: 5, max: 5 })).toBe(false);
    expect(bad("NUMBER", { min: 0.5, max: 5 })).toBe(false); // integer by default
    expect(bad("NUMBER", { min: 0.5, max: 5, integer: false })).toBe(true);
    expect(bad("SKILL_GRID", { horizons: [2] })).toBe(false);
    expect(bad("SKILL_GRID", { horizons: [1, 1] })).toBe(false);
    expect(bad("SKILL_GRID", { horizons: [] })).toBe(false);
    expect(bad("FREE_TEXT", { maxLength: 5000 })).toBe(false);
    expect(bad("FREE_TEXT", { maxLenght: 50 })).toBe(false); // a typo is an error, not a silent default
    expect(bad("LIKERT", { labels: [label("1"), label("2")] })).toBe(false);
  });

  it("lists required questions still unanswered", () => {
    expect(unansweredRequired([likert, bottleneck, hiring, levels], ["hiring-next-12m"])).toEqual([
      "cluster-trust",
      "training-levels",
    ]);
  });
});

describe("answers: Likert", () => {
  it("takes 1 … 5, also as the string a button sends", () => {
    expect(accept(likert, 4)).toBe(4);
    expect(accept(likert, "5")).toBe(5);
  });
  it("rejects out-of-range, fractional and non-numeric answers", () => {
    expect(codes(likert, 0)).toEqual(["OUT_OF_RANGE"]);
    expect(codes(likert, 6)).toEqual(["OUT_OF_RANGE"]);
    expect(codes(likert, 2.5)).toEqual(["NOT_AN_INTEGER"]);
    expect(codes(likert, "great")).toEqual(["WRONG_TYPE"]);
    expect(codes(likert, null)).toEqual(["WRONG_TYPE"]);
  });
});

describe("answers: numbers", () => {
  it("takes numbers and numeric strings with Finnish grouping and decimal comma", () => {
    expect(accept(hiring, 12)).toBe(12);
    expect(accept(hiring, "1 250")).toBe(1250);
    expect(accept(hiring, "1\u00a0250")).toBe(1250);
    expect(accept(share, "12,5")).toBe(12.5);
    expect(accept(hiring, 0)).toBe(0);
    expect(accept(hiring, 10000)).toBe(10000);
  });
  it("rejects out-of-range numbers with the bounds, fractions of people and non-numbers", () => {
    const low = checkAnswer(hiring, -1);
    expect(low).toEqual({ ok: false, reason: "OUT_OF_RANGE", details: { min: 0, max: 10000, path: "" } });
    expect(codes(hiring, 10001)).toEqual(["OUT_OF_RANGE"]);
    expect(codes(hiring, 2.5)).toEqual(["NOT_AN_INTEGER"]);
    expect(codes(hiring, "many")).toEqual(["NOT_A_NUMBER"]);
    expect(codes(hiring, Number.NaN)).toEqual(["NOT_A_NUMBER"]);
    expect(codes(hiring, Number.POSITIVE_INFINITY)).toEqual(["NOT_A_NUMBER"]);
    expect(codes(hiring, true)).toEqual(["WRONG_TYPE"]);
    expect(codes(share, 100.5)).toEqual(["OUT_OF_RANGE"]);
  });
});

describe("answers: choices", () => {
  it("single choice: a known option id", () => {
    expect(accept(single, "pay")).toBe("pay");
    expect(codes(single, "salary")).toEqual(["UNKNOWN_OPTION"]);
    expect(codes(single, ["pay"])).toEqual(["WRONG_TYPE"]);
  });

  it("multiple choice: known, distinct ids, returned in option order", () => {
    expect(accept(levels, ["university", "vocational"])).toEqual(["vocational", "university"]);
    expect(codes(levels, ["uas", "phd"])).toEqual(["UNKNOWN_OPTION"]);
    expect(codes(levels, ["phd"])).toEqual(["UNKNOWN_OPTION"]);
    expect(codes(levels, [3])).toEqual(["WRONG_TYPE"]);
    expect(codes(levels, ["uas", "uas"])).toEqual(["DUPLICATE_OPTION"]);
    expect(codes(levels, "uas")).toEqual(["WRONG_TYPE"]);
  });

  it("multiple choice: empty only when optional; exclusive options stand alone; min and max", () => {
    expect(codes(levels, [])).toEqual(["REQUIRED"]);
    const optional = q({
      ...levels,
      config: { ...levels.config, required: false },
    } as QuestionDefinitionInput);
    expect(accept(optional, [])).toEqual([]);
    expect(accept(levels, ["none"])).toEqual(["none"]);
    expect(codes(levels, ["none", "uas"])).toEqual(["EXCLUSIVE_OPTION_COMBINED"]);
    const bounded = q({
      ...levels,
      config: { ...levels.config, minSelected: 2, maxSelected: 2 },
    } as QuestionDefinitionInput);
    expect(codes(bounded, ["uas"])).toEqual(["TOO_FEW_SELECTED"]);
    expect(codes(bounded, ["uas", "vocational", "university"])).toEqual(["TOO_MANY_SELECTED"]);
    expect(accept(bounded, ["uas", "vocational"])).toEqual(["vocational", "uas"]);
  });

  it("options from the cluster's skill list need that list", () => {
    const roles = q({
      key: "hard-to-fill-roles",
      type: "MULTIPLE_CHOICE",
      text: text("Hard to fill?"),
      config: { required: false, options: "CLUSTER_SKILLS" },
    });
    expect(accept(roles, ["Mine electrics", "Welding"])).toEqual(["Welding", "Mine electrics"]);
    expect(codes(roles, ["Baking"])).toEqual(["UNKNOWN_OPTION"]);
    expect(accept(roles, ["Baking"], { skills: "ANY" })).toEqual(["Baking"]);
    expect(() => answerSchemaFor(roles)).toThrow(TypeError);
  });
});

describe("answers: free text", () => {
  it("trims, normalises line breaks, drops control characters, counts characters not code units", () => {
    expect(accept(bottleneck, "  a\r\nb\u0007 ")).toBe("a\nb");
    expect(accept(bottleneck, "😀".repeat(10))).toBe("😀".repeat(10));
  });
  it("rejects empty and too long texts", () => {
    expect(codes(bottleneck, "   ")).toEqual(["EMPTY"]);
    expect(checkAnswer(bottleneck, "abcdefghijk")).toEqual({
      ok: false,
      reason: "TOO_LONG",
      details: { max: 10, length: 11, path: "" },
    });
    expect(codes(bottleneck, 42)).toEqual(["WRONG_TYPE"]);
  });
});

describe("answers: skill-need grid", () => {
  it("takes cells for known skills and the question's horizons, sorted by skill list and horizon", () => {
    const value = [
      { skill: "Mine electrics", horizon: 1, level: "GROWING" },
      { skill: "Welding", horizon: 5, level: "STRONGLY_GROWING" },
      { skill: "Welding", horizon: 1, level: "STABLE" },
    ];
    expect(accept(grid, value)).toEqual([
      { skill: "Welding", horizon: 1, level: "STABLE" },
      { skill: "Welding", horizon: 5, level: "STRONGLY_GROWING" },
      { skill: "Mine electrics", horizon: 1, level: "GROWING" },
    ]);
  });

  it("names every bad cell with its code and path", () => {
    const parsed = answerSchemaFor(grid, SKILLS).safeParse([
      { skill: "Baking", horizon: 1, level: "GROWING" },
      { skill: "Welding", horizon: 3, level: "GROWING" },
      { skill: "Welding", horizon: "1", level: "GROWING" },
      { skill: "Welding", horizon: 1, level: "HUGE" },
      { skill: "Automation", horizon: 5, level: "DECREASING" },
      { skill: "Automation", horizon: 5, level: "STABLE" },
      "Welding",
    ]);
    expect(parsed.success).toBe(false);
    const issues = answerIssues(parsed.error!);
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["UNKNOWN_SKILL", "0.skill"],
      ["BAD_HORIZON", "1.horizon"],
      ["BAD_HORIZON", "2.horizon"],
      ["BAD_LEVEL", "3.level"],
      ["DUPLICATE_CELL", "5"],
      ["WRONG_TYPE", "6"],
    ]);
    expect(issues[1]!.details).toEqual({ horizon: "3", allowed: "1,5" });
  });

  it("needs at least one cell when required", () => {
    expect(codes(grid, [])).toEqual(["REQUIRED"]);
    expect(codes(grid, { Welding: "GROWING" })).toEqual(["WRONG_TYPE"]);
    const optional = q({ ...grid, config: { ...grid.config, required: false } } as QuestionDefinitionInput);
    expect(accept(optional, [])).toEqual([]);
  });

  it("checkAnswer gives the first issue as a Result reason", () => {
    expect(checkAnswer(grid, [{ skill: "Welding", horizon: 3, level: "GROWING" }], SKILLS)).toEqual({
      ok: false,
      reason: "BAD_HORIZON",
      details: { horizon: "3", allowed: "1,5", path: "0.horizon" },
    });
    expect(checkAnswer(grid, [{ skill: "Welding", horizon: 5, level: "GROWING" }], SKILLS)).toEqual({
      ok: true,
      value: [{ skill: "Welding", horizon: 5, level: "GROWING" }],
    });
  });
});
