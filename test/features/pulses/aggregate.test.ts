import { describe, expect, it } from "vitest";
import {
  type AnswerRecord,
  compareCycles,
  hideSmallGroups,
  hideSmallRateGroups,
  type ParticipationRecord,
  type QuestionSummary,
  responseRate,
  type StatsOf,
  type SummaryOf,
  summarizePulse,
  summarizeQuestion,
} from "../../../src/features/pulses/domain/aggregate.ts";
import type {
  DemandLevel,
  QuestionDefinition,
  QuestionType,
  StakeholderType,
} from "../../../src/features/pulses/domain/question-types.ts";
import { starterQuestion } from "../../../src/features/pulses/domain/starter-bank.ts";

const question = (key: string): QuestionDefinition => starterQuestion(key)!;
const trust = question("cluster-trust");
const training = question("training-needs-by-level");
const hiring = question("hiring-next-12m");
const obstacle = question("recruitment-obstacle");
const bottleneck = question("biggest-bottleneck");
const skillsDemand = question("skills-demand");
const hardToFill = question("hard-to-fill-roles");
const SKILLS = ["Hitsaus", "Automaatio", "Kaivosten sähkötyöt", "Logistiikka"];

const from = (group: StakeholderType | null, values: unknown[]): AnswerRecord[] =>
  values.map((value) => ({ value, stakeholderType: group }));
const named = { anonymous: false, skills: SKILLS };
const anonymous = { anonymous: true, skills: SKILLS };

/** The shown overall statistics of a summary, typed by the question type. */
function overall<T extends QuestionType>(summary: QuestionSummary, _type: T): StatsOf<T> {
  if (summary.overall.hidden) throw new Error(`${summary.key} is hidden`);
  return summary.overall.stats as StatsOf<T>;
}

