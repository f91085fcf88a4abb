// Slack's Block Kit rules, as the fake Slack Web API enforces them: one function per surface (message,
// modal, App Home) returning every violation, each with the JSON pointer Slack names in its errors.
// Slack answers a payload that breaks any of them with `invalid_blocks` (chat.*, response_url) or
// `invalid_arguments` (views.*): the bot's message never appears.
//
// Where each limit comes from (Slack's reference, docs.slack.dev/reference/…):
// - block_id: "Maximum length 255 characters. block_id should be unique for each message" (every block
//   page, e.g. block-kit/blocks/actions-block); unique within the message or view.
// - action_id: "Should be unique among all other action_ids in the containing block. Maximum length
//   for this field is 255 characters" (@slack/types Actionable, block-kit/block-elements/*).
// - messages: 50 blocks (block-kit "Blocks": "You can include up to 50 blocks in each message");
//   top-level text 40,000 (chat.postMessage: msg_too_long beyond it).
// - modal views (reference/views/modal-views): title plain_text ≤ 24 (required), submit/close
//   plain_text ≤ 24, submit required when an input block is present, blocks ≤ 100, private_metadata
//   ≤ 3000, callback_id ≤ 255. Home views (reference/views/home-tab-views): blocks ≤ 100,
//   private_metadata ≤ 3000, callback_id ≤ 255.
// - section block: text ≤ 3000; fields ≤ 10 items of ≤ 2000 each; text or fields required.
// - header block: plain_text only, ≤ 150.
// - context block: 1–10 elements, each an image element or a text object.
// - actions block: 1–25 interactive elements.
// - input block: label plain_text ≤ 2000, hint plain_text ≤ 2000, exactly one element.
// - image block: alt_text ≤ 2000 (required), image_url ≤ 3000 (or slack_file), title plain_text ≤ 2000.
// - button element: text plain_text ≤ 75, value ≤ 2000, url ≤ 3000, style "primary" | "danger".
// - static_select / multi_static_select: options ≤ 100; placeholder plain_text ≤ 150; initial
//   option(s) must be among the options.
// - option object (composition-objects/option-object): text plain_text (in menus) ≤ 75, value ≤ 150,
//   description ≤ 75.
// - plain_text_input: placeholder plain_text ≤ 150, max_length ≤ 3000, initial_value within it.
// - datepicker / timepicker: initial_date YYYY-MM-DD, initial_time HH:mm; placeholder ≤ 150.
// - text objects: type plain_text or mrkdwn, text not empty (Slack: "must be more than 0 characters").
// - data_visualization block (block-kit/blocks/data-visualization-block): title ≤ 50 (required); chart
//   pie (segments 1–6, label ≤ 20, value > 0) or bar / area / line (series 1–6, axis_config.categories
//   required, each ≤ 20; x_label / y_label ≤ 50; series name ≤ 20 and unique in the chart; data 1–20
//   points, numbers, labels ≤ 20 and exactly the categories); at most 2 such blocks per message;
//   messages only (not modals or Home). A public copy of the page says "max 12" series and segments;
//   the page itself and issue 12 say 6, which we hold to.
// Not documented, closest documented limit chosen: the datepicker/timepicker placeholder (that of the
// select menus, 150); a context block's text element (the section text's 3000).

export type Violation = { rule: string; message: string };
type Json = Record<string, unknown>;

const LIMITS = {
  blockId: 255,
  actionId: 255,
  blocksPerMessage: 50,
  blocksPerView: 100,
  messageText: 40_000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  imageUrl: 3000,
  imageTitle: 2000,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  options: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  placeholder: 150,
  textInputMaxLength: 3000,
  chartTitle: 50,
  chartSeries: 6,
  chartLabel: 20,
  chartSeriesName: 20,
  chartPoints: 20,
  chartAxisLabel: 50,
  chartsPerMessage: 2,
} as const;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

class Checker {
  readonly violations: Violation[] = [];
  add(rule: string, message: string, pointer: string): void {
    this.violations.push({ rule, message: `${message} [json-pointer:${pointer}]` });
  }
  maxLength(rule: string, value: unknown, max: number, pointer: string): void {
    if (typeof value === "string" && value.length > max)
      this.add(rule, `must be less than ${max + 1} characters`, pointer);
  }
  /** A text object; `plainOnly` where Slack accepts only plain_text. */
  text(rule: string, value: unknown, max: number, pointer: string, plainOnly = false): void {
    if (!isObject(value)) {
      this.add(`${rule}.missing`, "must provide an object", pointer);
      return;
    }
    if (value.type !== "plain_text" && value.type !== "mrkdwn")
      this.add("text.type", "must be plain_text or mrkdwn", `${pointer}/type`);
    else if (plainOnly && value.type !== "plain_text")
      this.add("text.plain_only", "must be a plain_text text object", `${pointer}/type`);
    if (typeof value.text !== "string" || value.text.length === 0)
      this.add("text.empty", "must be more than 0 characters", `${pointer}/text`);
    else this.maxLength(rule, value.text, max, `${pointer}/text`);
  }
}

