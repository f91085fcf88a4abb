// The multi-select element on both platforms: Slack's multi_static_select, Teams' Input.ChoiceSet with
// isMultiSelect (whose value is one comma-separated string).
import { describe, expect, it } from "vitest";
import { translator } from "../../src/kernel/i18n/catalog.ts";
import type { Form } from "../../src/kernel/surface/view.ts";
import { renderModal } from "../../src/platforms/slack/render-block-kit.ts";
import { renderFormCard } from "../../src/platforms/teams/render-adaptive-card.ts";

const form = (initial?: string[]): Form => ({
  formId: "ennakko.record-attendance",
  title: "Attendance",
  submitLabel: "Save",
  cancelLabel: "Cancel",
  metadata: "{}",
  elements: [
    {
      type: "multiselect",
      id: "present",
      label: "Present",
      optional: true,
      options: [
        { label: "Aino", value: "a" },
        { label: "Emma", value: "e" },
        { label: "Olli", value: "o" },
      ],
      ...(initial ? { initial } : {}),
    },
  ],
});

describe("multi-select", () => {
  it("renders as a multi_static_select input block on Slack, preselecting known values only", () => {
    const [block] = renderModal(form(["e", "o", "gone"])).blocks;
    expect(block).toMatchObject({ type: "input", block_id: "present", optional: true });
    expect(block.element).toMatchObject({ type: "multi_static_select", action_id: "present" });
    expect(block.element.initial_options.map((o: { value: string }) => o.value)).toEqual(["e", "o"]);
    expect(renderModal(form()).blocks[0].element.initial_options).toBeUndefined();
  });

  it("renders as a multi-select ChoiceSet on Teams with a comma-separated value", () => {
    const input = renderFormCard(form(["a", "o"]), translator("en")).body.find(
      (e: { id?: string }) => e.id === "present",
    );
    expect(input).toMatchObject({
      type: "Input.ChoiceSet",
      isMultiSelect: true,
      isRequired: false,
      value: "a,o",
      choices: [
        { title: "Aino", value: "a" },
        { title: "Emma", value: "e" },
        { title: "Olli", value: "o" },
      ],
    });
    expect(renderFormCard(form([]), translator("en")).body[1]).not.toHaveProperty("value");
  });
});
