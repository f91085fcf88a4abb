// Neutral view → Adaptive Card 1.5 with Action.Execute (Universal Actions), one exhaustive switch.

import type { Translate } from "../../kernel/i18n/catalog.ts";
import { registry } from "../../kernel/registry.ts";
import {
  type ButtonElement,
  type Element,
  type Form,
  MOMENT_PATTERN,
  type View,
  withoutMoments,
} from "../../kernel/surface/view.ts";
import { renderChartElement } from "./render-chart-element.ts";

export const TEAMS_LIMITS = {
  /** Teams refuses messages over ~28 KB; stay clear of it. */
  cardBytes: 26_000,
  textBlock: 5000,
  buttonTitle: 80,
  /** The adaptivecards SDK's default host config (and Teams) take at most 5 actions in one set. */
  actionsPerSet: 5,
  facts: 30,
  choices: 100,
} as const;

export const CARD_VERSION = "1.5";
// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON is validated by Teams.
export type CardJson = Record<string, any>;

const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

/**
 * Text members wrote stays text. Teams renders a TextBlock's markdown, so `[Click to verify](https://…)`
 * in a decision would become a link that hides where it goes; a reference (`[a][1]` and `[1]: url`)
 * or an image (`![a](url)`) would too. The bot's own texts never use brackets as markup (its links are
 * buttons, Action.OpenUrl, which this leaves alone), so every bracket here is written by someone and is
 * escaped, and so is a backslash (one typed before a bracket must not undo the escape). A `(` right
 * after a bracket is escaped as well, for clients whose markdown is not CommonMark and find `](` by
 * pattern. The text shows exactly as it was typed.
 */
export const escapeCardLinks = (value: string) =>
  value.replace(/[\\[\]]/g, "\\$&").replace(/\\\]\(/g, "\\]\\(");

/** The bot's name as Teams shows it (manifests/teams/manifest.template.json, name.short): what people @mention. */
export const TEAMS_BOT_NAME = "Ennakko";

/**
 * Where a card is read. A channel (or group chat) delivers a message to the bot only when it
 * @mentions it; the personal chat takes the bare command, for what it can run itself.
 */
export type CardPlace = "CHANNEL" | "PERSONAL";

/**
 * The catalog writes a command as Slack's slash command in a code span (`/cluster setup <name>`).
 * Teams has no slash command for bots and no code spans: a command reads as what a person types there.
 */
