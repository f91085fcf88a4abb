// A member's pulse in their personal chat: short questions answer with buttons right here, longer
// ones in a form (Slack modal, Teams card). Every click redraws the sheet with what is saved.
//
// Anonymous pulses: the response token rides in the buttons' values and the form's metadata, i.e.
// in the member's own message, never in the database next to their name.

import type { Locale } from "../../../kernel/domain/locale.ts";
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { type ButtonElement, type Element, moment, text, type View } from "../../../kernel/surface/view.ts";
import type { PulseSheet } from "../app/pulse-sheet-shape.ts";
import {
  CLUSTER_SKILLS,
  DEMAND_LEVEL_LABELS,
  isRequired,
  type QuestionDefinition,
  type SkillGridCell,
  textIn,
} from "../domain/question-types.ts";

export const PULSE_ACTIONS = {
  answer: "ennakko.pulse.answer",
  form: "ennakko.pulse.form",
  submit: "ennakko.pulse.submit",
  open: "ennakko.pulse.open",
} as const;

/** Short questions fit a row of buttons; anything else is answered in the form. */
const MAX_BUTTON_OPTIONS = 6;

export function isButtonQuestion(question: QuestionDefinition): boolean {
  if (question.type === "LIKERT") return true;
  return (
    question.type === "SINGLE_CHOICE" &&
    question.config.options !== CLUSTER_SKILLS &&
    question.config.options.length <= MAX_BUTTON_OPTIONS
  );
}

// --- button values: "pulseId|questionKey|value|token", "pulseId|token" ---------------------------

export type AnswerClick = { pulseId: string; questionKey: string; value: string; token: string | null };
export type SheetClick = { pulseId: string; token: string | null };

export const answerValue = (pulseId: string, key: string, value: string, token: string | null) =>
  [pulseId, key, value, token ?? ""].join("|");
export const sheetValue = (pulseId: string, token: string | null) => [pulseId, token ?? ""].join("|");

export function parseAnswerClick(raw: string): AnswerClick | null {
  const [pulseId, questionKey, value, token, ...extra] = raw.split("|");
  if (!pulseId || !questionKey || !value || token === undefined || extra.length > 0) return null;
  return { pulseId, questionKey, value, token: token || null };
}

export function parseSheetClick(raw: string): SheetClick | null {
  const [pulseId, token, ...extra] = raw.split("|");
  if (!pulseId || extra.length > 0) return null;
  return { pulseId, token: token || null };
}

// --- the sheet -------------------------------------------------------------------------------------

/**
 * `notice`: why the last click changed nothing, shown on the sheet itself — a refusal must not
 * replace the sheet, since an anonymous member's token lives only in it.
 */
export function pulseSheetView(sheet: PulseSheet, t: Translate, locale: Locale, notice?: string): View {
  const closes = moment(sheet.closesAt, formatInZone(sheet.closesAt, locale, sheet.timeZone, "dateTime"));
  const heading = t("pulse.sheet.heading", { title: sheet.title, cluster: sheet.clusterName });
  const elements: Element[] = [
    text(heading, "heading"),
    ...(notice ? [text(`⚠️ ${notice}`)] : []),
    text(t("pulse.sheet.closes", { when: closes })),
    text(t(sheet.anonymous ? "pulse.sheet.anonymous" : "pulse.sheet.named"), "muted"),
    { type: "divider" },
  ];
  const frozen = sheet.state !== "OPEN" || (sheet.anonymous && sheet.submitted);
  sheet.questions.forEach((question, index) => {
    elements.push(...questionElements(sheet, question, index + 1, frozen, t, locale));
  });
  elements.push({ type: "divider" }, ...footer(sheet, frozen, t));
  return { fallback: heading, elements };
}

function questionElements(
  sheet: PulseSheet,
  question: QuestionDefinition,
  number: number,
  frozen: boolean,
  t: Translate,
  locale: Locale,
): Element[] {
  const optional = isRequired(question) ? "" : ` ${t("pulse.sheet.optional")}`;
  const title = text(`*${number}. ${textIn(question.text, locale)}*${optional}`);
  const answer = sheet.answers[question.key];
  if (isButtonQuestion(question) && !frozen) {
    const buttons: ButtonElement[] = buttonOptions(question, locale).map((option) => {
      const chosen = answer !== undefined && String(answer) === option.value;
      return {
        type: "button",
        actionId: PULSE_ACTIONS.answer,
        label: chosen ? `✓ ${option.label}` : option.label,
        value: answerValue(sheet.pulseId, question.key, option.value, sheet.token),
        ...(chosen ? { style: "primary" as const } : {}),
      };
    });
    return [title, { type: "actions", buttons }];
  }
  // Submitted anonymously and drawn again later: the answers are no longer findable (see footer).
  if (answer === undefined && unlinked(sheet)) return [title];
  const shown =
    answer === undefined ? t("pulse.sheet.notAnswered") : describeAnswer(question, answer, locale);
  return [title, text(t("pulse.sheet.yourAnswer", { answer: shown }), "muted")];
}

