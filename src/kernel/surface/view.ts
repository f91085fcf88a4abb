// A small neutral element tree. Each platform renders it with one exhaustive switch
// (platforms/slack/render-block-kit.ts, platforms/teams/render-adaptive-card.ts).

export type Option = { label: string; value: string };

export type TextElement = { type: "text"; text: string; style?: "heading" | "plain" | "muted" };
export type FieldsElement = { type: "fields"; fields: { label: string; value: string }[] };
export type ButtonElement = {
  type: "button";
  actionId: string;
  label: string;
  value: string;
  style?: "primary" | "danger";
  /** A link button: opens the URL (Slack still reports the click, with LINK_ACTION_ID). */
  url?: string;
};

/** Link buttons need an action id on Slack; clicks on them are acknowledged and otherwise ignored. */
export const LINK_ACTION_ID = "ennakko.link";
/**
 * The Refresh button of the home view. Slack's App Home tab has no conversation: its platform answers
 * this click by publishing the tab again (the home feature answers it elsewhere).
 */
export const HOME_REFRESH_ACTION_ID = "ennakko.home.refresh";
export type SelectElement = {
  type: "select";
  id: string;
  label: string;
  options: Option[];
  initial?: string;
  optional?: boolean;
};
/** Pick any number: values come back as string[] (Slack) or one comma-separated string (Teams). */
export type MultiSelectElement = {
  type: "multiselect";
  id: string;
  label: string;
  options: Option[];
  initial?: string[];
  optional?: boolean;
};
export type InputElement = {
  type: "input";
  id: string;
  label: string;
  /** Date "YYYY-MM-DD" and time "HH:MM" inputs become the platforms' pickers. */
  kind?: "text" | "date" | "time";
  initial?: string;
  placeholder?: string;
  multiline?: boolean;
  optional?: boolean;
  maxLength?: number;
};
/**
 * `url` is a public https URL or a `data:image/png;base64,…` URI (charts the bot draws itself):
 * Teams cards show data URIs as they are; Slack uploads the bytes first and shows the uploaded file.
 */
export type ImageElement = { type: "image"; url: string; alt: string; title?: string };
export type DividerElement = { type: "divider" };

/** One named row of values, a value per category, in the categories' order. */
export type ChartSeries = { name: string; values: number[] };
/**
 * A chart the platforms draw natively (Slack's data_visualization block, Teams' Chart.* elements).
 * Labels are full: a renderer whose platform cuts labels numbers them and lists them in full under the
 * chart, so no bar loses its name. `summary` is the same data in words: what screen readers,
 * notifications and clients without charts read (Teams' fallback), never empty.
 */
export type ChartElement =
  | {
      type: "chart";
      kind: "bar";
      title: string;
      /** Bar groups, left to right (or top to bottom). */
      categories: string[];
      /** One bar per series in each group; several series make a legend (e.g. one per horizon). */
      series: ChartSeries[];
      /** What the values measure, e.g. "answers". */
      valueLabel?: string;
      summary: string;
    }
  | {
      type: "chart";
      kind: "pie";
      title: string;
      segments: { label: string; value: number }[];
      summary: string;
    };
export type ActionsElement = { type: "actions"; buttons: ButtonElement[] };

export type Element =
  | TextElement
  | FieldsElement
  | ActionsElement
  | SelectElement
  | MultiSelectElement
  | InputElement
  | ImageElement
  | ChartElement
  | DividerElement;

/** A message or card. `fallback` is the plain text for notifications and screen readers. */
export type View = { fallback: string; elements: Element[] };

/** A form: a Slack modal or a Teams card with inputs. `metadata` travels back with the submission. */
export type Form = {
  formId: string;
  title: string;
  submitLabel: string;
  cancelLabel: string;
  metadata: string;
  elements: (TextElement | InputElement | SelectElement | MultiSelectElement)[];
};

export type Subject = { type: string; id: string };

/** A file for the person who asked (an export). `content` is base64, so any format fits. */
export type FileAttachment = { filename: string; mimeType: string; title: string; content: string };

/** What the bot does in answer to one interaction. */
export type Output =
  /** `replace`: answering a button on a private message, redraw that message instead of adding one. */
  | { kind: "ephemeral"; view: View; replace?: true }
  /** `track` remembers the posted message so a later `refresh` of the same subject updates it. */
  | { kind: "channel"; view: View; track?: Subject }
  /**
   * Redraws every tracked message of the subject (a poll tally after a vote), on every platform,
   * through the outbox (src/kernel/app/queue-redraw.ts): one waiting redraw per message, the newest
   * `version` winning. The person who clicked sees `view` at once where the platform can show it to
   * them alone (Teams' card answer).
   */
  | { kind: "refresh"; subject: Subject; view: View; version?: number }
  | { kind: "form"; form: Form }
  /** Field errors; `form` is the same form again (with what was typed) for platforms that redraw it. */
  | { kind: "form-errors"; formId: string; errors: Record<string, string>; form: Form }
  /**
   * Files for the person who asked, never the channel: Slack uploads them into the person's DM with
   * the bot; Teams (no bot files in channels) sends download links to the person's personal chat.
   */
  | { kind: "file"; files: FileAttachment[]; comment: string };

export const text = (value: string, style?: TextElement["style"]): TextElement =>
  style ? { type: "text", text: value, style } : { type: "text", text: value };
export const view = (fallback: string, ...elements: Element[]): View => ({ fallback, elements });
export const ephemeral = (v: View): Output => ({ kind: "ephemeral", view: v });
export const toChannel = (v: View): Output => ({ kind: "channel", view: v });
/** A one-paragraph private answer: the most common reply. */
export const note = (message: string): Output => ephemeral(view(message, text(message)));

/**
 * An instant inside text that each viewer sees in their own time zone: Slack's <!date^…> and
 * Adaptive Cards' {{DATE()}}/{{TIME()}} render it client-side. `fallback` is the text in the
 * cluster's zone, for notifications and clients that cannot.
 */
export const moment = (instant: Date, fallback: string): string =>
  `⟦${instant.toISOString().replace(/\.\d{3}Z$/, "Z")}|${fallback.replace(/[|⟧]/g, " ")}⟧`;
export const MOMENT_PATTERN = /⟦(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\|([^⟧]*)⟧/g;
/** The plain-text form of a text with moments: each replaced by its fallback. */
/** A PNG the bot drew, as an image element's URL. */
export const pngDataUri = (png: Uint8Array): string =>
  `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
export const DATA_URI_PATTERN = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)$/;

export const withoutMoments = (value: string): string => value.replace(MOMENT_PATTERN, "$2");
