// The Delphi forms: a new Delphi (organisers, in the channel), rating one statement and explaining a
// view (members, from their personal sheet).

import type { Locale } from "../../../kernel/domain/locale.ts";
import { addDaysToDate, utcToZoned } from "../../../kernel/domain/zoned-time.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { textOf } from "../../../kernel/surface/form-values.ts";
import type { Form } from "../../../kernel/surface/view.ts";
import { text } from "../../../kernel/surface/view.ts";
import type { DelphiSheet, SheetStatement } from "../app/delphi-sheet.ts";
import { REASON_MAX_LENGTH, SCALE_KEYS, scaleValues } from "../domain/scales.ts";
import { optionLabel, type StatementClick } from "./delphi-sheet-view.ts";

export const DELPHI_FORMS = {
  create: "ennakko.delphi-new",
  answer: "ennakko.delphi-answer",
  explain: "ennakko.delphi-explain",
} as const;

/** Round 1 runs a week unless the organiser says otherwise, closing in the afternoon. */
export const DEFAULT_DAYS_OPEN = 7;
export const DEFAULT_CLOSING_TIME = "16:00";
/** Slack's text inputs take at most 3000 characters: 20 statements of ~140 characters. */
export const STATEMENTS_FIELD_MAX = 3000;

export function newDelphiForm(
  t: Translate,
  channelId: string,
  timeZone: string,
  now: Date,
  typed: Record<string, unknown> = {},
): Form {
  const value = (id: string) => textOf(typed[id]);
  const list = (id: string) => {
    const v = typed[id];
    return Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? v.split(",") : undefined;
  };
  const today = utcToZoned(now, timeZone).date;
  return {
    formId: DELPHI_FORMS.create,
    title: t("delphi.new.title"),
    submitLabel: t("delphi.new.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId, timeZone }),
    elements: [
      text(t("delphi.new.intro", { zone: timeZone })),
      { type: "input", id: "title", label: t("delphi.new.name"), maxLength: 200, initial: value("title") },
      {
        type: "input",
        id: "statements",
        label: t("delphi.new.statements"),
        multiline: true,
        maxLength: STATEMENTS_FIELD_MAX,
        placeholder: t("delphi.new.statementsPlaceholder"),
        initial: value("statements"),
      },
      {
        type: "multiselect",
        id: "scales",
        label: t("delphi.new.scales"),
        options: SCALE_KEYS.map((key) => ({ label: t(`delphi.scale.${key}`), value: key })),
        initial: list("scales") ?? ["probability", "year"],
      },
      {
        type: "select",
        id: "unit",
        label: t("delphi.new.unit"),
        options: [
          { label: t("delphi.new.unitLikert"), value: "likert5" },
          { label: t("delphi.new.unitPercent"), value: "percent" },
        ],
        initial: value("unit") ?? "likert5",
      },
      {
        type: "input",
        kind: "date",
        id: "closes_date",
        label: t("delphi.new.closesDate"),
        initial: value("closes_date") ?? addDaysToDate(today, DEFAULT_DAYS_OPEN),
      },
      {
        type: "input",
        kind: "time",
        id: "closes_time",
        label: t("delphi.new.closesTime"),
        initial: value("closes_time") ?? DEFAULT_CLOSING_TIME,
      },
      {
        type: "input",
        kind: "date",
        id: "next_date",
        label: t("delphi.new.nextDate"),
        optional: true,
        ...(value("next_date") ? { initial: value("next_date") } : {}),
      },
    ],
  };
}

function statementHeading(t: Translate, sheet: DelphiSheet, s: SheetStatement) {
  return text(`${t("delphi.answerForm.round", { round: sheet.round })}\n*${s.position + 1}. ${s.text}*`);
}

/** One select per scale (values from scaleValues, years included) and an optional reason. */
export function answerForm(
  t: Translate,
  locale: Locale,
  channelId: string,
  sheet: DelphiSheet,
  s: SheetStatement,
  typed: Record<string, unknown> = {},
): Form {
  const click: StatementClick = { delphiId: sheet.delphiId, statementId: s.id, round: sheet.round };
  return {
    formId: DELPHI_FORMS.answer,
    title: t("delphi.answerForm.title"),
    submitLabel: t("delphi.answerForm.submit"),
    cancelLabel: t("setup.cancel"),
    // The channel: a Slack modal has none of its own (the personal chat the sheet is in).
    metadata: JSON.stringify({ channelId, ...click }),
    elements: [
      statementHeading(t, sheet, s),
      ...sheet.scales.map((scale) => ({
        type: "select" as const,
        id: scale.key,
        label: t(`delphi.question.${scale.key}`),
        options: scaleValues(scale, sheet.yearFrom).map((v) => ({
          label: optionLabel(t, scale, v, locale),
          value: String(v),
        })),
        ...(textOf(typed[scale.key]) ? { initial: textOf(typed[scale.key]) } : {}),
      })),
      {
        type: "input",
        id: "reason",
        label: t("delphi.answerForm.reason"),
        multiline: true,
        optional: true,
        maxLength: REASON_MAX_LENGTH,
        ...(textOf(typed.reason) ? { initial: textOf(typed.reason) } : {}),
      },
    ],
  };
}

export function explainForm(t: Translate, channelId: string, sheet: DelphiSheet, s: SheetStatement): Form {
  const click: StatementClick = { delphiId: sheet.delphiId, statementId: s.id, round: sheet.round };
  return {
    formId: DELPHI_FORMS.explain,
    title: t("delphi.explainForm.title"),
    submitLabel: t("delphi.explainForm.submit"),
    cancelLabel: t("setup.cancel"),
    // The channel: a Slack modal has none of its own (the personal chat the sheet is in).
    metadata: JSON.stringify({ channelId, ...click }),
    elements: [
      statementHeading(t, sheet, s),
      text(t(s.explainSide === "above" ? "delphi.sheet.askAbove" : "delphi.sheet.askBelow")),
      text(t("delphi.explainForm.anonymous"), "muted"),
      {
        type: "input",
        id: "reason",
        label: t("delphi.explainForm.reason"),
        multiline: true,
        maxLength: REASON_MAX_LENGTH,
      },
    ],
  };
}