describe("summaries per question type", () => {
  it("Likert: distribution 1–5, mean and n", () => {
    const s = overall(summarizeQuestion(trust, from("BUSINESS", [5, 4, 4, 2, 1, 4]), named), "LIKERT");
    expect(s.n).toBe(6);
    expect(s.distribution.map((d) => [d.id, d.count])).toEqual([
      [1, 1],
      [2, 1],
      [3, 0],
      [4, 3],
      [5, 1],
    ]);
    expect(s.distribution[3]!.share).toBeCloseTo(0.5);
    expect(s.mean).toBeCloseTo(20 / 6);
  });

  it("multiple choice is counted per option, not per combination", () => {
    const answers = from("BUSINESS", [
      ["uas", "continuing"],
      ["continuing"],
      ["vocational", "continuing", "apprenticeship"],
      ["none"],
      ["continuing", "uas"],
    ]);
    const s = overall(summarizeQuestion(training, answers, named), "MULTIPLE_CHOICE");
    expect(s.n).toBe(5);
    expect(Object.fromEntries(s.options.map((o) => [o.id, o.count]))).toEqual({
      vocational: 1,
      uas: 2,
      university: 0,
      continuing: 4,
      apprenticeship: 1,
      tailored: 0,
      none: 1,
    });
    expect(s.options.find((o) => o.id === "continuing")!.share).toBeCloseTo(0.8);
    expect(s.options.find((o) => o.id === "uas")!.share).toBeCloseTo(0.4);
    // Shares are of respondents, so they add up to more than one: 9 ticks by 5 people.
    expect(s.selections).toBe(9);
    expect(s.options.reduce((sum, o) => sum + o.share!, 0)).toBeCloseTo(1.8);
    expect(s.options.map((o) => o.id)).not.toContain("uas,continuing");
    expect(s.noneSelected).toBe(0);
  });

  it("multiple choice over the skill list counts empty answers as respondents who ticked nothing", () => {
    const answers = from("BUSINESS", [["Hitsaus"], [], ["Hitsaus", "Logistiikka"], ["Rakennuspeltisepät"]]);
    const s = overall(summarizeQuestion(hardToFill, answers, named), "MULTIPLE_CHOICE");
    expect(s.options.map((o) => [o.id, o.count])).toEqual([
      ["Hitsaus", 2],
      ["Automaatio", 0],
      ["Kaivosten sähkötyöt", 0],
      ["Logistiikka", 1],
      ["Rakennuspeltisepät", 1], // no longer on the list, still counted, after the list
    ]);
    expect(s.noneSelected).toBe(1);
    expect(s.n).toBe(4);
  });

  it("single choice: counts and shares per option in option order", () => {
    const answers = from("PUBLIC", ["location", "few-applicants", "location", "not-recruiting"]);
    const s = overall(summarizeQuestion(obstacle, answers, named), "SINGLE_CHOICE");
    expect(s.options.filter((o) => o.count > 0).map((o) => [o.id, o.count, o.share])).toEqual([
      ["few-applicants", 1, 0.25],
      ["location", 2, 0.5],
      ["not-recruiting", 1, 0.25],
    ]);
    expect(s.options).toHaveLength(7);
  });

  it("numbers: n, sum, mean, median, min, max", () => {
    const even = overall(summarizeQuestion(hiring, from("BUSINESS", [0, 3, 12, 5]), named), "NUMBER");
    expect(even).toEqual({ type: "NUMBER", n: 4, sum: 20, mean: 5, median: 4, min: 0, max: 12 });
    const odd = overall(summarizeQuestion(hiring, from("BUSINESS", [7, 1, "3"]), named), "NUMBER");
    expect([odd.median, odd.sum]).toEqual([3, 11]);
    const none = overall(summarizeQuestion(hiring, [], named), "NUMBER");
    expect(none).toEqual({ type: "NUMBER", n: 0, sum: 0, mean: null, median: null, min: null, max: null });
  });

  it("free text: n and the texts, sorted so their order says nothing about who wrote when", () => {
    const s = overall(
      summarizeQuestion(
        bottleneck,
        from(null, ["Työvoiman asunnot", "Ajokortit", "Äkilliset lomautukset"]),
        named,
      ),
      "FREE_TEXT",
    );
    expect(s).toEqual({
      type: "FREE_TEXT",
      n: 3,
      texts: ["Ajokortit", "Työvoiman asunnot", "Äkilliset lomautukset"],
    });
  });

  it("leaves out stored answers that no longer fit, and says how many", () => {
    const summary = summarizeQuestion(trust, from("BUSINESS", [4, 7, "x", 3]), named);
    expect([summary.n, summary.invalid]).toEqual([2, 2]);
  });
});

