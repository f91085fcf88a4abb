// A neutral chart on both platforms: Slack's data_visualization block and Teams' Chart.* element, each
// passing the strict fakes' rules, with full labels readable (Slack cuts at 20 characters: the bar keeps
// its number and the legend under it gives the name) and the same data in words where no chart can be
// drawn (a third chart in a Slack message, a Teams client without charts).
import { describe, expect, it } from "vitest";
import type { ChartElement, View } from "../../src/kernel/surface/view.ts";
import { type Block, renderMessage } from "../../src/platforms/slack/render-block-kit.ts";
import { renderCard } from "../../src/platforms/teams/render-adaptive-card.ts";
import { cardViolations } from "../fakes/adaptive-card-rules.ts";
import { messageViolations } from "../fakes/block-kit-rules.ts";

const LONG = "Mine automation and remote operation";
const skills: ChartElement = {
  type: "chart",
  kind: "bar",
  title: "How will the demand for these skills change in your organisation?",
  categories: ["Welding", LONG],
  series: [
    { name: "in 1 year", values: [1.3, 0] },
    { name: "in 5 years", values: [0.7, 2] },
  ],
  summary: `Skills\n• Welding: in 1 year +1.3, in 5 years +0.7\n• ${LONG}: in 1 year 0, in 5 years +2`,
};
const message = (...charts: ChartElement[]): View => ({ fallback: "Results", elements: charts });
// biome-ignore lint/suspicious/noExplicitAny: walking rendered JSON.
type Json = Record<string, any>;

describe("charts on Slack", () => {
  it("a data_visualization block the strict rules accept, each skill once with its horizons as series", () => {
    const { blocks } = renderMessage(message(skills));
    expect(messageViolations({ text: "Results", blocks })).toEqual([]);
    const chart = blocks[0] as Json;
    expect(chart.type).toBe("data_visualization");
    expect(chart.chart.type).toBe("bar");
    expect(chart.chart.series.map((s: Json) => s.name)).toEqual(["in 1 year", "in 5 years"]);
    // The long skill is cut to Slack's 20 characters with its number, and named in full below.
    expect(chart.chart.axis_config.categories).toEqual(["Welding", "2. Mine automation…"]);
    expect(chart.title.length).toBeLessThanOrEqual(50);
    const legend = JSON.stringify(blocks[1]);
    expect(blocks[1]!.type).toBe("context");
    expect(legend).toContain(`2. ${LONG}`);
    expect(legend).toContain(skills.title);
  });

  it("a series name over 20 characters is lettered, so it never shares a number with a bar", () => {
    const long: ChartElement = { ...skills, series: [{ name: "Spring skills pulse 2027", values: [1, 2] }] };
    const { blocks } = renderMessage(message(long));
    expect(messageViolations({ text: "t", blocks })).toEqual([]);
    expect((blocks[0] as Json).chart.series[0].name).toBe("A. Spring skills pu…");
    expect(JSON.stringify(blocks[1])).toContain("A. Spring skills pulse 2027");
  });

  it("labels that fit go as they are, with no legend", () => {
    const short: ChartElement = { ...skills, title: "Skills", categories: ["Welding", "Guiding"] };
    const { blocks } = renderMessage(message(short));
    expect(blocks).toHaveLength(1);
    expect((blocks[0] as Json).chart.axis_config.categories).toEqual(["Welding", "Guiding"]);
  });

  it("a scale's labels keep their own numbers; labels equal after cutting are all numbered", () => {
    const scale: ChartElement = {
      ...skills,
      categories: ["1 Strongly disagree", "2 Neither agree nor disagree"],
      series: [{ name: "Spring", values: [0, 2] }],
    };
    const [block] = renderMessage(message(scale)).blocks as Json[];
    expect(block!.chart.axis_config.categories).toEqual(["1 Strongly disagree", "2 Neither agree nor…"]);
    const twins: ChartElement = {
      ...scale,
      categories: [`${LONG} north`, `${LONG} south`],
    };
    const { blocks } = renderMessage(message(twins));
    expect(messageViolations({ text: "t", blocks })).toEqual([]);
    expect((blocks[0] as Json).chart.axis_config.categories).toEqual([
      "1. Mine automation…",
      "2. Mine automation…",
    ]);
    expect(JSON.stringify(blocks[1])).toContain(`2. ${LONG} south`);
  });

  it("a third chart in a message, or one over Slack's counts, is its summary in words", () => {
    const { blocks } = renderMessage(message(skills, skills, skills));
    expect(messageViolations({ text: "t", blocks })).toEqual([]);
    expect(blocks.filter((b: Block) => b.type === "data_visualization")).toHaveLength(2);
    expect(JSON.stringify(blocks.at(-1))).toContain("in 5 years +2");
    const many: ChartElement = {
      ...skills,
      categories: Array.from({ length: 21 }, (_, i) => `Skill ${i}`),
      series: [{ name: "n", values: Array.from({ length: 21 }, () => 1) }],
    };
    const over = renderMessage(message(many)).blocks;
    expect(over.map((b: Block) => b.type)).toEqual(["section"]);
    const pie: ChartElement = {
      type: "chart",
      kind: "pie",
      title: "Roles",
      segments: [
        { label: "Welders", value: 2 },
        { label: "Guides", value: 0 },
      ],
      summary: "Roles\n• Welders: 2\n• Guides: 0",
    };
    const drawn = renderMessage(message(pie)).blocks as Json[];
    expect(messageViolations({ text: "t", blocks: drawn })).toEqual([]);
    expect(drawn[0]!.chart.segments).toEqual([{ label: "Welders", value: 2 }]);
  });
});

describe("charts on Teams", () => {
  it("a grouped bar chart with the full labels and a fallback in words, accepted by the strict rules", () => {
    const card = renderCard(message(skills));
    expect(cardViolations(card)).toEqual([]);
    const chart = card.body[0] as Json;
    expect(chart.type).toBe("Chart.VerticalBar.Grouped");
    expect(chart.data.map((s: Json) => s.legend)).toEqual(["in 1 year", "in 5 years"]);
    expect(chart.data[1].values).toEqual([
      { x: "Welding", y: 0.7 },
      { x: LONG, y: 2 },
    ]);
    expect(JSON.stringify(chart.fallback)).toContain(`${LONG}: in 1 year 0, in 5 years +2`);
  });

  it("one series is a horizontal bar chart; a pie is a pie", () => {
    const one = renderCard(message({ ...skills, series: [skills.series[0]!] }));
    expect(cardViolations(one)).toEqual([]);
    expect(one.body[0].type).toBe("Chart.HorizontalBar");
    expect(one.body[0].data).toEqual([
      { x: "Welding", y: 1.3 },
      { x: LONG, y: 0 },
    ]);
    const pie = renderCard(
      message({
        type: "chart",
        kind: "pie",
        title: "Roles",
        segments: [{ label: "Welders", value: 2 }],
        summary: "Roles",
      }),
    );
    expect(cardViolations(pie)).toEqual([]);
    expect(pie.body[0].type).toBe("Chart.Pie");
  });
});
