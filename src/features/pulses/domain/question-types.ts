// The pulse question model: what a question is (Question.type, Question.text, Question.config) and what
// an answer to it is (PulseAnswer.value). Both columns are JSON; these schemas are the only gate.
//
// Answer values as stored in PulseAnswer.value:
//   LIKERT           1 | 2 | 3 | 4 | 5
//   SINGLE_CHOICE    "option-id"
//   MULTIPLE_CHOICE  ["option-id", …]              (option order, no duplicates; [] = "none of these")
//   NUMBER           12.5
//   FREE_TEXT        "trimmed text"
//   SKILL_GRID       [{ skill: "Welding", horizon: 1, level: "GROWING" }, …]   (skill order, then horizon)
// A skipped question has no PulseAnswer row at all; "required" decides whether skipping is allowed.
//
// Skill-need grid horizon: FIXED PER QUESTION. The config lists the horizons the question asks about
// (any non-empty subset of 1, 3, 5 years) and every row may be answered once per listed horizon. A
// horizon chosen per row by the respondent would mix "when" with "how much" and make the rankings per
// horizon incomparable (a different set of people behind each horizon's figure, cycle to cycle).
// Rows are the cluster's skills by name (ClusterSkill.name, unique per cluster); a respondent may leave
// a row out ("no view"), and `required` asks for at least one rated cell.
import { z } from "zod";
import type { Locale } from "../../../kernel/domain/locale.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";

export const QUESTION_TYPES = [
  "LIKERT",
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "NUMBER",
  "FREE_TEXT",
  "SKILL_GRID",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const STAKEHOLDER_TYPES = ["BUSINESS", "EDUCATION", "PUBLIC", "RESEARCH"] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
export type LikertValue = (typeof LIKERT_VALUES)[number];

export const DEMAND_LEVELS = ["DECREASING", "STABLE", "GROWING", "STRONGLY_GROWING"] as const;
export type DemandLevel = (typeof DEMAND_LEVELS)[number];
/** The demand score of a skill is the mean of these over its answers: −1 … +2. */
export const DEMAND_SCORE: Readonly<Record<DemandLevel, number>> = {
  DECREASING: -1,
  STABLE: 0,
  GROWING: 1,
  STRONGLY_GROWING: 2,
};

export const HORIZONS = [1, 3, 5] as const;
export type Horizon = (typeof HORIZONS)[number];

/** Limits chosen so every text fits Slack Block Kit (option and button text ≤ 75) and Teams cards. */
export const QUESTION_TEXT_MAX = 300;
export const LABEL_MAX = 75;
export const UNIT_MAX = 24;
export const FREE_TEXT_LIMIT = 3000;
export const MAX_OPTIONS = 20;
export const NUMBER_LIMIT = 1e12;
/** Options of a choice question taken from the cluster's skill list (ClusterSkill names). */
export const CLUSTER_SKILLS = "CLUSTER_SKILLS";

// --- texts ------------------------------------------------------------------------------------------

const line = (max: number) => z.string().trim().min(1, "Must not be empty").max(max);
const localized = (max: number) =>
  z.strictObject({ fi: line(max), sv: line(max), en: line(max), nl: line(max) });

/** Question.text: every language required. */
export const QuestionTextSchema = localized(QUESTION_TEXT_MAX);
export const LabelSchema = localized(LABEL_MAX);
export const UnitSchema = localized(UNIT_MAX);
export type LocalizedText = z.output<typeof QuestionTextSchema>;

export function textIn(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/** Stable, meaning-bearing keys: "skills-demand", "hiring.next-12m". A new meaning needs a new key. */
export const QuestionKeySchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/, "Lower-case words joined by - or .");

export const OptionIdSchema = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "Lower-case letters and digits joined by - or _");

// --- configs (Question.config) ----------------------------------------------------------------------

const SingleOptionSchema = z.strictObject({ id: OptionIdSchema, label: LabelSchema });
const MultipleOptionSchema = z.strictObject({
  id: OptionIdSchema,
  label: LabelSchema,
  /** "None of these": cannot be combined with another option. */
  exclusive: z.boolean().optional(),
});

function fixedOptions<T extends z.ZodType<{ id: string }>>(option: T) {
  return z
    .array(option)
    .min(2)
    .max(MAX_OPTIONS)
    .superRefine((options, ctx) => {
      const seen = new Set<string>();
      options.forEach((o, i) => {
        if (seen.has(o.id))
          ctx.addIssue({ code: "custom", message: `Duplicate option id ${o.id}`, path: [i, "id"] });
        seen.add(o.id);
      });
    });
}