describe("skill-need grid", () => {
  const cells = (horizon: 1 | 5, skill: string, levels: DemandLevel[]) =>
    levels.map((level) => ({ skill, horizon, level }));
  /** Three respondents; column i of every list is respondent i. */
  function grid(rows: [1 | 5, string, DemandLevel[]][]): unknown[][] {
    const perRespondent: unknown[][] = [[], [], []];
    for (const [horizon, skill, levels] of rows)
      for (const [i, cell] of cells(horizon, skill, levels).entries()) perRespondent[i]!.push(cell);
    return perRespondent;
  }
  const answers = grid([
    [1, "Hitsaus", ["GROWING", "STRONGLY_GROWING", "GROWING"]],
    [1, "Automaatio", ["STABLE", "GROWING", "STABLE"]],
    [1, "Kaivosten sähkötyöt", ["DECREASING", "STABLE", "STABLE"]],
    [1, "Logistiikka", ["GROWING", "STABLE", "DECREASING"]],
    [5, "Hitsaus", ["STABLE", "STABLE", "DECREASING"]],
    [5, "Automaatio", ["STRONGLY_GROWING", "STRONGLY_GROWING", "GROWING"]],
    [5, "Kaivosten sähkötyöt", ["GROWING", "GROWING", "STABLE"]],
  ]);

  it("counts levels and scores each skill per horizon", () => {
    const s = overall(summarizeQuestion(skillsDemand, from("BUSINESS", answers), named), "SKILL_GRID");
    expect(s.n).toBe(3);
    expect(s.horizons).toEqual([1, 5]);
    const cell = s.cells.find((c) => c.skill === "Hitsaus" && c.horizon === 1)!;
    expect(cell).toMatchObject({
      hidden: false,
      n: 3,
      counts: { DECREASING: 0, STABLE: 0, GROWING: 2, STRONGLY_GROWING: 1 },
    });
    expect(!cell.hidden && cell.score).toBeCloseTo(4 / 3);
    expect(!cell.hidden && cell.growingShare).toBe(1);
    const unrated = s.cells.find((c) => c.skill === "Logistiikka" && c.horizon === 5)!;
    expect(unrated).toMatchObject({ hidden: false, n: 0, score: null });
  });

  it("ranks skills by growing demand, separately for each horizon", () => {
    const s = overall(summarizeQuestion(skillsDemand, from("BUSINESS", answers), named), "SKILL_GRID");
    const ranking = (h: number) =>
      s.rankings
        .find((r) => r.horizon === h)!
        .skills.map((x) => [x.rank, x.skill, Number(x.score.toFixed(3))]);
    expect(ranking(1)).toEqual([
      [1, "Hitsaus", 1.333],
      [2, "Automaatio", 0.333],
      [3, "Logistiikka", 0],
      [4, "Kaivosten sähkötyöt", -0.333],
    ]);
    expect(ranking(5)).toEqual([
      [1, "Automaatio", 1.667],
      [2, "Kaivosten sähkötyöt", 0.667],
      [3, "Hitsaus", -0.333],
    ]);
  });

  it("gives equal scores the same rank, the one more often growing first", () => {
    const tie = grid([
      [1, "Hitsaus", ["STRONGLY_GROWING", "STABLE", "STABLE"]],
      [1, "Automaatio", ["GROWING", "GROWING", "STABLE"]],
      [1, "Logistiikka", ["STABLE", "STABLE", "STABLE"]],
    ]);
    const s = overall(summarizeQuestion(skillsDemand, from("EDUCATION", tie), named), "SKILL_GRID");
    expect(s.rankings[0]!.skills.map((x) => [x.rank, x.skill])).toEqual([
      [1, "Automaatio"],
      [1, "Hitsaus"],
      [3, "Logistiikka"],
    ]);
  });

  it("hides cells rated by fewer than 3 in an anonymous pulse and leaves them out of the ranking", () => {
    const fewer = [...answers];
    fewer[2] = (fewer[2] as { skill: string }[]).filter((c) => c.skill !== "Automaatio");
    const s = overall(summarizeQuestion(skillsDemand, from("BUSINESS", fewer), anonymous), "SKILL_GRID");
    expect(s.cells.find((c) => c.skill === "Automaatio" && c.horizon === 1)).toEqual({
      skill: "Automaatio",
      horizon: 1,
      hidden: true,
    });
    expect(s.rankings[0]!.skills.map((x) => x.skill)).toEqual([
      "Hitsaus",
      "Logistiikka",
      "Kaivosten sähkötyöt",
    ]);
    const shown = overall(summarizeQuestion(skillsDemand, from("BUSINESS", fewer), named), "SKILL_GRID");
    expect(shown.cells.find((c) => c.skill === "Automaatio" && c.horizon === 1)).toMatchObject({
      hidden: false,
      n: 2,
    });
  });
});

