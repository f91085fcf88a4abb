import { describe, expect, it } from "vitest";
import { CATALOGS, translator } from "../../src/kernel/i18n/catalog.ts";
import { type Form, LINK_ACTION_ID, moment, type View } from "../../src/kernel/surface/view.ts";
import {
  renderHome,
  renderMessage,
  renderModal,
  SLACK_LIMITS,
} from "../../src/platforms/slack/render-block-kit.ts";
import {
  renderCard,
  renderFormCard,
  TEAMS_LIMITS,
  toCardMarkdown,
  toTeamsPlainText,
} from "../../src/platforms/teams/render-adaptive-card.ts";
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
    // The long text is split into sections within the limit (escaped), none cut with "…".
    const sections = blocks.filter((b) => b.type === "section" && b.text);
    expect(sections.length).toBeGreaterThan(1);
    for (const b of sections) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(sections.some((b) => b.text.text.endsWith("…"))).toBe(false);
    expect(blocks[1]!.text.text.startsWith("&lt;!channel&gt;")).toBe(true);
    expect(blocks.filter((b) => b.fields).map((b) => b.fields.length)).toEqual([10, 2]);
    expect(blocks.find((b) => b.type === "actions")!.elements[0].text.text.length).toBe(
      SLACK_LIMITS.buttonText,
    );
  });

  it("shows a member's link markup as text: Slack's <url|label>, and markdown's, which Slack never links", () => {
    const slackLink = "<https://evil.example/login|Click to verify>";
    const { text, blocks } = renderMessage({
      fallback: `Decision: ${slackLink}`,
      elements: [
        { type: "text", text: `📌 *Decision*: ${slackLink} & ${EVIL}` },
        { type: "fields", fields: [{ label: "Decision", value: slackLink }] },
      ],
    });
    const escaped = "&lt;https://evil.example/login|Click to verify&gt;";
    expect(text).toBe(`Decision: ${escaped}`);
    expect(blocks[0]!.text.text).toBe(`📌 *Decision*: ${escaped} &amp; ${EVIL}`);
    expect(blocks[1]!.fields[0].text).toBe(`*Decision*\n${escaped}`);
    expect(JSON.stringify(blocks)).not.toContain("<https://");
  });

  it("renders a form as a modal with input blocks keyed by field id", () => {
    const modal = renderModal(form);
    expect(modal.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    expect(modal.callback_id).toBe("ennakko.setup-cluster");
    expect(modal.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(["name", "locale"]);
    expect(modal.blocks[1].element.initial_option.value).toBe("fi");
  });
});