export const LikertConfigSchema = z.strictObject({
  required: z.boolean().default(true),
  /** Labels of 1 … 5, in that order. */
  labels: z.tuple([LabelSchema, LabelSchema, LabelSchema, LabelSchema, LabelSchema]),
});

export const SingleChoiceConfigSchema = z.strictObject({
  required: z.boolean().default(true),
  options: z.union([fixedOptions(SingleOptionSchema), z.literal(CLUSTER_SKILLS)]),
});

export const MultipleChoiceConfigSchema = z
  .strictObject({
    /** Required: at least one option. Optional: [] is an answer meaning "none of these". */
    required: z.boolean().default(true),
    options: z.union([fixedOptions(MultipleOptionSchema), z.literal(CLUSTER_SKILLS)]),
    minSelected: z.number().int().min(1).max(MAX_OPTIONS).optional(),
    maxSelected: z.number().int().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.minSelected !== undefined && c.maxSelected !== undefined && c.minSelected > c.maxSelected)
      ctx.addIssue({ code: "custom", message: "minSelected is above maxSelected", path: ["minSelected"] });
    if (Array.isArray(c.options) && c.minSelected !== undefined && c.minSelected > c.options.length)
      ctx.addIssue({
        code: "custom",
        message: "minSelected is above the number of options",
        path: ["minSelected"],
      });
  });

const bound = z.number().min(-NUMBER_LIMIT).max(NUMBER_LIMIT);
export const NumberConfigSchema = z
  .strictObject({
    required: z.boolean().default(true),
    unit: UnitSchema.optional(),
    min: bound,
    max: bound,
    integer: z.boolean().default(true),
  })
  .superRefine((c, ctx) => {
    if (c.min >= c.max) ctx.addIssue({ code: "custom", message: "min must be below max", path: ["max"] });
    if (c.integer && !(Number.isInteger(c.min) && Number.isInteger(c.max)))
      ctx.addIssue({ code: "custom", message: "An integer question needs integer bounds", path: ["min"] });
  });

export const FreeTextConfigSchema = z.strictObject({
  required: z.boolean().default(false),
  /** In characters (code points), as chat platforms count them. */
  maxLength: z.number().int().min(1).max(FREE_TEXT_LIMIT).default(1000),
});

export const SkillGridConfigSchema = z.strictObject({
  /** Required: at least one rated cell. */
  required: z.boolean().default(true),
  /** The horizons asked about, in years; each row is answered once per horizon. */
  horizons: z
    .array(z.literal(HORIZONS))
    .min(1)
    .superRefine((hs, ctx) => {
      if (new Set(hs).size !== hs.length) ctx.addIssue({ code: "custom", message: "Duplicate horizon" });
    })
    .transform((hs) => [...hs].sort((a, b) => a - b)),
});

export const CONFIG_SCHEMAS = {
  LIKERT: LikertConfigSchema,
  SINGLE_CHOICE: SingleChoiceConfigSchema,
  MULTIPLE_CHOICE: MultipleChoiceConfigSchema,
  NUMBER: NumberConfigSchema,
  FREE_TEXT: FreeTextConfigSchema,
  SKILL_GRID: SkillGridConfigSchema,
} as const;
export type ConfigOf<T extends QuestionType> = z.output<(typeof CONFIG_SCHEMAS)[T]>;

export function configSchemaFor<T extends QuestionType>(type: T): (typeof CONFIG_SCHEMAS)[T] {
  return CONFIG_SCHEMAS[type];
}

// --- the question as a whole ------------------------------------------------------------------------

const KEY_AND_TEXT = { key: QuestionKeySchema, text: QuestionTextSchema };

/** A Question row's key, type, text and config, checked together. */
export const QuestionDefinitionSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...KEY_AND_TEXT, type: z.literal("LIKERT"), config: LikertConfigSchema }),
  z.strictObject({
    ...KEY_AND_TEXT,
    type: z.literal("SINGLE_CHOICE"),
    config: SingleChoiceConfigSchema,
  }),
  z.strictObject({
    ...KEY_AND_TEXT,
    type: z.literal("MULTIPLE_CHOICE"),
    config: MultipleChoiceConfigSchema,
  }),
  z.strictObject({ ...KEY_AND_TEXT, type: z.literal("NUMBER"), config: NumberConfigSchema }),
  z.strictObject({ ...KEY_AND_TEXT, type: z.literal("FREE_TEXT"), config: FreeTextConfigSchema }),
  z.strictObject({ ...KEY_AND_TEXT, type: z.literal("SKILL_GRID"), config: SkillGridConfigSchema }),
]);
export type QuestionDefinition = z.output<typeof QuestionDefinitionSchema>;
export type QuestionDefinitionInput = z.input<typeof QuestionDefinitionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<QuestionDefinition, { type: T }>;