describe("breakdowns by stakeholder type", () => {
  it("hides groups with fewer than 3 answers: marked hidden, never shown as zero", () => {
    const answers = [
      ...from("BUSINESS", [5, 4, 4]),
      ...from("EDUCATION", [2, 3, 3, 1]),
      ...from("PUBLIC", [5]),
    ];
    // 8 answers; PUBLIC 1 and RESEARCH 0 hidden; the remainder (1) would give PUBLIC's answer away…
    const summary = summarizeQuestion(trust, answers, named) as SummaryOf<"LIKERT">;
    expect(summary.byStakeholderType.PUBLIC).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    expect(summary.byStakeholderType.RESEARCH).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    // …so the smallest shown group goes too: overall − BUSINESS − EDUCATION would be PUBLIC's 5.
    expect(summary.byStakeholderType.BUSINESS).toEqual({ hidden: true, reason: "COMPLEMENTARY" });
    const education = summary.byStakeholderType.EDUCATION;
    expect(!education.hidden && [education.stats.n, education.stats.mean]).toEqual([4, 2.25]);
    expect(summary.overall.hidden).toBe(false);
  });

  it("needs no complementary hiding when the hidden remainder is empty or at least 3", () => {
    const sizes = { BUSINESS: 4, EDUCATION: 3, PUBLIC: 0, RESEARCH: 0 };
    expect(hideSmallGroups(sizes, 7)).toEqual({
      BUSINESS: null,
      EDUCATION: null,
      PUBLIC: "FEWER_THAN_3",
      RESEARCH: "FEWER_THAN_3",
    });
    expect(hideSmallGroups({ BUSINESS: 4, EDUCATION: 3, PUBLIC: 2, RESEARCH: 1 }, 10)).toEqual({
      BUSINESS: null,
      EDUCATION: null,
      PUBLIC: "FEWER_THAN_3",
      RESEARCH: "FEWER_THAN_3",
    });
  });

  it("counts respondents without a stakeholder type in the remainder", () => {
    const answers = [...from("BUSINESS", [1, 2, 3]), ...from("EDUCATION", [3, 4, 5, 5]), ...from(null, [5])];
    const summary = summarizeQuestion(trust, answers, named);
    expect(summary.byStakeholderType.BUSINESS).toEqual({ hidden: true, reason: "COMPLEMENTARY" });
    expect(summary.byStakeholderType.EDUCATION.hidden).toBe(false);
  });

  it("hides the overall figure under 3 answers in an anonymous pulse only", () => {
    const two = from("BUSINESS", [5, 1]);
    const hidden = summarizeQuestion(trust, two, anonymous);
    expect(hidden.n).toBe(2);
    expect(hidden.overall).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    const shown = summarizeQuestion(trust, two, named);
    expect(overall(shown, "LIKERT").mean).toBe(3);
    expect(shown.byStakeholderType.BUSINESS.hidden).toBe(true);
    expect(summarizeQuestion(trust, from("BUSINESS", [5, 1, 3]), anonymous).overall.hidden).toBe(false);
  });
});

describe("a whole pulse", () => {
  it("summarises each question from the responses that answered it", () => {
    const pulse = summarizePulse({
      questions: [trust, hiring, bottleneck],
      anonymous: false,
      responses: [
        { stakeholderType: "BUSINESS", answers: { "cluster-trust": 4, "hiring-next-12m": 3 } },
        {
          stakeholderType: "EDUCATION",
          answers: { "cluster-trust": 2, "hiring-next-12m": 0, "biggest-bottleneck": "x" },
        },
        { stakeholderType: null, answers: { "cluster-trust": 3 } },
      ],
    });
    expect(pulse.respondents).toBe(3);
    expect(pulse.questions.map((q) => [q.key, q.n])).toEqual([
      ["cluster-trust", 3],
      ["hiring-next-12m", 2],
      ["biggest-bottleneck", 1],
    ]);
  });
});

