// The words and charts of pulse results, from known answers: the change since the previous cycle,
// small groups hidden, multiple choice counted per option, skills ranked per horizon, and a chart
// that is a real PNG. Composed by the real composer, as the outbox stores it. And anonymous pulses:
// hidden groups in the response rate, and a member's sheet after submitting.
import { describe, expect, it } from "vitest";
import type { PulseNotification } from "../../../src/features/pulses/app/notifications.ts";
import type { PulseSheet } from "../../../src/features/pulses/app/pulse-sheet-shape.ts";
import {
  compareCycles,
  responseRate,
  summarizePulse,
} from "../../../src/features/pulses/domain/aggregate.ts";
import type { QuestionDefinition } from "../../../src/features/pulses/domain/question-types.ts";
import { starterQuestion } from "../../../src/features/pulses/domain/starter-bank.ts";
import { rateLines } from "../../../src/features/pulses/surface/pulse-results-view.ts";
import { pulseSheetView } from "../../../src/features/pulses/surface/pulse-sheet-view.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { composeNotification } from "../../../src/kernel/surface/compose-notification.ts";
import type { ChartElement, Element, View } from "../../../src/kernel/surface/view.ts";

const question = (key: string): QuestionDefinition => starterQuestion(key)!;
const SKILLS = ["Welding", "Mine automation", "Guiding"];

function resultOf(
  q: QuestionDefinition,
  current: unknown[],
  previous: unknown[] | null,
  locale: "en" | "fi" = "en",
): View {
  const summarize = (values: unknown[]) =>
    summarizePulse({
      questions: [q],
      responses: values.map((value) => ({
        stakeholderType: "BUSINESS" as const,
        answers: { [q.key]: value },
      })),
      anonymous: true,
      skills: SKILLS,
    }).questions[0]!;
  const summary = summarize(current);
  const message: PulseNotification = {
    type: "pulse.question-result",
    pulseTitle: "Autumn",
    number: 1,
    question: q,
    summary,
    comparison: previous ? compareCycles(summarize(previous), summary) : null,
    previousTitle: previous ? "Spring" : null,
  };
  return composeNotification(message, locale);
}

const texts = (v: View) =>
  v.elements.filter((e): e is Extract<Element, { type: "text" }> => e.type === "text").map((e) => e.text);
const chartOf = (v: View) => v.elements.find((e): e is ChartElement => e.type === "chart");
const bars = (v: View) => {
  const chart = chartOf(v);
  if (chart?.kind !== "bar") throw new Error("no bar chart");
  return chart;
};

