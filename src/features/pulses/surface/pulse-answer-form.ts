// The form for a pulse's longer questions (choices from long lists, numbers, free text, the
// skill-need grid), prefilled with what is saved. Every field is optional here: saving half an
// answer is allowed, and "required" is checked when the member submits the pulse.

import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import type { Form, InputElement, MultiSelectElement, SelectElement } from "../../../kernel/surface/view.ts";
import { text } from "../../../kernel/surface/view.ts";
import type { PulseSheet } from "../app/pulse-sheet-shape.ts";
import {
  DEMAND_LEVEL_LABELS,
  DEMAND_LEVELS,
  HORIZON_LABELS,
  type Horizon,
  type QuestionDefinition,
  type SkillGridCell,
  textIn,
} from "../domain/question-types.ts";
import { choiceOptions, isButtonQuestion } from "./pulse-sheet-view.ts";

export const PULSE_ANSWER_FORM_ID = "ennakko.pulse-answer";

type Field = InputElement | SelectElement | MultiSelectElement;

/** Field ids: `q<n>` for a question, `q<n>_s<m>_h<years>` for a skill-grid cell. */
export const questionField = (index: number) => `q${index}`;
export const cellField = (index: number, skillIndex: number, horizon: Horizon) =>
  `q${index}_s${skillIndex}_h${horizon}`;

/** Questions the form asks, with their index in the pulse (field ids use it). */
export function formQuestions(sheet: PulseSheet): { question: QuestionDefinition; index: number }[] {
  return sheet.questions
    .map((question, index) => ({ question, index }))
    .filter((q) => !isButtonQuestion(q.question));
}

/** `typed`: what the member submitted, shown again when the form comes back with a problem. */
export function pulseAnswerForm(
  sheet: PulseSheet,
  channelId: string,
  t: Translate,
  locale: Locale,
  typed: Record<string, unknown> = {},
): Form {
  const elements: Form["elements"] = [
    text(t(sheet.anonymous ? "pulse.form.anonymous" : "pulse.form.named"), "muted"),
  ];
  for (const { question, index } of formQuestions(sheet))
    elements.push(
      ...fieldsOf(sheet, question, index, t, locale).map((field) => withTyped(field, typed[field.id])),
    );
  return {
    formId: PULSE_ANSWER_FORM_ID,
    title: t("pulse.form.title"),
    submitLabel: t("pulse.form.save"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId, pulseId: sheet.pulseId, token: sheet.token }),
    elements,
  };
}

function withTyped(field: Field, typed: unknown): Field {
  if (typed === undefined) return field;
  if (field.type === "multiselect") {
    const values = Array.isArray(typed) ? typed.map(String) : String(typed).split(",").filter(Boolean);
    return { ...field, initial: values };
  }
  const value = Array.isArray(typed) ? typed[0] : typed;
  return typeof value === "string" ? { ...field, initial: value } : field;
}

function fieldsOf(
  sheet: PulseSheet,
  question: QuestionDefinition,
  index: number,
  t: Translate,
  locale: Locale,
): Field[] {
  const label = `${index + 1}. ${textIn(question.text, locale)}`;
  const saved = sheet.answers[question.key];
  const id = questionField(index);
  switch (question.type) {
    case "LIKERT":
      return [];
    case "SINGLE_CHOICE":
      return [
        {
          type: "select",
          id,
          label,
          optional: true,
          options: choiceOptions(question, sheet.skills, locale),
          ...(typeof saved === "string" ? { initial: saved } : {}),
        },
      ];
    case "MULTIPLE_CHOICE":
      return [
        {
          type: "multiselect",
          id,
          label,
          optional: true,
          options: choiceOptions(question, sheet.skills, locale),
          ...(Array.isArray(saved) ? { initial: saved.map(String) } : {}),
        },
      ];
    case "NUMBER": {
      const unit = question.config.unit ? ` ${textIn(question.config.unit, locale)}` : "";
      return [
        {
          type: "input",
          id,
          label,
          optional: true,
          maxLength: 24,
          placeholder: t("pulse.form.numberHint", {
            min: question.config.min,
            max: question.config.max,
            unit,
          }),
          ...(typeof saved === "number" ? { initial: String(saved) } : {}),
        },
      ];
    }
    case "FREE_TEXT":
      return [
        {
          type: "input",
          id,
          label,
          optional: true,
          multiline: true,
          maxLength: question.config.maxLength,
          ...(typeof saved === "string" ? { initial: saved } : {}),
        },
      ];
    case "SKILL_GRID": {
      const cells = Array.isArray(saved) ? (saved as SkillGridCell[]) : [];
      const levels = DEMAND_LEVELS.map((level) => ({
        label: DEMAND_LEVEL_LABELS[level][locale],
        value: level,
      }));
      return sheet.skills.flatMap((skill, skillIndex) =>
        question.config.horizons.map((horizon): Field => {
          const cell = cells.find((c) => c.skill === skill && c.horizon === horizon);
          return {
            type: "select",
            id: cellField(index, skillIndex, horizon),
            label: `${skillIndex === 0 && horizon === question.config.horizons[0] ? `${label} – ` : ""}${skill}, ${HORIZON_LABELS[horizon][locale]}`,
            optional: true,
            options: levels,
            ...(cell ? { initial: cell.level } : {}),
          };
        }),
      );
    }
  }
}

/** The answers a submitted form gives, by question key; an emptied field withdraws the answer. */
export function answersFromForm(
  sheet: PulseSheet,
  values: Record<string, unknown>,
): { questionKey: string; value: unknown }[] {
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const filled = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  return formQuestions(sheet).map(({ question, index }) => {
    const raw = values[questionField(index)];
    switch (question.type) {
      case "MULTIPLE_CHOICE": {
        // Slack sends a list, Teams one comma-separated string.
        const ids = Array.isArray(raw) ? raw.map(String) : (filled(raw)?.split(",") ?? []);
        return { questionKey: question.key, value: ids.length ? ids : null };
      }
      case "SKILL_GRID": {
        const cells = sheet.skills.flatMap((skill, skillIndex) =>
          question.config.horizons.flatMap((horizon) => {
            const level = filled(one(values[cellField(index, skillIndex, horizon)]));
            return level ? [{ skill, horizon, level }] : [];
          }),
        );
        return { questionKey: question.key, value: cells.length ? cells : null };
      }
      default:
        return { questionKey: question.key, value: filled(one(raw)) ?? null };
    }
  });
}

/** The field to show an answer's problem next to. */
export function fieldOfQuestion(sheet: PulseSheet, questionKey: string): string | null {
  const index = sheet.questions.findIndex((q) => q.key === questionKey);
  const question = sheet.questions[index];
  if (!question || isButtonQuestion(question)) return null;
  if (question.type === "SKILL_GRID") {
    const horizon = question.config.horizons[0];
    return sheet.skills.length && horizon ? cellField(index, 0, horizon) : null;
  }
  return questionField(index);
}
