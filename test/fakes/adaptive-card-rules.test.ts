// Each rule of the strict Bot Connector fake fires on a known-bad card, and stays quiet on a good one:
// a strict fake that never refuses proves nothing.
import { describe, expect, it } from "vitest";
import {
  ADAPTIVE_CARD,
  activityViolations,
  type CardRule,
  cardsInInvokeAnswer,
  cardViolations,
  TEAMS_MAX_ACTIVITY_BYTES,
} from "./adaptive-card-rules.ts";

type Json = Record<string, unknown>;
const card = (body: Json[], extra: Json = {}): Json => ({
  type: "AdaptiveCard",
  version: "1.5",
  body,
  ...extra,
});
const rules = (c: unknown): CardRule[] => cardViolations(c).map((v) => v.rule);
const text = (t: string) => ({ type: "TextBlock", text: t, wrap: true });
const required = (input: Json) => ({ isRequired: true, label: "Label", errorMessage: "Needed", ...input });

describe("Adaptive Card rules", () => {
  it("accept a card Teams shows: inputs with labels and error messages, actions, 1.5 elements", () => {
    const good = card(
      [
        text("Hello"),
        required({ type: "Input.Text", id: "name" }),
        required({ type: "Input.ChoiceSet", id: "pick", choices: [{ title: "A", value: "a" }] }),
        { type: "Table", columns: [{ width: 1 }], rows: [{ type: "TableRow", cells: [] }] },
        { type: "ActionSet", actions: [{ type: "Action.Execute", title: "Go", verb: "go" }] },
      ],
      { actions: [{ type: "Action.Execute", title: "Submit", verb: "submit" }] },
    );
    expect(cardViolations(good)).toEqual([]);
  });

  it("refuse a choice set with no choices (sdk-validation)", () => {
    const bad = card([required({ type: "Input.ChoiceSet", id: "pick", choices: [] })]);
    expect(cardViolations(bad)).toEqual([
      {
        rule: "sdk-validation",
        message: "CollectionCantBeEmpty: An Input.ChoiceSet must have at least one choice defined.",
      },
    ]);
  });

  it("refuse a required input without an error message (sdk-validation)", () => {
    const bad = card([{ type: "Input.Text", id: "name", label: "Name", isRequired: true }]);
    expect(cardViolations(bad)).toEqual([
      {
        rule: "sdk-validation",
        message: "RequiredInputsShouldHaveErrorMessage: Required inputs should have an error message",
      },
    ]);
  });

  it("refuse duplicate input ids (sdk-validation)", () => {
    const bad = card([
      { type: "Input.Text", id: "x", label: "A" },
      { type: "Input.Text", id: "x", label: "B" },
    ]);
    expect(rules(bad)).toEqual(["sdk-validation"]);
    expect(cardViolations(bad)[0]!.message).toContain("Duplicate Id");
  });

  it("refuse a property value the SDK cannot read (sdk-parse)", () => {
    const bad = card([{ type: "TextBlock", text: "x", size: "Enormous" }]);
    expect(rules(bad)).toEqual(["sdk-parse"]);
  });

  it("refuse what is not an Adaptive Card at all (sdk-parse)", () => {
    expect(rules({ type: "MessageCard", text: "x" })).toEqual(["sdk-parse"]);
  });

  it("refuse a missing version, a malformed one, and one newer than Teams renders everywhere (version)", () => {
    expect(rules({ type: "AdaptiveCard", body: [] })).toEqual(["version"]);
    expect(rules(card([], { version: "one" }))).toEqual(["version"]);
    expect(rules(card([], { version: "1.6" }))).toEqual(["version"]);
    expect(rules(card([], { version: "1.4" }))).toEqual([]);
  });

  it("refuse elements, actions and properties newer than the card's declared version (element-version)", () => {
    const table = { type: "Table", columns: [], rows: [] };
    expect(rules(card([table], { version: "1.2" }))).toEqual(["element-version"]);
    const execute = { type: "Action.Execute", title: "Go", verb: "go" };
    expect(rules(card([], { version: "1.3", actions: [execute] }))).toEqual(["element-version"]);
    // Input labels came in 1.3.
    const labelled = { type: "Input.Text", id: "x", label: "X" };
    expect(rules(card([labelled], { version: "1.2" }))).toEqual(["element-version"]);
  });

  it("refuse a Teams-only element (a chart) without a fallback, and check the fallback it carries (fallback)", () => {
    const chart = { type: "Chart.Pie", title: "Votes", data: [{ legend: "Yes", value: 3 }] };
    expect(rules(card([chart]))).toEqual(["fallback"]);
    expect(rules(card([{ ...chart, fallback: text("Yes: 3") }]))).toEqual([]);
    // The fallback is read as the card: here it is itself broken.
    const brokenFallback = { ...chart, fallback: { type: "Input.ChoiceSet", id: "c", choices: [] } };
    expect(rules(card([brokenFallback]))).toEqual(["sdk-validation"]);
    // Nested: inside a container, and an unknown action.
    const nested = card([{ type: "Container", items: [chart] }], {
      actions: [{ type: "Action.Teleport", title: "Go" }],
    });
    expect(rules(nested)).toEqual(["fallback", "fallback"]);
  });

  it("refuse a chart whose type or data Teams does not know, or that declares too old a version (chart)", () => {
    const fallback = text("Welding: 3");
    const good = [
      { type: "Chart.HorizontalBar", data: [{ x: "Welding", y: 3 }], fallback },
      { type: "Chart.Pie", data: [{ legend: "Welding", value: 3 }], fallback },
      {
        type: "Chart.VerticalBar.Grouped",
        data: [{ legend: "in 1 year", values: [{ x: "Welding", y: 1.5 }] }],
        fallback,
      },
    ];
    expect(rules(card(good))).toEqual([]);
    const bad: Json[] = [
      { type: "Chart.Radar", data: [{ x: "a", y: 1 }], fallback },
      { type: "Chart.HorizontalBar", data: [], fallback },
      { type: "Chart.HorizontalBar", data: [{ x: "Welding", y: "3" }], fallback },
      { type: "Chart.Pie", data: [{ x: "Welding", y: 3 }], fallback },
      { type: "Chart.VerticalBar.Grouped", data: [{ legend: "in 1 year", values: [] }], fallback },
      { type: "Chart.HorizontalBar", data: [{ x: "Welding", y: 3 }], fallback: "drop" },
    ];
    for (const chart of bad) expect(rules(card([chart])), JSON.stringify(chart)).toEqual(["chart"]);
    // Microsoft's chart samples declare 1.5; a 1.2 card with a chart is refused.
    expect(rules(card([good[0]!], { version: "1.2" }))).toEqual(["element-version"]);
  });

  it("refuse an activity over the message size limit (size), and the cards attached to it", () => {
    const big = "x".repeat(TEAMS_MAX_ACTIVITY_BYTES);
    const activity = {
      type: "message",
      attachments: [{ contentType: ADAPTIVE_CARD, content: card([text(big)]) }],
    };
    expect(activityViolations(activity, JSON.stringify(activity)).map((v) => v.rule)).toEqual(["size"]);
    const small = {
      type: "message",
      attachments: [{ contentType: ADAPTIVE_CARD, content: card([], { version: "2.0" }) }],
    };
    expect(activityViolations(small, JSON.stringify(small)).map((v) => v.rule)).toEqual(["version"]);
  });

  it("find the cards of an invoke answer wherever Teams reads them", () => {
    const a = card([text("a")]);
    const b = card([text("b")]);
    expect(cardsInInvokeAnswer({ statusCode: 200, type: ADAPTIVE_CARD, value: a })).toEqual([a]);
    expect(
      cardsInInvokeAnswer({
        composeExtension: { attachments: [{ contentType: ADAPTIVE_CARD, content: b }] },
      }),
    ).toEqual([b]);
    expect(cardsInInvokeAnswer({ statusCode: 200 })).toEqual([]);
  });
});
