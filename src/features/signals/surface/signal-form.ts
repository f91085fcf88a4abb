// The signal form: `/cluster signal` opens it empty, "Save as signal" on a message opens it with the
// message's text attributed to its author ("Aino: …", editable) and the message linked. Field errors
// come back under their fields, in the person's language.
import { z } from "zod";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { textOf } from "../../../kernel/surface/form-values.ts";
import type { Form } from "../../../kernel/surface/view.ts";
import { text } from "../../../kernel/surface/view.ts";
import { SaveSignalInput } from "../app/save-signal.ts";
import {
  PESTEL_CATEGORIES,
  RATING_VALUES,
  SIGNAL_SEEN_MAX,
  SIGNAL_TITLE_MAX,
} from "../domain/signal-rules.ts";

export const SIGNAL_FORMS = {
  save: "ennakko.signal-save",
  measure: "ennakko.signal-measure",
} as const;

/** What travels with the form: where it was opened, its nonce, and the message it came from. */
export const SignalFormMetadata = z.object({
  channelId: z.string().min(1),
  key: z.string().min(8).max(100),
  link: z.string().max(500).nullable(),
});
export type SignalFormMetadata = z.infer<typeof SignalFormMetadata>;

/** The form's field ids and the use case's input fields they fill. */
const FIELDS = {
  title: "title",
  seen: "description",
  source: "sourceUrl",
  category: "category",
  significance: "significance",
  timeliness: "timeliness",
} as const;
type FieldId = keyof typeof FIELDS;

export function signalForm(t: Translate, meta: SignalFormMetadata, typed: Record<string, unknown>): Form {
  const value = (id: FieldId) => textOf(typed[id]);
  return {
    formId: SIGNAL_FORMS.save,
    title: t("signal.form.title"),
    submitLabel: t("signal.form.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify(meta),
    elements: [
      text(meta.link ? t("signal.form.fromMessage", { link: meta.link }) : t("signal.form.intro")),
      {
        type: "input",
        id: "title",
        label: t("signal.field.title"),
        maxLength: SIGNAL_TITLE_MAX,
        initial: value("title"),
      },
      {
        type: "input",
        id: "seen",
        label: t("signal.field.seen"),
        multiline: true,
        maxLength: SIGNAL_SEEN_MAX,
        initial: value("seen"),
      },
      {
        type: "input",
        id: "source",
        label: t("signal.field.source"),
        optional: true,
        placeholder: "https://",
        initial: value("source"),
      },
      {
        type: "select",
        id: "category",
        label: t("signal.field.category"),
        options: PESTEL_CATEGORIES.map((c) => ({ label: t(`signal.category.${c}`), value: c })),
        initial: known(value("category"), PESTEL_CATEGORIES),
      },
      {
        type: "select",
        id: "significance",
        label: t("signal.field.significance"),
        options: RATING_VALUES.map((v) => ({
          label: t(`signal.significance.${v}` as "signal.significance.1"),
          value: String(v),
        })),
        initial: known(value("significance"), RATING_VALUES.map(String)),
      },
      {
        type: "select",
        id: "timeliness",
        label: t("signal.field.timeliness"),
        options: RATING_VALUES.map((v) => ({
          label: t(`signal.timeliness.${v}` as "signal.timeliness.1"),
          value: String(v),
        })),
        initial: known(value("timeliness"), RATING_VALUES.map(String)),
      },
    ],
  };
}

/** A select's initial value must be one of its options (Slack refuses the modal otherwise). */
const known = (value: string | undefined, options: readonly string[]) =>
  value !== undefined && options.includes(value) ? value : undefined;

/** "Aino: what she wrote": a message's text never travels without its author. */
export function attributed(messageText: string, author: string | undefined): string {
  const body = messageText.trim();
  return (author ? `${author}: ${body}` : body).slice(0, SIGNAL_SEEN_MAX);
}

/** The form's typed values as the use case takes them. */
export function signalFields(values: Record<string, unknown>) {
  return {
    title: textOf(values.title) ?? "",
    description: textOf(values.seen) ?? "",
    sourceUrl: textOf(values.source) ?? null,
    category: textOf(values.category) ?? "",
    significance: textOf(values.significance) ?? "",
    timeliness: textOf(values.timeliness) ?? "",
  };
}

const FormFields = SaveSignalInput.pick({
  title: true,
  description: true,
  sourceUrl: true,
  category: true,
  significance: true,
  timeliness: true,
});

const PROBLEM: Record<FieldId, Parameters<Translate>[0]> = {
  title: "signal.invalid.title",
  seen: "signal.invalid.seen",
  source: "signal.invalid.source",
  category: "signal.invalid.category",
  significance: "signal.invalid.significance",
  timeliness: "signal.invalid.timeliness",
};

/** Every field's problem at once (the use case checks the same schema again, and reports the first). */
export function signalFieldErrors(t: Translate, values: Record<string, unknown>): Record<string, string> {
  const parsed = FormFields.safeParse(signalFields(values));
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(String(issue.path[0] ?? ""));
    if (field) errors[field] ??= t(PROBLEM[field]);
  }
  return errors;
}

/** The form field an input field of the use case belongs to. */
export function fieldOf(inputField: string): FieldId | null {
  const entry = Object.entries(FIELDS).find(([, input]) => input === inputField);
  return entry ? (entry[0] as FieldId) : null;
}

export function fieldProblem(t: Translate, field: FieldId): string {
  return t(PROBLEM[field]);
}
