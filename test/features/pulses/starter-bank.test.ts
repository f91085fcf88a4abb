import { describe, expect, it } from "vitest";
import {
  answerSchemaFor,
  CLUSTER_SKILLS,
  type LocalizedText,
  QUESTION_TYPES,
  QuestionDefinitionSchema,
} from "../../../src/features/pulses/domain/question-types.ts";
import {
  STARTER_BANK,
  STARTER_KEYS,
  starterQuestion,
  starterQuestions,
} from "../../../src/features/pulses/domain/starter-bank.ts";
import { LOCALES } from "../../../src/kernel/domain/locale.ts";

const SKILLS = ["Hitsaus", "Automaatio", "Kaivosten sähkötyöt"];

describe("starter bank", () => {
  it.each(STARTER_BANK.map((entry) => [entry.key, entry] as const))("%s validates", (_key, entry) => {
    const parsed = QuestionDefinitionSchema.safeParse(entry);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("keeps its keys: a key's meaning is fixed, so renaming one must be deliberate", () => {
    expect(STARTER_KEYS).toEqual([
      "skills-demand",
      "hard-to-fill-roles",
      "recruitment-obstacle",
      "hiring-next-12m",
      "training-needs-by-level",
      "education-cooperation",
      "cluster-trust",
      "cluster-cooperation",
      "sector-outlook-12m",
      "biggest-bottleneck",
    ]);
    expect(new Set(STARTER_KEYS).size).toBe(STARTER_KEYS.length);
  });

  it("uses every question type", () => {
    expect(new Set(starterQuestions().map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
  });

  it("is translated: every text and label differs from the English in each other language", () => {
    const texts: [string, LocalizedText][] = [];
    for (const q of starterQuestions()) {
      texts.push([q.key, q.text]);
      if (q.type === "LIKERT")
        for (const [i, l] of q.config.labels.entries()) texts.push([`${q.key} ${i + 1}`, l]);
      if ((q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE") && q.config.options !== CLUSTER_SKILLS)
        for (const o of q.config.options) texts.push([`${q.key} ${o.id}`, o.label]);
      if (q.type === "NUMBER" && q.config.unit) texts.push([`${q.key} unit`, q.config.unit]);
    }
    const untranslated = texts.flatMap(([where, t]) =>
      LOCALES.filter((l) => l !== "en" && t[l] === t.en).map((l) => `${where} (${l})`),
    );
    expect(untranslated).toEqual([]);
    // Nordic letters survived the editor: the Finnish and Swedish texts use them.
    expect(texts.some(([, t]) => /[äö]/.test(t.fi))).toBe(true);
    expect(texts.some(([, t]) => /[åäö]/.test(t.sv))).toBe(true);
  });

  it("asks what the issue asks for", () => {
    const skills = starterQuestion("skills-demand")!;
    expect(skills.type === "SKILL_GRID" && skills.config.horizons).toEqual([1, 5]);
    const hiring = starterQuestion("hiring-next-12m")!;
    expect(hiring.type === "NUMBER" && [hiring.config.min, hiring.config.max, hiring.config.integer]).toEqual(
      [0, 10000, true],
    );
    const training = starterQuestion("training-needs-by-level")!;
    if (training.type !== "MULTIPLE_CHOICE" || training.config.options === CLUSTER_SKILLS)
      throw new Error("type");
    expect(training.config.options.find((o) => o.exclusive)?.id).toBe("none");
    expect(training.config.options.map((o) => o.id)).toEqual([
      "vocational",
      "uas",
      "university",
      "continuing",
      "apprenticeship",
      "tailored",
      "none",
    ]);
    const roles = starterQuestion("hard-to-fill-roles")!;
    expect(roles.type === "MULTIPLE_CHOICE" && roles.config).toEqual({
      required: false,
      options: CLUSTER_SKILLS,
    });
    expect(starterQuestion("cluster-trust")?.type).toBe("LIKERT");
    expect(starterQuestion("education-cooperation")?.type).toBe("LIKERT");
  });

  it("accepts a realistic answer to every question", () => {
    const answers: Record<string, unknown> = {
      "skills-demand": [
        { skill: "Hitsaus", horizon: 1, level: "GROWING" },
        { skill: "Automaatio", horizon: 5, level: "STRONGLY_GROWING" },
      ],
      "hard-to-fill-roles": ["Kaivosten sähkötyöt"],
      "recruitment-obstacle": "location",
      "hiring-next-12m": "12",
      "training-needs-by-level": ["continuing", "apprenticeship"],
      "education-cooperation": 4,
      "cluster-trust": 5,
      "cluster-cooperation": 3,
      "sector-outlook-12m": 2,
      "biggest-bottleneck": "Asuntopula Kittilässä",
    };
    for (const q of starterQuestions()) {
      const parsed = answerSchemaFor(q, { skills: SKILLS }).safeParse(answers[q.key]);
      expect(parsed.success, q.key).toBe(true);
    }
  });
});