/** What a member might write to make a decision look like a link somewhere safe. */
const EVIL = "[Click to verify](https://evil.example/login)";
/** Markdown's inline and reference links, an image, anywhere in a text. */
const MARKDOWN_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\s*[([]|^\s*(?<!\\)\[[^\]]*(?<!\\)\]:/m;

describe("Adaptive Card renderer", () => {
  it("shows what members wrote as text: link markup escaped wherever it is; the bot's own links still open", () => {
    const card = renderCard({
      fallback: `Decision: ${EVIL}`,
      elements: [
        { type: "text", text: `📌 *Decision of Spring meeting*: ${EVIL}` },
        {
          type: "text",
          text: "[Minutes][1] ![logo](https://evil.example/x.png)\n[1]: https://evil.example",
          style: "muted",
        },
        { type: "text", text: `Sneaky \\${EVIL}` },
        { type: "fields", fields: [{ label: EVIL, value: EVIL }] },
        {
          type: "actions",
          buttons: [
            {
              type: "button",
              actionId: LINK_ACTION_ID,
              label: "Add to calendar",
              value: "uid-1",
              url: "https://ennakko.example.org/calendar/uid-1.ics",
            },
          ],
        },
      ],
    });
    // The reference's two lines are two TextBlocks: Teams would run them into one paragraph.
    const [decision, reference, referenceLink, sneaky, facts, actions] = card.body;
    expect(decision.text).toBe(
      "📌 **Decision of Spring meeting**: \\[Click to verify\\]\\(https://evil.example/login)",
    );
    expect(reference.text).toBe("\\[Minutes\\]\\[1\\] !\\[logo\\]\\(https://evil.example/x.png)");
    expect(referenceLink.text).toBe("\\[1\\]: https://evil.example");
    // A backslash typed before a bracket does not undo the escape: it is shown, escaped itself.
    expect(sneaky.text).toBe("Sneaky \\\\\\[Click to verify\\]\\(https://evil.example/login)");
    expect(facts.facts[0]).toEqual({
      title: "\\[Click to verify\\]\\(https://evil.example/login)",
      value: "\\[Click to verify\\]\\(https://evil.example/login)",
    });
    for (const text of [
      decision.text,
      reference.text,
      referenceLink.text,
      sneaky.text,
      facts.facts[0].title,
      facts.facts[0].value,
    ])
      expect(text).not.toMatch(MARKDOWN_LINK);
    // The pattern does find links when they are there.
    for (const link of [EVIL, "[a][1]", "![logo](x.png)", "[1]: https://evil.example"])
      expect(link).toMatch(MARKDOWN_LINK);
    // The bot's link is a button, untouched.
    expect(actions.actions[0]).toEqual({
      type: "Action.OpenUrl",
      title: "Add to calendar",
      url: "https://ennakko.example.org/calendar/uid-1.ics",
    });
    expect(card.fallbackText).toBe("Decision: \\[Click to verify\\]\\(https://evil.example/login)");
    // Forms: a title and an error a member's words went into.
    const formCard = renderFormCard({ ...form, title: `Edit “${EVIL}”` }, translator("en"), {
      name: `Not ${EVIL}`,
    });
    expect(formCard.body[0].text).toBe("Edit “\\[Click to verify\\]\\(https://evil.example/login)”");
    expect(formCard.body[2].text).toBe("Not \\[Click to verify\\]\\(https://evil.example/login)");
  });

  it("escapes only what the bot never writes as markup: no message of any language has a bracket link", () => {
    for (const [locale, catalog] of Object.entries(CATALOGS))
      for (const [key, message] of Object.entries(catalog))
        expect(message, `${locale} ${key}`).not.toMatch(MARKDOWN_LINK);
    // Markdown the bot does write comes through: bold, lists, line breaks.
    expect(toCardMarkdown("*Energy*\n• one\n- two\n1. three")).toBe("**Energy**\n• one\n- two\n1. three");
  });

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

  it("puts more than five buttons in several action sets, dropping none (the SDK takes five a set)", () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({
      type: "button" as const,
      actionId: "ennakko.delphi.rate",
      label: String(i + 1),
      value: String(i + 1),
    }));
    const card = renderCard({ fallback: "Rate", elements: [{ type: "actions", buttons }] });
    const sets = card.body.filter((b: { type: string }) => b.type === "ActionSet");
    expect(sets.map((s: { actions: unknown[] }) => s.actions.length)).toEqual([5, 2]);
    expect(cardViolations(card)).toEqual([]);
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

// Issue 12: Teams runs lines joined by a single "\n" into one paragraph, shows code spans as
// backticks and Slack *bold* as stars, and never delivers `/cluster …` to a bot.
describe("Adaptive Card text structure and syntax", () => {
  const lines: View = {
    fallback: "*Energy*: run `/cluster join`",
    elements: [
      { type: "text", text: "*Members* (2)\n• Aino — chair\n• Mikko — member\n\nJoin with `/cluster join`." },
    ],
  };

  it("keeps each line apart and a run of bullets as a markdown list", () => {
    const texts = renderCard(lines).body.map((b: { text: string }) => b.text);
    expect(texts).toEqual([
      "**Members** (2)",
      "- Aino — chair\r- Mikko — member",
      "Join with **@Ennakko join**.",
    ]);
  });

  it("writes commands without an @mention in the personal chat, and plain fallback text", () => {
    const card = renderCard(lines, undefined, "PERSONAL");
    expect(card.body.at(-1).text).toBe("Join with **@Ennakko join**.");
    expect(toCardMarkdown("Change it with `/cluster language <fi|sv|en|nl>`", "PERSONAL")).toBe(
      "Change it with **language <fi|sv|en|nl>**",
    );
    expect(card.fallbackText).toBe("Energy: run @Ennakko join");
    expect(toTeamsPlainText("*Energy*: `K7QM-4XPD` and `/cluster status`")).toBe(
      "Energy: K7QM-4XPD and @Ennakko status",
    );
  });
});

describe("Slack renderer: long text is split, never cut", () => {
  it("splits a text over 3000 characters at line ends into several sections, every line whole", () => {
    const lines = Array.from({ length: 50 }, (_, i) => `• Item ${i + 1}: ${"word ".repeat(15).trim()}`);
    const { blocks } = renderMessage({ fallback: "x", elements: [{ type: "text", text: lines.join("\n") }] });
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) {
      expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(b.text.text.endsWith("…")).toBe(false);
    }
    expect(blocks.map((b) => b.text.text).join("\n")).toBe(lines.join("\n"));
  });

  it("keeps a moment whole across a split, and a heading over 150 characters whole as bold text", () => {
    const instant = new Date("2027-03-01T08:00:00Z");
    const long = `${"a ".repeat(1499)}${moment(instant, "1.3.2027 klo 10.00")} end`;
    const { blocks } = renderMessage({ fallback: "x", elements: [{ type: "text", text: long }] });
    expect(blocks.filter((b) => b.text.text.includes("<!date^"))).toHaveLength(1);
    const heading = "H".repeat(200);
    const shown = renderMessage({
      fallback: "x",
      elements: [{ type: "text", text: heading, style: "heading" }],
    });
    expect(shown.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: `*${heading}*` } }]);
  });

  it("renders the App Home with up to 100 blocks; a message past 50 says what is missing", () => {
    const elements = Array.from({ length: 80 }, (_, i) => ({ type: "text" as const, text: `row ${i}` }));
    expect(renderHome({ fallback: "x", elements }).blocks).toHaveLength(80);
    const { blocks } = renderMessage({ fallback: "x", elements });
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "… (+31)" }] });
  });
});