export function isRequired(question: QuestionDefinition): boolean {
  return question.config.required;
}

/** Keys of required questions without an answer: a response is complete when this is empty. */
export function unansweredRequired(
  questions: readonly QuestionDefinition[],
  answeredKeys: Iterable<string>,
): string[] {
  const answered = new Set(answeredKeys);
  return questions.filter((q) => isRequired(q) && !answered.has(q.key)).map((q) => q.key);
}

// --- labels shared by every skill grid --------------------------------------------------------------

export const DEMAND_LEVEL_LABELS: Readonly<Record<DemandLevel, LocalizedText>> = {
  DECREASING: { fi: "Vähenee", sv: "Minskar", en: "Decreasing", nl: "Neemt af" },
  STABLE: { fi: "Pysyy ennallaan", sv: "Oförändrat", en: "Stable", nl: "Blijft gelijk" },
  GROWING: { fi: "Kasvaa", sv: "Ökar", en: "Growing", nl: "Neemt toe" },
  STRONGLY_GROWING: {
    fi: "Kasvaa voimakkaasti",
    sv: "Ökar kraftigt",
    en: "Strongly growing",
    nl: "Neemt sterk toe",
  },
};

export const HORIZON_LABELS: Readonly<Record<Horizon, LocalizedText>> = {
  1: { fi: "1 vuoden päästä", sv: "om 1 år", en: "in 1 year", nl: "over 1 jaar" },
  3: { fi: "3 vuoden päästä", sv: "om 3 år", en: "in 3 years", nl: "over 3 jaar" },
  5: { fi: "5 vuoden päästä", sv: "om 5 år", en: "in 5 years", nl: "over 5 jaar" },
};

// --- answers (PulseAnswer.value) --------------------------------------------------------------------

export type SkillGridCell = { skill: string; horizon: Horizon; level: DemandLevel };
export type AnswerValues = {
  LIKERT: LikertValue;
  SINGLE_CHOICE: string;
  MULTIPLE_CHOICE: string[];
  NUMBER: number;
  FREE_TEXT: string;
  SKILL_GRID: SkillGridCell[];
};
export type AnswerValue<T extends QuestionType = QuestionType> = AnswerValues[T];

export const ANSWER_ISSUE_CODES = [
  "WRONG_TYPE",
  "NOT_A_NUMBER",
  "NOT_AN_INTEGER",
  "OUT_OF_RANGE",
  "UNKNOWN_OPTION",
  "DUPLICATE_OPTION",
  "REQUIRED",
  "TOO_FEW_SELECTED",
  "TOO_MANY_SELECTED",
  "EXCLUSIVE_OPTION_COMBINED",
  "EMPTY",
  "TOO_LONG",
  "UNKNOWN_SKILL",
  "BAD_HORIZON",
  "BAD_LEVEL",
  "DUPLICATE_CELL",
] as const;
export type AnswerIssueCode = (typeof ANSWER_ISSUE_CODES)[number];
export type AnswerIssue = {
  code: AnswerIssueCode;
  /** Where in the value, e.g. [2, "horizon"] for the third grid cell. */
  path: (string | number)[];
  message: string;
  details: Record<string, string | number>;
};

/**
 * The skills a skill-based question may use: the cluster's list (answering), or "ANY" to check only
 * the shape (aggregating stored answers after the list has changed).
 */
export type AnswerContext = { skills?: readonly string[] | "ANY" };

type Report = (
  code: AnswerIssueCode,
  message: string,
  path?: (string | number)[],
  details?: Record<string, string | number>,
) => undefined;

/** A schema whose every issue is custom and carries `params.code`, so callers get domain codes only. */
function coded<T>(check: (value: unknown, report: Report) => T | undefined): z.ZodType<T> {
  return z.unknown().transform((value, ctx) => {
    let failed = false;
    const report: Report = (code, message, path = [], details = {}) => {
      failed = true;
      ctx.addIssue({ code: "custom", message, path, params: { code, ...details } });
      return undefined;
    };
    const out = check(value, report);
    return failed ? z.NEVER : out;
  }) as unknown as z.ZodType<T>;
}