/** A message's blocks (chat.postMessage, chat.postEphemeral, chat.update, response_url). */
export function messageViolations(message: { text?: unknown; blocks?: unknown }): Violation[] {
  const c = new Checker();
  c.maxLength("message.text", message.text, LIMITS.messageText, "/text");
  if (message.blocks !== undefined) blocksOf(c, message.blocks, LIMITS.blocksPerMessage, "message");
  return c.violations;
}

/** A modal (views.open, views.update, views.push). */
export function modalViolations(view: unknown): Violation[] {
  const c = new Checker();
  if (!isObject(view)) return [{ rule: "view.missing", message: "must provide a view object" }];
  if (view.type !== "modal") c.add("view.type", "must be modal", "/view/type");
  c.text("modal.title", view.title, LIMITS.modalTitle, "/view/title", true);
  if (view.submit !== undefined)
    c.text("modal.submit", view.submit, LIMITS.modalButton, "/view/submit", true);
  if (view.close !== undefined) c.text("modal.close", view.close, LIMITS.modalButton, "/view/close", true);
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === "input");
  if (hasInput && view.submit === undefined)
    c.add("modal.submit.missing", "submit is required when an input block is present", "/view/submit");
  viewCommon(c, view);
  blocksOf(c, view.blocks, LIMITS.blocksPerView, "modal", "/view");
  return c.violations;
}

/** The App Home tab (views.publish). */
export function homeViolations(view: unknown): Violation[] {
  const c = new Checker();
  if (!isObject(view)) return [{ rule: "view.missing", message: "must provide a view object" }];
  if (view.type !== "home") c.add("view.type", "must be home", "/view/type");
  viewCommon(c, view);
  blocksOf(c, view.blocks, LIMITS.blocksPerView, "home", "/view");
  return c.violations;
}

function viewCommon(c: Checker, view: Json): void {
  c.maxLength(
    "view.private_metadata",
    view.private_metadata,
    LIMITS.privateMetadata,
    "/view/private_metadata",
  );
  c.maxLength("view.callback_id", view.callback_id, LIMITS.callbackId, "/view/callback_id");
}

type Surface = "message" | "modal" | "home";

function blocksOf(c: Checker, blocks: unknown, max: number, surface: Surface, root = ""): void {
  const pointer = `${root}/blocks`;
  if (!Array.isArray(blocks)) {
    c.add("blocks.missing", "must provide an array", pointer);
    return;
  }
  if (blocks.length > max) c.add("blocks.count", `no more than ${max} items allowed`, pointer);
  const blockIds = new Set<string>();
  let charts = 0;
  blocks.forEach((block, i) => {
    const at = `${pointer}/${i}`;
    if (!isObject(block)) {
      c.add("block.type", "must be an object", at);
      return;
    }
    if (block.block_id !== undefined) {
      const id = String(block.block_id);
      c.maxLength("block_id.length", id, LIMITS.blockId, `${at}/block_id`);
      if (blockIds.has(id)) c.add("block_id.unique", `duplicate block_id "${id}"`, `${at}/block_id`);
      blockIds.add(id);
    }
    if (block.type === "data_visualization") charts += 1;
    blockRules(c, block, at, surface);
  });
  if (surface === "message" && charts > LIMITS.chartsPerMessage)
    c.add("chart.per_message", `no more than ${LIMITS.chartsPerMessage} data_visualization blocks`, pointer);
}

