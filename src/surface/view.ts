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
};
export type SelectElement = {
  type: "select";
  id: string;
  label: string;
  options: Option[];
  initial?: string;
  optional?: boolean;
};
export type InputElement = {
  type: "input";
  id: string;
  label: string;
  initial?: string;
  placeholder?: string;
  multiline?: boolean;
  optional?: boolean;
  maxLength?: number;
};
export type ImageElement = { type: "image"; url: string; alt: string };
export type DividerElement = { type: "divider" };
export type ActionsElement = { type: "actions"; buttons: ButtonElement[] };

export type Element =
  | TextElement
  | FieldsElement
  | ActionsElement
  | SelectElement
  | InputElement
  | ImageElement
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
  elements: (TextElement | InputElement | SelectElement)[];
};

/** What the bot does in answer to one interaction. */
export type Output =
  | { kind: "ephemeral"; view: View }
  | { kind: "channel"; view: View }
  | { kind: "form"; form: Form }
  /** Field errors; `form` is the same form again (with what was typed) for platforms that redraw it. */
  | { kind: "form-errors"; formId: string; errors: Record<string, string>; form: Form };

export const text = (value: string, style?: TextElement["style"]): TextElement =>
  style ? { type: "text", text: value, style } : { type: "text", text: value };
export const view = (fallback: string, ...elements: Element[]): View => ({ fallback, elements });
export const ephemeral = (v: View): Output => ({ kind: "ephemeral", view: v });
export const toChannel = (v: View): Output => ({ kind: "channel", view: v });
/** A one-paragraph private answer: the most common reply. */
export const note = (message: string): Output => ephemeral(view(message, text(message)));