/**
 * Validates and normalises one answer to `question`. Buttons deliver strings, so LIKERT and NUMBER
 * also take numeric strings ("4", "1 250", "12,5"); everything else must have its stored shape.
 * Skill-based questions need `context.skills`.
 */
export function answerSchemaFor<Q extends QuestionDefinition>(
  question: Q,
  context: AnswerContext = {},
): z.ZodType<AnswerValue<Q["type"]>> {
  return answerSchema(question, context) as z.ZodType<AnswerValue<Q["type"]>>;
}

function answerSchema(question: QuestionDefinition, context: AnswerContext): z.ZodType<unknown> {
  switch (question.type) {
    case "LIKERT":
      return coded((value, report) => {
        const n = toNumber(value);
        if (n === undefined) return report("WRONG_TYPE", "Answer with a number from 1 to 5");
        if (!Number.isInteger(n)) return report("NOT_AN_INTEGER", "Answer with a whole number from 1 to 5");
        if (n < 1 || n > 5) return report("OUT_OF_RANGE", "Answer from 1 to 5", [], { min: 1, max: 5 });
        return n as LikertValue;
      });
    case "SINGLE_CHOICE": {
      const ids = optionIds(question, context);
      return coded((value, report) => {
        if (typeof value !== "string") return report("WRONG_TYPE", "Answer with one option id");
        if (ids && !ids.includes(value))
          return report("UNKNOWN_OPTION", `Unknown option ${value}`, [], { option: value });
        return value;
      });
    }
    case "MULTIPLE_CHOICE":
      return multipleChoice(question, context);
    case "NUMBER":
      return numberAnswer(question.config);
    case "FREE_TEXT": {
      const { maxLength } = question.config;
      return coded((value, report) => {
        if (typeof value !== "string") return report("WRONG_TYPE", "Answer with text");
        const text = cleanText(value);
        if (text === "") return report("EMPTY", "The answer is empty; skip the question instead");
        const length = [...text].length;
        if (length > maxLength)
          return report("TOO_LONG", `At most ${maxLength} characters (got ${length})`, [], {
            max: maxLength,
            length,
          });
        return text;
      });
    }
    case "SKILL_GRID":
      return skillGrid(question, context);
  }
}

function optionIds(
  question: QuestionOf<"SINGLE_CHOICE" | "MULTIPLE_CHOICE">,
  context: AnswerContext,
): readonly string[] | null {
  const { options } = question.config;
  if (options !== CLUSTER_SKILLS) return options.map((o: { id: string }) => o.id);
  return skillList(question, context);
}

function skillList(question: QuestionDefinition, context: AnswerContext): readonly string[] | null {
  if (context.skills === "ANY") return null;
  if (!context.skills)
    throw new TypeError(`Question ${question.key} needs the cluster's skills to check answers`);
  return context.skills;
}

function multipleChoice(question: QuestionOf<"MULTIPLE_CHOICE">, context: AnswerContext) {
  const { config } = question;
  const ids = optionIds(question, context);
  const exclusive = new Set(
    config.options === CLUSTER_SKILLS ? [] : config.options.filter((o) => o.exclusive).map((o) => o.id),
  );
  const min = config.minSelected ?? (config.required ? 1 : 0);
  const max = config.maxSelected;
  return coded((value, report) => {
    if (!Array.isArray(value)) return report("WRONG_TYPE", "Answer with a list of option ids");
    const seen = new Set<string>();
    for (const [i, id] of value.entries()) {
      if (typeof id !== "string") report("WRONG_TYPE", "Option ids are text", [i]);
      else if (ids && !ids.includes(id))
        report("UNKNOWN_OPTION", `Unknown option ${id}`, [i], { option: id });
      else if (seen.has(id)) report("DUPLICATE_OPTION", `Option ${id} given twice`, [i], { option: id });
      else seen.add(id);
    }
    // Counted as given, so a wrong id is reported as wrong, not also as "too few".
    if (value.length === 0 && config.required) report("REQUIRED", "Choose at least one option", [], { min });
    else if (value.length < min) report("TOO_FEW_SELECTED", `Choose at least ${min}`, [], { min });
    if (max !== undefined && value.length > max)
      report("TOO_MANY_SELECTED", `Choose at most ${max}`, [], { max });
    const alone = [...seen].find((id) => exclusive.has(id));
    if (alone && seen.size > 1)
      report("EXCLUSIVE_OPTION_COMBINED", `${alone} cannot be combined with other options`, [], {
        option: alone,
      });
    const order = ids ?? [...seen];
    return [...seen].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  });
}