function footer(sheet: PulseSheet, frozen: boolean, t: Translate): Element[] {
  if (sheet.state === "CLOSED") return [text(t("pulse.sheet.closed"))];
  if (sheet.anonymous && sheet.submitted)
    return [
      text(
        unlinked(sheet)
          ? `${t("pulse.sheet.submittedAnonymous")}\n${t("pulse.sheet.submittedUnlinked")}`
          : t("pulse.sheet.submittedAnonymous"),
      ),
    ];
  const answered = sheet.questions.filter((q) => sheet.answers[q.key] !== undefined).length;
  const lines = [t("pulse.sheet.progress", { answered, total: sheet.questions.length })];
  if (sheet.submitted) lines.push(t("pulse.sheet.submittedNamed"));
  const buttons: ButtonElement[] = [];
  if (!frozen && sheet.questions.some((q) => !isButtonQuestion(q)))
    buttons.push({
      type: "button",
      actionId: PULSE_ACTIONS.form,
      label: t("pulse.sheet.openForm"),
      value: sheetValue(sheet.pulseId, sheet.token),
    });
  if (!frozen && !sheet.submitted)
    buttons.push({
      type: "button",
      actionId: PULSE_ACTIONS.submit,
      label: t("pulse.sheet.submit"),
      value: sheetValue(sheet.pulseId, sheet.token),
      style: "primary",
    });
  if (sheet.anonymous && !sheet.submitted) lines.push(t("pulse.sheet.anonymousFinal"));
  return [text(lines.join("\n")), ...(buttons.length ? [{ type: "actions" as const, buttons }] : [])];
}

/** An anonymous sheet after submitting, drawn from the database: it holds no answers any more. */
function unlinked(sheet: PulseSheet): boolean {
  return sheet.anonymous && sheet.submitted && Object.keys(sheet.answers).length === 0;
}

/** The choices of a button question, with the stored answer's string form as value. */
export function buttonOptions(
  question: QuestionDefinition,
  locale: Locale,
): { label: string; value: string }[] {
  if (question.type === "LIKERT")
    return question.config.labels.map((label, i) => ({
      label: `${i + 1} ${textIn(label, locale)}`,
      value: String(i + 1),
    }));
  if (question.type === "SINGLE_CHOICE" && question.config.options !== CLUSTER_SKILLS)
    return question.config.options.map((o) => ({ label: textIn(o.label, locale), value: o.id }));
  return [];
}

/** The choices of a choice question: its own options, or the pulse's skill list. */
export function choiceOptions(
  question: QuestionDefinition,
  skills: readonly string[],
  locale: Locale,
): { label: string; value: string }[] {
  if (question.type !== "SINGLE_CHOICE" && question.type !== "MULTIPLE_CHOICE") return [];
  const { options } = question.config;
  if (options === CLUSTER_SKILLS) return skills.map((s) => ({ label: s, value: s }));
  return options.map((o) => ({ label: textIn(o.label, locale), value: o.id }));
}

/** A stored answer in words, short enough for one line of the sheet. */
export function describeAnswer(question: QuestionDefinition, answer: unknown, locale: Locale): string {
  const label = (id: string) => choiceOptions(question, [], locale).find((o) => o.value === id)?.label ?? id;
  switch (question.type) {
    case "LIKERT":
      return buttonOptions(question, locale).find((o) => o.value === String(answer))?.label ?? String(answer);
    case "SINGLE_CHOICE":
      return label(String(answer));
    case "MULTIPLE_CHOICE":
      return Array.isArray(answer) ? answer.map((id) => label(String(id))).join(", ") || "–" : "–";
    case "NUMBER": {
      const unit = question.config.unit ? ` ${textIn(question.config.unit, locale)}` : "";
      return `${new Intl.NumberFormat(locale).format(Number(answer))}${unit}`;
    }
    case "FREE_TEXT": {
      const s = String(answer);
      return `“${s.length > 120 ? `${s.slice(0, 119)}…` : s}”`;
    }
    case "SKILL_GRID": {
      if (!Array.isArray(answer)) return "–";
      const cells = (answer as SkillGridCell[]).map(
        (c) => `${c.skill} (${c.horizon}): ${DEMAND_LEVEL_LABELS[c.level][locale]}`,
      );
      // The sheet shows a glimpse; the form shows every cell.
      return cells.length > 3
        ? `${cells.slice(0, 3).join("; ")}; … (+${cells.length - 3})`
        : cells.join("; ");
    }
  }
}