function blockRules(c: Checker, block: Json, at: string, surface: Surface): void {
  switch (block.type) {
    case "section": {
      if (block.text === undefined && block.fields === undefined)
        c.add("section.empty", "must provide text or fields", at);
      if (block.text !== undefined) c.text("section.text", block.text, LIMITS.sectionText, `${at}/text`);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) {
          c.add("section.fields", "must be an array", `${at}/fields`);
          return;
        }
        if (block.fields.length > LIMITS.fieldsPerSection)
          c.add(
            "section.fields.count",
            `no more than ${LIMITS.fieldsPerSection} items allowed`,
            `${at}/fields`,
          );
        block.fields.forEach((f, j) => {
          c.text("section.field", f, LIMITS.fieldText, `${at}/fields/${j}`);
        });
      }
      if (isObject(block.accessory)) elementRules(c, block.accessory, `${at}/accessory`, new Set());
      return;
    }
    case "header": {
      c.text("header.text", block.text, LIMITS.headerText, `${at}/text`, true);
      return;
    }
    case "context": {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0)
        c.add("context.elements", "must provide at least 1 element", `${at}/elements`);
      if (elements.length > LIMITS.contextElements)
        c.add(
          "context.elements.count",
          `no more than ${LIMITS.contextElements} items allowed`,
          `${at}/elements`,
        );
      elements.forEach((e, j) => {
        const ep = `${at}/elements/${j}`;
        if (isObject(e) && e.type === "image")
          c.maxLength("image.alt_text", e.alt_text, LIMITS.imageAltText, ep);
        else c.text("context.text", e, LIMITS.sectionText, ep);
      });
      return;
    }
    case "actions": {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0)
        c.add("actions.elements", "must provide at least 1 element", `${at}/elements`);
      if (elements.length > LIMITS.actionsElements)
        c.add(
          "actions.elements.count",
          `no more than ${LIMITS.actionsElements} items allowed`,
          `${at}/elements`,
        );
      const actionIds = new Set<string>();
      elements.forEach((e, j) => {
        if (isObject(e)) elementRules(c, e, `${at}/elements/${j}`, actionIds);
      });
      return;
    }
    case "input": {
      c.text("input.label", block.label, LIMITS.inputLabel, `${at}/label`, true);
      if (block.hint !== undefined) c.text("input.hint", block.hint, LIMITS.inputHint, `${at}/hint`, true);
      if (!isObject(block.element)) {
        c.add("input.element", "must provide an element", `${at}/element`);
        return;
      }
      elementRules(c, block.element, `${at}/element`, new Set());
      return;
    }
    case "image": {
      if (typeof block.alt_text !== "string" || block.alt_text === "")
        c.add("image.alt_text", "must be more than 0 characters", `${at}/alt_text`);
      c.maxLength("image.alt_text", block.alt_text, LIMITS.imageAltText, `${at}/alt_text`);
      c.maxLength("image.url", block.image_url, LIMITS.imageUrl, `${at}/image_url`);
      if (block.title !== undefined)
        c.text("image.title", block.title, LIMITS.imageTitle, `${at}/title`, true);
      return;
    }
    case "divider":
      return;
    case "data_visualization":
      if (surface !== "message") c.add("block.surface", "data_visualization is for messages only", at);
      {
        chartRules(c, block, at);
        return;
      }
    default: {
      c.add("block.type", `unsupported block type "${String(block.type)}"`, `${at}/type`);
      return;
    }
  }
}

function elementRules(c: Checker, e: Json, at: string, actionIds: Set<string>): void {
  if (e.action_id !== undefined) {
    const id = String(e.action_id);
    c.maxLength("action_id.length", id, LIMITS.actionId, `${at}/action_id`);
    if (actionIds.has(id))
      c.add("action_id.unique", `duplicate action_id "${id}" in block`, `${at}/action_id`);
    actionIds.add(id);
  }
  if (e.placeholder !== undefined)
    c.text("element.placeholder", e.placeholder, LIMITS.placeholder, `${at}/placeholder`, true);
  switch (e.type) {
    case "button":
      c.text("button.text", e.text, LIMITS.buttonText, `${at}/text`, true);
      c.maxLength("button.value", e.value, LIMITS.buttonValue, `${at}/value`);
      c.maxLength("button.url", e.url, LIMITS.buttonUrl, `${at}/url`);
      if (e.style !== undefined && e.style !== "primary" && e.style !== "danger")
        c.add("button.style", "must be primary or danger", `${at}/style`);
      return;
    case "static_select":
    case "multi_static_select": {
      const options = Array.isArray(e.options) ? e.options : [];
      if (options.length === 0) c.add("select.options", "must provide at least 1 option", `${at}/options`);
      if (options.length > LIMITS.options)
        c.add("select.options.count", `no more than ${LIMITS.options} items allowed`, `${at}/options`);
      options.forEach((o, j) => {
        optionRules(c, o, `${at}/options/${j}`);
      });
      const values = new Set(options.map((o) => (isObject(o) ? o.value : undefined)));
      const initial = e.type === "static_select" ? [e.initial_option] : (e.initial_options as unknown[]);
      (Array.isArray(initial) ? initial : []).forEach((o, j) => {
        if (o === undefined) return;
        if (!isObject(o) || !values.has(o.value))
          c.add(
            "select.initial",
            "must match one of the options",
            `${at}/initial_option${j ? `s/${j}` : ""}`,
          );
      });
      return;
    }
    case "plain_text_input": {
      const max = typeof e.max_length === "number" ? e.max_length : LIMITS.textInputMaxLength;
      if (max > LIMITS.textInputMaxLength)
        c.add("text_input.max_length", `must be at most ${LIMITS.textInputMaxLength}`, `${at}/max_length`);
      c.maxLength("text_input.initial_value", e.initial_value, max, `${at}/initial_value`);
      return;
    }
    case "datepicker":
      if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date)))
        c.add("datepicker.initial_date", "must be YYYY-MM-DD", `${at}/initial_date`);
      return;
    case "timepicker":
      if (e.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(e.initial_time)))
        c.add("timepicker.initial_time", "must be HH:mm", `${at}/initial_time`);
      return;
    default: {
      c.add("element.type", `unsupported element type "${String(e.type)}"`, `${at}/type`);
      return;
    }
  }
}