const COMMAND_SPAN = /`\/cluster\b ?([^`]*)`/g;
/** What the personal chat runs itself; anything else is done in the cluster's channel, by @mention. */
const runsInPersonalChat = (word: string) => registry().commands.some((c) => c.personal && c.name === word);
const teamsCommand = (typed: string, place: CardPlace) => {
  const words = typed || "help";
  const here = place === "PERSONAL" && runsInPersonalChat(words.split(" ")[0] ?? "");
  return here ? words : `@${TEAMS_BOT_NAME} ${words}`;
};
const CODE_SPAN = /`([^`\n]+)`/g;
const SLACK_BOLD = /(^|[^*\w])\*([^*\n]+)\*(?=[^*\w]|$)/g;

/** Our markup is Slack-flavoured (*bold*); Adaptive Cards want **bold**. Teams renders no code spans
 * (its TextBlock markdown is bold, italic, lists and links), so a command becomes Teams' own syntax in
 * bold and any other code span plain bold. Moments become {{DATE()}} {{TIME()}}, which Teams renders
 * in each viewer's own time zone. Brackets are escaped (escapeCardLinks): no text becomes a link. */
export const toCardMarkdown = (value: string, place: CardPlace = "CHANNEL") =>
  escapeCardLinks(value)
    .replace(COMMAND_SPAN, (_m, words: string) => `**${teamsCommand(words.trim(), place)}**`)
    .replace(CODE_SPAN, "**$1**")
    .replace(SLACK_BOLD, "$1**$2**")
    .replace(MOMENT_PATTERN, (_m, iso: string) => `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`);

/**
 * The plain text Teams shows in notifications and reads aloud (the activity's summary, the card's
 * fallbackText): no markup at all, commands in Teams' syntax, moments in the cluster's zone.
 */
export const toTeamsPlainText = (value: string, place: CardPlace = "CHANNEL") =>
  withoutMoments(value)
    .replace(COMMAND_SPAN, (_m, words: string) => teamsCommand(words.trim(), place))
    .replace(CODE_SPAN, "$1")
    .replace(SLACK_BOLD, "$1$2");

type Block = { text: string; gap: boolean };

/**
 * Teams runs lines separated by a single newline together into one paragraph. A text keeps its
 * structure as one TextBlock per line, a run of bullet lines ("• …") as one markdown list (Teams'
 * documented list syntax, items separated by \r), and a blank line as a wider gap.
 */
function textBlocks(value: string, place: CardPlace): Block[] {
  const blocks: Block[] = [];
  let gap = false;
  let list: string[] = [];
  const add = (text: string) => {
    blocks.push({ text, gap });
    gap = false;
  };
  const flushList = () => {
    if (list.length) add(list.join("\r"));
    list = [];
  };
  for (const line of value.split("\n")) {
    const bullet = /^\s*• (.*)$/.exec(line);
    if (bullet) {
      list.push(`- ${toCardMarkdown(bullet[1] ?? "", place)}`);
      continue;
    }
    flushList();
    if (line.trim()) add(toCardMarkdown(line, place));
    else gap = blocks.length > 0;
  }
  flushList();
  return blocks.length ? blocks : [{ text: toCardMarkdown(value, place), gap: false }];
}

/**
 * `t` (the reader's language) words the error Teams shows under a required input left empty; views
 * that never hold inputs (notifications from the outbox) need none.
 */
export function renderCard(v: View, t?: Translate, place: CardPlace = "CHANNEL"): CardJson {
  return fitToLimit({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    // Shown by clients that cannot render the card: plain text, no Slack markup.
    fallbackText: escapeCardLinks(toTeamsPlainText(v.fallback, place)),
    body: v.elements.flatMap((e) => renderElement(e, t, place)),
  });
}

/** `t`: the reader's language, for the error Teams shows under a required field left empty. */
export function renderFormCard(form: Form, t: Translate, errors: Record<string, string> = {}): CardJson {
  const body = form.elements.flatMap((e) => {
    const rendered = renderElement(e, t);
    const error = "id" in e ? errors[e.id] : undefined;
    return error
      ? [
          ...rendered,
          { type: "TextBlock", text: escapeCardLinks(error), color: "Attention", wrap: true, size: "Small" },
        ]
      : rendered;
  });
  return fitToLimit({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    fallbackText: escapeCardLinks(form.title),
    body: [
      { type: "TextBlock", text: escapeCardLinks(form.title), weight: "Bolder", size: "Medium", wrap: true },
      ...body,
    ],
    actions: [
      {
        type: "Action.Execute",
        title: clip(form.submitLabel, TEAMS_LIMITS.buttonTitle),
        verb: form.formId,
        data: { formId: form.formId, metadata: form.metadata },
        style: "positive",
      },
    ],
  });
}

/**
 * What a required input carries: Teams blocks the submit while it is empty and shows `errorMessage`
 * under it; without one the person sees the button do nothing (the SDK refuses such inputs).
 */
function required(optional: boolean | undefined, t: Translate | undefined): CardJson {
  if (optional) return { isRequired: false };
  return { isRequired: true, ...(t ? { errorMessage: t("form.required") } : {}) };
}

function renderElement(e: Element, t?: Translate, place: CardPlace = "CHANNEL"): CardJson[] {
  switch (e.type) {
    case "text":
      return textBlocks(e.text, place).map((block, i) => ({
        type: "TextBlock",
        text: clip(block.text, TEAMS_LIMITS.textBlock),
        wrap: true,
        ...(i > 0 ? { spacing: block.gap ? "Medium" : "None" } : {}),
        ...(e.style === "heading" ? { size: "Large", weight: "Bolder" } : {}),
        ...(e.style === "muted" ? { isSubtle: true, size: "Small" } : {}),
      }));
    case "fields":
      return [
        {
          type: "FactSet",
          facts: e.fields
            .slice(0, TEAMS_LIMITS.facts)
            .map((f) => ({ title: escapeCardLinks(f.label), value: toCardMarkdown(f.value, place) })),
        },
      ];
    case "actions":
      // More buttons than a set takes go on in the next set, below it: none is dropped.
      return Array.from({ length: Math.ceil(e.buttons.length / TEAMS_LIMITS.actionsPerSet) }, (_, i) => ({
        type: "ActionSet",
        actions: e.buttons
          .slice(i * TEAMS_LIMITS.actionsPerSet, (i + 1) * TEAMS_LIMITS.actionsPerSet)
          .map(cardAction),
      }));
    case "select":
      return [
        {
          type: "Input.ChoiceSet",
          id: e.id,
          label: e.label,
          style: "compact",
          ...required(e.optional, t),
          choices: e.options.slice(0, TEAMS_LIMITS.choices).map((o) => ({ title: o.label, value: o.value })),
          ...(e.initial ? { value: e.initial } : {}),
        },
      ];
    case "multiselect":
      return [
        {
          type: "Input.ChoiceSet",
          id: e.id,
          label: e.label,
          isMultiSelect: true,
          style: "expanded",
          ...required(e.optional, t),
          choices: e.options.slice(0, TEAMS_LIMITS.choices).map((o) => ({ title: o.label, value: o.value })),
          ...(e.initial?.length ? { value: e.initial.join(",") } : {}),
        },
      ];
    case "input":
      if (e.kind === "date" || e.kind === "time") {
        return [
          {
            type: e.kind === "date" ? "Input.Date" : "Input.Time",
            id: e.id,
            label: e.label,
            ...required(e.optional, t),
            ...(e.initial ? { value: e.initial } : {}),
          },
        ];
      }
      return [
        {
          type: "Input.Text",
          id: e.id,
          label: e.label,
          ...required(e.optional, t),
          isMultiline: e.multiline ?? false,
          ...(e.initial ? { value: e.initial } : {}),
          ...(e.placeholder ? { placeholder: e.placeholder } : {}),
          ...(e.maxLength ? { maxLength: e.maxLength } : {}),
        },
      ];
    case "image":
      return [{ type: "Image", url: e.url, altText: e.alt }];
    case "chart":
      return [renderChartElement(e, escapeCardLinks)];
    case "divider":
      return [{ type: "Container", separator: true, items: [] }];
  }
}

function cardAction(b: ButtonElement): CardJson {
  const title = clip(b.label, TEAMS_LIMITS.buttonTitle);
  if (b.url) return { type: "Action.OpenUrl", title, url: b.url };
  const style =
    b.style === "primary" ? { style: "positive" } : b.style === "danger" ? { style: "destructive" } : {};
  return {
    type: "Action.Execute",
    title,
    verb: b.actionId,
    data: { actionId: b.actionId, value: b.value },
    ...style,
  };
}

/** Long lists are cut from the end rather than letting Teams reject the whole message. */
function fitToLimit(card: CardJson): CardJson {
  while (Buffer.byteLength(JSON.stringify(card)) > TEAMS_LIMITS.cardBytes && card.body.length > 1) {
    card.body = card.body.slice(0, -1);
  }
  return card;
}