function numberAnswer(config: ConfigOf<"NUMBER">) {
  const { min, max, integer } = config;
  return coded((value, report) => {
    if (typeof value !== "number" && typeof value !== "string")
      return report("WRONG_TYPE", "Answer with a number");
    const n = toNumber(value);
    if (n === undefined) return report("NOT_A_NUMBER", "Answer with a number");
    if (integer && !Number.isInteger(n)) return report("NOT_AN_INTEGER", "Answer with a whole number");
    if (n < min || n > max) return report("OUT_OF_RANGE", `Answer from ${min} to ${max}`, [], { min, max });
    return n;
  });
}

function skillGrid(question: QuestionOf<"SKILL_GRID">, context: AnswerContext) {
  const skills = skillList(question, context);
  const { horizons, required } = question.config;
  return coded((value, report) => {
    if (!Array.isArray(value)) return report("WRONG_TYPE", "Answer with a list of {skill, horizon, level}");
    const cells: SkillGridCell[] = [];
    const seen = new Set<string>();
    for (const [i, cell] of (value as unknown[]).entries()) {
      if (typeof cell !== "object" || cell === null || Array.isArray(cell)) {
        report("WRONG_TYPE", "Each cell is {skill, horizon, level}", [i]);
        continue;
      }
      const { skill, horizon, level } = cell as Record<string, unknown>;
      let good = true;
      if (typeof skill !== "string" || (skills && !skills.includes(skill))) {
        report("UNKNOWN_SKILL", `Unknown skill ${String(skill)}`, [i, "skill"], { skill: String(skill) });
        good = false;
      }
      if (!horizons.includes(horizon as Horizon)) {
        report("BAD_HORIZON", `Horizon must be one of ${horizons.join(", ")} years`, [i, "horizon"], {
          horizon: String(horizon),
          allowed: horizons.join(","),
        });
        good = false;
      }
      if (!(DEMAND_LEVELS as readonly unknown[]).includes(level)) {
        report("BAD_LEVEL", `Level must be one of ${DEMAND_LEVELS.join(", ")}`, [i, "level"], {
          level: String(level),
        });
        good = false;
      }
      if (!good) continue;
      const id = `${horizon}\u0000${skill}`;
      if (seen.has(id)) {
        report("DUPLICATE_CELL", `${skill} rated twice for ${horizon} years`, [i]);
        continue;
      }
      seen.add(id);
      cells.push({ skill: skill as string, horizon: horizon as Horizon, level: level as DemandLevel });
    }
    if (value.length === 0 && required) report("REQUIRED", "Rate at least one skill");
    const order = skills ?? [...new Set(cells.map((c) => c.skill))];
    return cells.sort((a, b) => order.indexOf(a.skill) - order.indexOf(b.skill) || a.horizon - b.horizon);
  });
}

/** Numbers, or strings like "12", "-3", "12,5", "1 250" (Finnish digit grouping) → number. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const s = value
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^\u2212/, "-")
    .replace(",", ".");
  return /^[-+]?\d+(?:\.\d+)?$/.test(s) ? Number(s) : undefined;
}

/** CRLF → LF, C0 controls other than tab and line feed removed, trimmed. */
function cleanText(value: string): string {
  const isControl = (c: string) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== "\n" && c !== "\t") || code === 0x7f;
  };
  return [...value.replace(/\r\n?/g, "\n")]
    .filter((c) => !isControl(c))
    .join("")
    .trim();
}

/** The issues of a failed answer parse, each with its domain code. */
export function answerIssues(error: z.ZodError): AnswerIssue[] {
  return error.issues.map((issue) => {
    const params = (issue.code === "custom" ? issue.params : undefined) ?? {};
    const { code, ...details } = params as { code?: AnswerIssueCode } & Record<string, string | number>;
    return {
      code: code ?? "WRONG_TYPE",
      path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      message: issue.message,
      details,
    };
  });
}

/** The use-case form: the normalised value, or the first issue's code with its details (path, min, max…). */
export function checkAnswer<Q extends QuestionDefinition>(
  question: Q,
  value: unknown,
  context: AnswerContext = {},
): Result<AnswerValue<Q["type"]>, AnswerIssueCode> {
  const parsed = answerSchemaFor(question, context).safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const first = answerIssues(parsed.error)[0]!;
  return fail(first.code, { ...first.details, path: first.path.join(".") });
}