describe("pulse results, question by question", () => {
  it("Likert: the average, a native chart with every level, and the change since the previous cycle", () => {
    const view = resultOf(question("education-cooperation"), [4, 4, 5, 3], [2, 3, 4]);
    expect(texts(view)).toContain("4 answers, average 4 on a scale of 1–5.");
    expect(texts(view).join("\n")).toContain("Change since *Spring*:\naverage 3 → 4 (+1)");
    const chart = bars(view);
    expect(chart.categories).toHaveLength(5);
    expect(chart.series).toEqual([{ name: "Autumn", values: [0, 0, 1, 2, 1] }]);
    // The summary carries the numbers for screen readers: counts per level, in order, and so does
    // the message's notification text.
    expect(chart.summary).toMatch(
      /1 .*: 0 \(0%\)\n.*2 .*: 0 \(0%\)\n.*3 .*: 1 \(25%\)\n.*4 .*: 2 \(50%\)\n.*5 .*: 1 \(25%\)$/,
    );
    expect(view.fallback).toContain(chart.summary);
  });

  it("fewer than 3 answers: no numbers, no chart, and no change line", () => {
    const view = resultOf(question("education-cooperation"), [5, 1], [2, 3, 4]);
    expect(texts(view)).toEqual([
      expect.stringMatching(/^\*1\. /),
      "Fewer than 3 answers (2): not shown, to protect the respondents.",
    ]);
    expect(chartOf(view)).toBeUndefined();
  });

  it("multiple choice is counted per option, not per combination", () => {
    const view = resultOf(
      question("hard-to-fill-roles"),
      [["Welding", "Guiding"], ["Welding"], ["Welding", "Mine automation"]],
      null,
    );
    expect(texts(view)).toContain(
      "3 answers, 5 choices (counted per option; one person may choose several).",
    );
    expect(bars(view).summary).toContain("Welding: 3 (100%)");
    expect(bars(view).summary).toContain("Guiding: 1 (33%)");
  });

  it("skill-need grid: skills ranked by demand per horizon, in the reader's language", () => {
    const cell = (skill: string, horizon: number, level: string) => ({ skill, horizon, level });
    const answers = [
      [cell("Welding", 1, "STRONGLY_GROWING"), cell("Guiding", 1, "STABLE")],
      [cell("Welding", 1, "GROWING"), cell("Guiding", 1, "DECREASING")],
      [cell("Welding", 1, "GROWING"), cell("Guiding", 1, "GROWING")],
    ];
    const english = texts(resultOf(question("skills-demand"), answers, null)).join("\n");
    expect(english).toContain("*in 1 year*: 1. Welding (+1.3, 100%) · 2. Guiding (0, 33%)");
    // Finnish numbers: decimal comma, a no-break space before the per cent sign.
    const finnish = texts(resultOf(question("skills-demand"), answers, null, "fi"))
      .join("\n")
      .replace(/[\u00a0\u202f]/g, " ");
    expect(finnish).toContain("*1 vuoden päästä*: 1. Welding (+1,3, 100 %)");
  });

  it("skill-need chart: each skill once, one series per horizon, so the horizon of every bar is named", () => {
    const cell = (skill: string, horizon: number, level: string) => ({ skill, horizon, level });
    const answer = [
      cell("Welding", 1, "STRONGLY_GROWING"),
      cell("Welding", 5, "GROWING"),
      cell("Mine automation", 1, "STABLE"),
      cell("Mine automation", 5, "STRONGLY_GROWING"),
    ];
    const view = resultOf(question("skills-demand"), [answer, answer, answer], null);
    const chart = bars(view);
    expect(chart.categories).toEqual(["Welding", "Mine automation"]);
    const named = Object.fromEntries(chart.series.map((s) => [s.name, s.values]));
    expect(named["in 1 year"]).toEqual([2, 0]);
    expect(named["in 5 years"]).toEqual([1, 2]);
    expect(chart.summary).toContain("Welding: in 1 year +2");
    expect(chart.summary).toContain("Mine automation: in 1 year 0");
    expect(chart.summary).toMatch(/Mine automation: .*in 5 years \+2/);
  });
});

describe("anonymous pulses in words", () => {
  it("response rate: small stakeholder groups are named as hidden, with no figures", () => {
    const rate = responseRate(
      [
        ...Array.from({ length: 4 }, () => ({
          status: "COMPLETED" as const,
          stakeholderType: "BUSINESS" as const,
        })),
        { status: "INVITED", stakeholderType: "RESEARCH" },
      ],
      { anonymous: true },
    );
    const lines = rateLines(rate, translator("en"), "en").split("\n");
    expect(lines).toEqual([
      "All: 4/5 answered (80%), 0 started",
      "Not shown, to keep small groups anonymous: Business, Research",
    ]);
  });

  it("a submitted sheet drawn again says the answers are no longer linked, without 'not answered'", () => {
    const q = question("cluster-trust");
    const sheet: PulseSheet = {
      pulseId: "00000000-0000-4000-8000-000000000001",
      title: "Spring",
      clusterName: "Energy",
      timeZone: "Europe/Helsinki",
      anonymous: true,
      closesAt: new Date("2027-05-17T15:00:00Z"),
      state: "OPEN",
      questions: [q],
      skills: [],
      answers: {},
      token: null,
      submitted: true,
    };
    const t = translator("en");
    const later = texts(pulseSheetView(sheet, t, "en")).join("\n");
    expect(later).toContain(t("pulse.sheet.submittedUnlinked"));
    expect(later).not.toContain(t("pulse.sheet.notAnswered"));
    // Right after submitting the sheet still shows what was sent.
    const now = texts(pulseSheetView({ ...sheet, answers: { [q.key]: 4 } }, t, "en")).join("\n");
    expect(now).not.toContain(t("pulse.sheet.submittedUnlinked"));
    expect(now).toContain("Your answer: 4");
  });
});
