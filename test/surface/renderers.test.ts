import { describe, expect, it } from "vitest";
import { renderMessage, renderModal, SLACK_LIMITS } from "../../src/platforms/slack/render-block-kit.ts";
import {
  renderCard,
  renderFormCard,
  TEAMS_LIMITS,
  toCardMarkdown,
} from "../../src/platforms/teams/render-adaptive-card.ts";
import { translator } from "../../src/surface/i18n/catalog.ts";
import type { Form, View } from "../../src/surface/view.ts";
import { cardViolations } from "../fakes/adaptive-card-rules.ts";

const long = "x".repeat(5000);
const sample: View = {
  fallback: "Energy <b>",
  elements: [
    { type: "text", text: "*Energy* at a glance", style: "heading" },
    { type: "text", text: `<!channel> ${long}` },
    { type: "fields", fields: Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: `v${i}` })) },
    {
      type: "actions",
      buttons: [
        {
          type: "button",
          actionId: "ennakko.join-cluster",
          label: "J".repeat(100),
          value: "1",
          style: "primary",
        },
      ],
    },
    { type: "divider" },
    { type: "image", url: "https://example.invalid/chart.png", alt: "chart" },
  ],
};
const form: Form = {
  formId: "ennakko.setup-cluster",
  title: "A very long modal title that Slack would refuse",
  submitLabel: "Create",
  cancelLabel: "Cancel",
  metadata: '{"channelId":"C1"}',
  elements: [
    { type: "input", id: "name", label: "Name", initial: "Energy", maxLength: 80 },
    {
      type: "select",
      id: "locale",
      label: "Language",
      options: [{ label: "suomi", value: "fi" }],
      initial: "fi",
    },
  ],
};

describe("Block Kit renderer", () => {
  it("respects Slack's limits and escapes user text", () => {
    const { text, blocks } = renderMessage(sample);
    expect(text).toBe("Energy &lt;b&gt;");
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Energy at a glance", emoji: true },
    });
    expect(blocks[1]!.text.text.length).toBe(SLACK_LIMITS.sectionText);
    expect(blocks[1]!.text.text.startsWith("&lt;!channel&gt;")).toBe(true);
    expect(blocks.filter((b) => b.fields).map((b) => b.fields.length)).toEqual([10, 2]);
    expect(blocks.find((b) => b.type === "actions")!.elements[0].text.text.length).toBe(
      SLACK_LIMITS.buttonText,
    );
  });

  it("renders a form as a modal with input blocks keyed by field id", () => {
    const modal = renderModal(form);
    expect(modal.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    expect(modal.callback_id).toBe("ennakko.setup-cluster");
    expect(modal.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(["name", "locale"]);
    expect(modal.blocks[1].element.initial_option.value).toBe("fi");
  });
});

describe("Adaptive Card renderer", () => {
  it("uses Action.Execute and card markdown", () => {
    const card = renderCard(sample);
    expect(card.version).toBe("1.5");
    expect(card.body[0]).toMatchObject({
      type: "TextBlock",
      text: "**Energy** at a glance",
      weight: "Bolder",
    });
    expect(card.body.find((b: { type: string }) => b.type === "ActionSet").actions[0]).toMatchObject({
      type: "Action.Execute",
      verb: "ennakko.join-cluster",
      data: { value: "1" },
    });
    expect(card.body.find((b: { type: string }) => b.type === "FactSet").facts).toHaveLength(12);
  });

  it("renders forms with inputs and field errors under the field", () => {
    const card = renderFormCard(form, translator("en"), { name: "Too short" });
    expect(card.actions[0]).toMatchObject({
      type: "Action.Execute",
      verb: "ennakko.setup-cluster",
      data: { formId: "ennakko.setup-cluster" },
    });
    const types = card.body.map((b: { type: string; text?: string }) => b.text ?? b.type);
    expect(types).toEqual([form.title, "Input.Text", "Too short", "Input.ChoiceSet"]);
  });

  it("gives every required input the error Teams shows when it is left empty, in the reader's language", () => {
    const card = renderFormCard(form, translator("fi"));
    const inputs = card.body.filter((b: { type: string }) => b.type.startsWith("Input."));
    expect(inputs.filter((i: { isRequired?: boolean }) => i.isRequired)).toHaveLength(2);
    for (const input of inputs.filter((i: { isRequired?: boolean }) => i.isRequired))
      expect(input.errorMessage).toBe(translator("fi")("form.required"));
    // Microsoft's SDK, as the strict connector fake reads cards, finds nothing to refuse.
    expect(cardViolations(card)).toEqual([]);
  });

  it("stays under Teams' message size by dropping the tail", () => {
    const huge: View = {
      fallback: "big",
      elements: Array.from({ length: 200 }, () => ({ type: "text" as const, text: "y".repeat(1000) })),
    };
    expect(Buffer.byteLength(JSON.stringify(renderCard(huge)))).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
  });

  it("converts only real bold markers", () => {
    expect(toCardMarkdown("*Energy* and 2*3*4")).toBe("**Energy** and 2*3*4");
  });
});