function optionRules(c: Checker, o: unknown, at: string): void {
  if (!isObject(o)) {
    c.add("option.missing", "must provide an object", at);
    return;
  }
  c.text("option.text", o.text, LIMITS.optionText, `${at}/text`, true);
  if (typeof o.value !== "string" || o.value === "")
    c.add("option.value.empty", "must be more than 0 characters", `${at}/value`);
  c.maxLength("option.value", o.value, LIMITS.optionValue, `${at}/value`);
  if (o.description !== undefined)
    c.text("option.description", o.description, LIMITS.optionDescription, `${at}/description`, true);
}

function chartRules(c: Checker, block: Json, at: string): void {
  if (typeof block.title !== "string" || block.title === "")
    c.add("chart.title", "must be more than 0 characters", `${at}/title`);
  c.maxLength("chart.title", block.title, LIMITS.chartTitle, `${at}/title`);
  const chart = block.chart;
  if (!isObject(chart)) {
    c.add("chart.missing", "must provide a chart", `${at}/chart`);
    return;
  }
  const label = (value: unknown, pointer: string) => {
    if (typeof value !== "string" || value === "")
      c.add("chart.label.empty", "must be more than 0 characters", pointer);
    c.maxLength("chart.label.length", value, LIMITS.chartLabel, pointer);
  };
  if (chart.type === "pie") {
    const segments = Array.isArray(chart.segments) ? chart.segments : [];
    if (segments.length < 1 || segments.length > LIMITS.chartSeries)
      c.add("chart.segments", `must have 1 to ${LIMITS.chartSeries} segments`, `${at}/chart/segments`);
    segments.forEach((s, j) => {
      const sp = `${at}/chart/segments/${j}`;
      label(isObject(s) ? s.label : undefined, `${sp}/label`);
      const value = isObject(s) ? s.value : undefined;
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
        c.add("chart.segment.value", "must be a number greater than 0", `${sp}/value`);
    });
    return;
  }
  if (chart.type !== "bar" && chart.type !== "area" && chart.type !== "line") {
    c.add("chart.type", "must be pie, bar, area or line", `${at}/chart/type`);
    return;
  }
  const series = Array.isArray(chart.series) ? chart.series : [];
  if (series.length < 1 || series.length > LIMITS.chartSeries)
    c.add("chart.series", `must have 1 to ${LIMITS.chartSeries} series`, `${at}/chart/series`);
  const axis = isObject(chart.axis_config) ? chart.axis_config : undefined;
  const categories = Array.isArray(axis?.categories) ? (axis.categories as unknown[]).map(String) : undefined;
  if (!axis || !categories) {
    c.add("chart.categories", "must provide axis_config.categories", `${at}/chart/axis_config`);
    return;
  }
  categories.forEach((category, j) => {
    label(category, `${at}/chart/axis_config/categories/${j}`);
  });
  for (const key of ["x_label", "y_label"])
    c.maxLength("chart.axis_label", axis[key], LIMITS.chartAxisLabel, `${at}/chart/axis_config/${key}`);
  const names = new Set<string>();
  series.forEach((s, j) => {
    const sp = `${at}/chart/series/${j}`;
    const name = isObject(s) ? s.name : undefined;
    if (typeof name !== "string" || name === "")
      c.add("chart.series.name", "must be more than 0 characters", `${sp}/name`);
    c.maxLength("chart.series.name", name, LIMITS.chartSeriesName, `${sp}/name`);
    if (typeof name === "string" && names.has(name))
      c.add("chart.series.unique", `duplicate series name "${name}"`, `${sp}/name`);
    names.add(String(name));
    const data = isObject(s) && Array.isArray(s.data) ? s.data : [];
    if (data.length < 1 || data.length > LIMITS.chartPoints)
      c.add("chart.points", `must have 1 to ${LIMITS.chartPoints} data points`, `${sp}/data`);
    const labels = data.map((d) => (isObject(d) ? String(d.label) : ""));
    data.forEach((d, k) => {
      const value = isObject(d) ? d.value : undefined;
      if (typeof value !== "number" || !Number.isFinite(value))
        c.add("chart.value", "must be a number", `${sp}/data/${k}/value`);
    });
    const matches =
      labels.length === categories.length &&
      new Set(labels).size === labels.length &&
      labels.every((l) => categories.includes(l));
    if (!matches) c.add("chart.labels", "data labels must match axis_config.categories", `${sp}/data`);
  });
}
