// Neutral view → Block Kit. One exhaustive switch; Slack's size limits in one table. Pure: images the
// bot drew (data: URIs) are uploaded beforehand (slack-files.ts) and come in as `UploadedImages`.
import {
  DATA_URI_PATTERN,
  type Element,
  type Form,
  type InputElement,
  MOMENT_PATTERN,
  type MultiSelectElement,
  type SelectElement,
  type View,
  withoutMoments,
} from "../../kernel/surface/view.ts";
import { chartSummaryBlocks, renderChartBlocks, SLACK_CHART_LIMITS } from "./render-chart-block.ts";

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  blocksPerHome: 100,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  elementsPerActions: 25,
  optionText: 75,
  optionsPerSelect: 100,
  modalTitle: 24,
  modalButton: 24,
  inputLabel: 2000,
  placeholder: 150,
  privateMetadata: 3000,
  fallbackText: 40_000,
  imageAltText: 2000,
  imageTitle: 2000,
} as const;

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON is validated by Slack, not by us.
export type Block = Record<string, any>;

export const clip = (value: string, max: number) =>
  value.length <= max ? value : `${value.slice(0, max - 1)}…`;

/** User-provided text must not be able to form Slack links or mentions. */
const escapeMrkdwn = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Moments become Slack date tokens, which every viewer sees in their own time zone. */
const slackDates = (value: string) =>
  value.replace(MOMENT_PATTERN, (_m, iso: string, fallback: string) => {
    const unix = Math.floor(Date.parse(iso) / 1000);
    return `<!date^${unix}^{date_short_pretty} {time}|${fallback}>`;
  });
const mrkdwn = (value: string, max: number) => ({
  type: "mrkdwn",
  text: clip(slackDates(escapeMrkdwn(value)), max),
});
const plain = (value: string, max: number) => ({ type: "plain_text", text: clip(value, max), emoji: true });

/** data: URI → id of the Slack file holding its bytes (see slack-files.ts `uploadViewImages`). */
export type UploadedImages = ReadonlyMap<string, string>;
export const NO_UPLOADED_IMAGES: UploadedImages = new Map();

export function renderMessage(
  v: View,
  images: UploadedImages = NO_UPLOADED_IMAGES,
  maxBlocks: number = SLACK_LIMITS.blocksPerMessage,
): { text: string; blocks: Block[] } {
  // Slack draws at most two charts in a message; a third one says the same in words.
  let charts = 0;
  const blocks = v.elements.flatMap((e) =>
    e.type === "chart" && ++charts > SLACK_CHART_LIMITS.perMessage
      ? chartSummaryBlocks(e)
      : renderElement(e, "message", images),
  );
  return {
    text: clip(escapeMrkdwn(withoutMoments(v.fallback)), SLACK_LIMITS.fallbackText),
    blocks: withinBlockLimit(blocks, maxBlocks),
  };
}

/** The App Home tab allows 100 blocks, twice a message's. */
export function renderHome(v: View): { type: "home"; blocks: Block[] } {
  return { type: "home", blocks: renderMessage(v, NO_UPLOADED_IMAGES, SLACK_LIMITS.blocksPerHome).blocks };
}

/**
 * Views page their long lists themselves; should one still outgrow the surface, the last block that
 * fits says that something is missing instead of Slack refusing the message or the rest vanishing.
 */
function withinBlockLimit(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  const notice = { type: "context", elements: [{ type: "mrkdwn", text: `… (+${blocks.length - max + 1})` }] };
  return [...blocks.slice(0, max - 1), notice];
}

/**
 * Text longer than one block is split at line breaks (else at sentence or word ends) into several
 * blocks: nobody loses the end of an item to a "…".
 */
export function splitText(value: string, max: number): string[] {
  if (value.length <= max) return [value];
  const parts: string[] = [];
  let rest = value;
  while (rest.length > max) {
    let window = rest.slice(0, max);
    // Never inside a moment ⟦instant|text⟧: it must stay whole to become a Slack date.
    const open = window.lastIndexOf("⟦");
    if (open > window.lastIndexOf("⟧") && open > 0) window = window.slice(0, open);
    const at = [window.lastIndexOf("\n"), window.lastIndexOf(". "), window.lastIndexOf(" ")].find(
      (i) => i > max / 3,
    );
    const cut = at === undefined ? window.length : at + 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, "");
  }
  if (rest.trim()) parts.push(rest);
  return parts;
}

/** Parts of a text that each fit Slack's limit once escaped and with Slack dates. */
function textParts(value: string, max: number): string[] {
  let budget = max;
  let parts = splitText(value, budget);
  while (budget > max / 4 && parts.some((p) => slackDates(escapeMrkdwn(p)).length > max)) {
    budget = Math.floor(budget * 0.8);
    parts = splitText(value, budget);
  }
  return parts;
}

export function renderModal(form: Form): Block {
  return {
    type: "modal",
    callback_id: form.formId,
    private_metadata: clip(form.metadata, SLACK_LIMITS.privateMetadata),
    title: plain(form.title, SLACK_LIMITS.modalTitle),
    submit: plain(form.submitLabel, SLACK_LIMITS.modalButton),
    close: plain(form.cancelLabel, SLACK_LIMITS.modalButton),
    blocks: withinBlockLimit(
      form.elements.flatMap((e) => renderElement(e, "modal", NO_UPLOADED_IMAGES)),
      SLACK_LIMITS.blocksPerModal,
    ),
  };
}

