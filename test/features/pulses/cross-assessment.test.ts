import { describe, expect, it } from "vitest";
import { summarizeQuestion } from "../../../src/features/pulses/domain/aggregate.ts";
import { scorecard, skillMatrix } from "../../../src/features/pulses/domain/cross-assessment.ts";
import type { QuestionDefinition } from "../../../src/features/pulses/domain/question-types.ts";

const grid: QuestionDefinition = {
  key: "skills-demand",
  type: "SKILL_GRID",
  text: { fi: "T", sv: "T", en: "T", nl: "T" },
  config: { required: true, horizons: [1] },
} as QuestionDefinition;

function statsOf(levels: string[][], anonymous = false) {
  const answers = levels.map((cells) => ({
    value: cells.map((level, i) => ({ skill: ["A", "B"][i]!, horizon: 1, level })),
    stakeholderType: null,
  }));
  const summary = summarizeQuestion(grid, answers, { anonymous, skills: ["A", "B"] });
  if (summary.overall.hidden || summary.overall.stats.type !== "SKILL_GRID") throw new Error("hidden");
  return summary.overall.stats;
}

describe("skill matrix", () => {
  it("counts a skill as growing from half of the respondents, and hides cells rated by fewer than 3 in named pulses too", () => {
    const x = statsOf([["GROWING", "GROWING"], ["STABLE", "GROWING"], ["GROWING"], ["DECREASING"]]);
    const y = statsOf([["STABLE"], ["STABLE"], ["STRONGLY_GROWING"]]);
    const [h1] = skillMatrix([
      { clusterId: "x", kind: "SHOWN", stats: x },
      { clusterId: "y", kind: "SHOWN", stats: y },
      { clusterId: "z", kind: "HIDDEN" },
      { clusterId: "w", kind: "NO_PULSE" },
    ]);
    expect(h1!.horizon).toBe(1);
    expect(h1!.rows).toEqual([
      {
        skill: "A",
        growingIn: 1,
        ratedIn: 2,
        cells: { x: "GROWING", y: "NOT_GROWING", z: "HIDDEN", w: "NO_DATA" },
      },
      {
        skill: "B",
        growingIn: 0,
        ratedIn: 0,
        cells: { x: "HIDDEN", y: "NO_DATA", z: "HIDDEN", w: "NO_DATA" },
      },
    ]);
  });

  it("has no horizons without a shown grid", () => {
    expect(skillMatrix([{ clusterId: "w", kind: "NO_PULSE" }])).toEqual([]);
  });
});

describe("measures scorecard", () => {
  it("splits open measures by the due date, counts done on time by the completion date, leaves cancelled out", () => {
    expect(
      scorecard(
        [
          { status: "PLANNED", dueDate: "2027-06-01", doneOn: null },
          { status: "BLOCKED", dueDate: "2027-05-31", doneOn: null },
          { status: "DONE", dueDate: "2027-05-31", doneOn: "2027-05-31" },
          { status: "DONE", dueDate: "2027-05-31", doneOn: "2027-06-01" },
          { status: "DONE", dueDate: "2027-05-31", doneOn: null },
          { status: "CANCELLED", dueDate: "2027-05-01", doneOn: null },
        ],
        "2027-06-01",
      ),
    ).toEqual({ open: 2, onTrack: 1, overdue: 1, done: 3, doneOnTime: 1, onTimeShare: 1 / 3, cancelled: 1 });
    expect(scorecard([], "2027-06-01").onTimeShare).toBeNull();
  });
});