describe("compareCycles", () => {
  it("Likert: change in mean and in the share of each answer", () => {
    const before = summarizeQuestion(trust, from("BUSINESS", [3, 3, 4]), anonymous);
    const now = summarizeQuestion(trust, from("BUSINESS", [4, 4, 5, 5]), anonymous);
    const c = compareCycles(before, now);
    if (!c.comparable || c.type !== "LIKERT") throw new Error("not comparable");
    expect(c.n).toEqual({ previous: 3, current: 4 });
    expect(c.mean.previous).toBeCloseTo(10 / 3);
    expect(c.mean.current).toBe(4.5);
    expect(c.mean.change).toBeCloseTo(4.5 - 10 / 3);
    expect(c.shares.find((s) => s.id === 3)!.change).toBeCloseTo(-2 / 3);
    expect(c.shares.find((s) => s.id === 5)!.change).toBeCloseTo(0.5);
  });

  it("multiple choice: change in the share of each option", () => {
    const before = summarizeQuestion(
      training,
      from("BUSINESS", [["uas"], ["uas", "continuing"], ["none"], ["vocational"]]),
      named,
    );
    const now = summarizeQuestion(training, from("BUSINESS", [["continuing"], ["uas", "continuing"]]), named);
    const c = compareCycles(before, now);
    if (!c.comparable || c.type !== "MULTIPLE_CHOICE") throw new Error("not comparable");
    const byId = Object.fromEntries(c.shares.map((s) => [s.id, s.change]));
    expect(byId.continuing).toBeCloseTo(1 - 0.25);
    expect(byId.uas).toBeCloseTo(0.5 - 0.5);
    expect(byId.none).toBeCloseTo(-0.25);
  });

  it("numbers: change in mean, median and sum", () => {
    const c = compareCycles(
      summarizeQuestion(hiring, from("BUSINESS", [2, 4, 6]), named),
      summarizeQuestion(hiring, from("BUSINESS", [10, 0, 5, 5]), named),
    );
    if (!c.comparable || c.type !== "NUMBER") throw new Error("not comparable");
    expect([c.mean.change, c.median.change, c.sum.change]).toEqual([1, 1, 8]);
  });

  it("skill grid: change in score and in rank per horizon", () => {
    const answer = (hitsaus: DemandLevel, automaatio: DemandLevel) => [
      { skill: "Hitsaus", horizon: 1, level: hitsaus },
      { skill: "Automaatio", horizon: 1, level: automaatio },
    ];
    const before = summarizeQuestion(
      skillsDemand,
      from("BUSINESS", [
        answer("STABLE", "GROWING"),
        answer("STABLE", "STRONGLY_GROWING"),
        answer("GROWING", "GROWING"),
      ]),
      named,
    );
    const now = summarizeQuestion(
      skillsDemand,
      from("BUSINESS", [
        answer("STRONGLY_GROWING", "STABLE"),
        answer("GROWING", "STABLE"),
        answer("GROWING", "DECREASING"),
      ]),
      named,
    );
    const c = compareCycles(before, now);
    if (!c.comparable || c.type !== "SKILL_GRID") throw new Error("not comparable");
    const h1 = c.horizons.find((h) => h.horizon === 1)!;
    const hitsaus = h1.skills.find((s) => s.skill === "Hitsaus")!;
    expect(hitsaus.rank).toEqual({ previous: 2, current: 1, change: 1 });
    expect(hitsaus.score.change).toBeCloseTo(4 / 3 - 1 / 3);
    const automaatio = h1.skills.find((s) => s.skill === "Automaatio")!;
    expect(automaatio.rank).toEqual({ previous: 1, current: 2, change: -1 });
    expect(automaatio.score.change).toBeCloseTo(-1 / 3 - 4 / 3);
    expect(h1.skills[0]!.skill).toBe("Hitsaus"); // in the current ranking's order
    const h5 = c.horizons.find((h) => h.horizon === 5)!;
    expect(h5.skills.every((s) => s.score.change === null)).toBe(true);
  });

  it("is unavailable when either cycle is hidden, has no answers, or the type changed", () => {
    const few = summarizeQuestion(trust, from("BUSINESS", [4, 5]), anonymous);
    const enough = summarizeQuestion(trust, from("BUSINESS", [4, 5, 3]), anonymous);
    expect(compareCycles(few, enough)).toEqual({ key: "cluster-trust", comparable: false, reason: "HIDDEN" });
    const empty = summarizeQuestion(trust, [], named);
    expect(compareCycles(empty, enough)).toMatchObject({ comparable: false, reason: "NO_ANSWERS" });
    const asNumber = summarizeQuestion(
      { ...hiring, key: "cluster-trust" },
      from("BUSINESS", [1, 2, 3]),
      named,
    );
    expect(compareCycles(asNumber, enough)).toMatchObject({ comparable: false, reason: "TYPE_CHANGED" });
    expect(() => compareCycles(summarizeQuestion(hiring, [], named), enough)).toThrow(RangeError);
  });
});