function renderElement(e: Element, surface: "message" | "modal", images: UploadedImages): Block[] {
  switch (e.type) {
    case "text": {
      const heading = withoutMoments(e.text).replace(/\*/g, "");
      if (e.style === "heading" && heading.length <= SLACK_LIMITS.headerText)
        return [{ type: "header", text: plain(heading, SLACK_LIMITS.headerText) }];
      const parts = textParts(e.style === "heading" ? `*${heading}*` : e.text, SLACK_LIMITS.sectionText);
      if (e.style === "muted")
        return parts.map((part) => ({ type: "context", elements: [mrkdwn(part, SLACK_LIMITS.sectionText)] }));
      return parts.map((part) => ({ type: "section", text: mrkdwn(part, SLACK_LIMITS.sectionText) }));
    }
    case "fields":
      return chunk(e.fields, SLACK_LIMITS.fieldsPerSection).map((fields) => ({
        type: "section",
        fields: fields.map((f) => mrkdwn(`*${f.label}*\n${f.value}`, SLACK_LIMITS.fieldText)),
      }));
    case "actions": {
      const buttons = e.buttons.slice(0, SLACK_LIMITS.elementsPerActions);
      return [
        {
          type: "actions",
          elements: buttons.map((b, i) => ({
            type: "button",
            action_id: uniqueActionId(buttons, i),
            text: plain(b.label, SLACK_LIMITS.buttonText),
            value: clip(b.value, SLACK_LIMITS.buttonValue),
            ...(b.style ? { style: b.style } : {}),
            ...(b.url ? { url: b.url } : {}),
          })),
        },
      ];
    }
    case "select":
      return surface === "modal"
        ? [inputBlock(e, selectElement(e))]
        : [{ type: "actions", block_id: e.id, elements: [selectElement(e)] }];
    case "multiselect":
      return surface === "modal"
        ? [inputBlock(e, multiSelectElement(e))]
        : [{ type: "actions", block_id: e.id, elements: [multiSelectElement(e)] }];
    case "input":
      return [inputBlock(e, textInput(e))];
    case "image": {
      const shown = {
        alt_text: clip(e.alt, SLACK_LIMITS.imageAltText),
        ...(e.title ? { title: plain(e.title, SLACK_LIMITS.imageTitle) } : {}),
      };
      if (!DATA_URI_PATTERN.test(e.url)) return [{ type: "image", image_url: e.url, ...shown }];
      // Slack cannot fetch a data: URI: show the uploaded file, or leave the image out (Slack would
      // refuse the whole message) when its upload failed.
      const fileId = images.get(e.url);
      return fileId ? [{ type: "image", slack_file: { id: fileId }, ...shown }] : [];
    }
    case "chart":
      // data_visualization blocks are for messages only.
      return surface === "message" ? renderChartBlocks(e) : chartSummaryBlocks(e);
    case "divider":
      return [{ type: "divider" }];
  }
}

/**
 * Slack refuses a block whose elements share an action_id (a Likert row's buttons all mean "answer"):
 * a repeated id gets its button's position, `id:n`, which `neutralActionId` takes off again.
 */
function uniqueActionId(buttons: readonly { actionId: string }[], index: number): string {
  const id = buttons[index]!.actionId;
  return buttons.filter((b) => b.actionId === id).length > 1 ? `${id}:${index}` : id;
}

/** The neutral action id of a Slack action_id (see uniqueActionId). */
export const neutralActionId = (actionId: string): string => actionId.replace(/:\d+$/, "");

function inputBlock(e: InputElement | SelectElement | MultiSelectElement, element: Block): Block {
  return {
    type: "input",
    block_id: e.id,
    optional: e.optional ?? false,
    label: plain(e.label, SLACK_LIMITS.inputLabel),
    element,
  };
}

function textInput(e: InputElement): Block {
  if (e.kind === "date")
    return { type: "datepicker", action_id: e.id, ...(e.initial ? { initial_date: e.initial } : {}) };
  if (e.kind === "time")
    return { type: "timepicker", action_id: e.id, ...(e.initial ? { initial_time: e.initial } : {}) };
  return {
    type: "plain_text_input",
    action_id: e.id,
    multiline: e.multiline ?? false,
    ...(e.initial ? { initial_value: e.initial } : {}),
    ...(e.placeholder ? { placeholder: plain(e.placeholder, SLACK_LIMITS.placeholder) } : {}),
    ...(e.maxLength ? { max_length: e.maxLength } : {}),
  };
}

function selectElement(e: SelectElement): Block {
  const options = e.options
    .slice(0, SLACK_LIMITS.optionsPerSelect)
    .map((o) => ({ text: plain(o.label, SLACK_LIMITS.optionText), value: o.value }));
  const initial = options.find((o) => o.value === e.initial);
  return { type: "static_select", action_id: e.id, options, ...(initial ? { initial_option: initial } : {}) };
}

function multiSelectElement(e: MultiSelectElement): Block {
  const options = e.options
    .slice(0, SLACK_LIMITS.optionsPerSelect)
    .map((o) => ({ text: plain(o.label, SLACK_LIMITS.optionText), value: o.value }));
  const initial = options.filter((o) => e.initial?.includes(o.value));
  return {
    type: "multi_static_select",
    action_id: e.id,
    options,
    ...(initial.length ? { initial_options: initial } : {}),
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