describe("responseRate", () => {
  it("counts invited, started and completed overall and by stakeholder type", () => {
    const p = (stakeholderType: StakeholderType | null, status: ParticipationRecord["status"], times = 1) =>
      Array.from({ length: times }, (): ParticipationRecord => ({ stakeholderType, status }));
    const rate = responseRate(
      [
        ...p("BUSINESS", "COMPLETED", 3),
        ...p("BUSINESS", "INVITED"),
        ...p("EDUCATION", "STARTED"),
        ...p("EDUCATION", "COMPLETED"),
        ...p("RESEARCH", "INVITED", 2),
        ...p(null, "COMPLETED"),
      ],
      { anonymous: false },
    );
    expect(rate.overall).toEqual({ invited: 9, started: 1, completed: 5, rate: 5 / 9 });
    expect(rate.byStakeholderType).toEqual({
      BUSINESS: { invited: 4, started: 0, completed: 3, rate: 0.75 },
      EDUCATION: { invited: 2, started: 1, completed: 1, rate: 0.5 },
      PUBLIC: { invited: 0, started: 0, completed: 0, rate: null },
      RESEARCH: { invited: 2, started: 0, completed: 0, rate: 0 },
    });
    expect(rate.unspecified).toEqual({ invited: 1, started: 0, completed: 1, rate: 1 });
  });

  it("anonymous: hides groups invited fewer than 3, then complementary groups, never an empty one", () => {
    const p = (stakeholderType: StakeholderType | null, status: ParticipationRecord["status"], times = 1) =>
      Array.from({ length: times }, (): ParticipationRecord => ({ stakeholderType, status }));
    const anonymous = { anonymous: true };
    // EDUCATION 2 and no-type 1 hidden: the remainder is 3, so BUSINESS 4 and RESEARCH 3 stay.
    const rate = responseRate(
      [
        ...p("BUSINESS", "COMPLETED", 3),
        ...p("BUSINESS", "INVITED"),
        ...p("EDUCATION", "COMPLETED", 2),
        ...p("RESEARCH", "INVITED", 3),
        ...p(null, "COMPLETED"),
      ],
      anonymous,
    );
    expect(rate.overall).toEqual({ invited: 10, started: 0, completed: 6, rate: 0.6 });
    expect(rate.byStakeholderType).toEqual({
      BUSINESS: { invited: 4, started: 0, completed: 3, rate: 0.75 },
      EDUCATION: { hidden: true, reason: "FEWER_THAN_3" },
      PUBLIC: { invited: 0, started: 0, completed: 0, rate: null },
      RESEARCH: { invited: 3, started: 0, completed: 0, rate: 0 },
    });
    expect(rate.unspecified).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    // A lone RESEARCH member: hidden, and the smallest other group with them (the remainder was 1).
    const lone = responseRate(
      [...p("BUSINESS", "INVITED", 4), ...p("PUBLIC", "INVITED", 3), ...p("RESEARCH", "COMPLETED")],
      anonymous,
    );
    expect(lone.byStakeholderType.RESEARCH).toEqual({ hidden: true, reason: "FEWER_THAN_3" });
    expect(lone.byStakeholderType.PUBLIC).toEqual({ hidden: true, reason: "COMPLEMENTARY" });
    expect(lone.byStakeholderType.BUSINESS).toMatchObject({ invited: 4 });
    // Applied again (a stored rate read back), it changes nothing.
    expect(hideSmallRateGroups(lone)).toEqual(lone);
  });
});
