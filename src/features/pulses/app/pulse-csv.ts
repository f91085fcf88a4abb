// The pulse's CSV files: every answer (one row per response) and the summary (one row per question
// and choice), in the reader's language and the cluster's format (src/exports/csv.ts).

import { type CsvCell, type CsvFormat, csvOptionsFor, toCsv } from "../../../exports/csv.ts";
import { csvLabels } from "../../../exports/csv-labels.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import {
  type CycleComparison,
  hideSmallGroups,
  type QuestionStats,
  type QuestionSummary,
} from "../domain/aggregate.ts";
import {
  answerSchemaFor,
  CLUSTER_SKILLS,
  DEMAND_LEVEL_LABELS,
  DEMAND_LEVELS,
  HORIZON_LABELS,
  type QuestionDefinition,
  type SkillGridCell,
  STAKEHOLDER_TYPES,
  type StakeholderType,
} from "../domain/question-types.ts";

// --- answers --------------------------------------------------------------------------------------

export type AnswersCsvResponse = {
  stakeholderType: StakeholderType | null;
  /** Named pulses only; never written for an anonymous pulse. */
  respondent?: { name: string; organisation?: string | null } | null;
  submittedAt?: Date | null;
  /** Answers by question key, as stored in PulseAnswer.value. */
  answers: Readonly<Record<string, unknown>>;
};
export type AnswersCsvInput = {
  anonymous: boolean;
  locale: Locale;
  questions: readonly QuestionDefinition[];
  responses: readonly AnswersCsvResponse[];
};

const ANSWER_COLUMNS = [
  "questionKey",
  "questionType",
  "question",
  "item",
  "horizon",
  "value",
  "valueLabel",
] as const;

export function answersCsv(input: AnswersCsvInput, format: CsvFormat = csvOptionsFor(input.locale)): string {
  const { anonymous, locale, questions } = input;
  const l = csvLabels(locale);
  const header = (
    anonymous
      ? (["response", "stakeholderType", ...ANSWER_COLUMNS] as const)
      : (["response", "name", "organisation", "submittedAt", "stakeholderType", ...ANSWER_COLUMNS] as const)
  ).map(l);
  const typeShown = stakeholderColumn(input);
  const responses = anonymous ? contentOrder(input.responses, questions) : input.responses;
  const rows: CsvCell[][] = [header];
  const schemas = new Map(questions.map((q) => [q.key, answerSchemaFor(q, { skills: "ANY" })]));
  responses.forEach((response, i) => {
    const type =
      response.stakeholderType && typeShown(response.stakeholderType) ? response.stakeholderType : "";
    const who: CsvCell[] = anonymous
      ? [i + 1, type]
      : [
          i + 1,
          response.respondent?.name ?? "",
          response.respondent?.organisation ?? "",
          response.submittedAt ?? null,
          type,
        ];
    for (const question of questions) {
      if (!Object.hasOwn(response.answers, question.key)) continue;
      const parsed = schemas.get(question.key)!.safeParse(response.answers[question.key]);
      if (!parsed.success) continue; // validated on the way in; a value that no longer fits is left out
      const lead: CsvCell[] = [...who, question.key, question.type, question.text[locale]];
      for (const item of answerItems(question, parsed.data, locale)) rows.push([...lead, ...item]);
    }
  });
  return toCsv(rows, format);
}

/** [item, horizon, value, value_label] rows of one answer. */
function answerItems(question: QuestionDefinition, value: unknown, locale: Locale): CsvCell[][] {
  switch (question.type) {
    case "LIKERT":
      return [["", "", value as number, question.config.labels[(value as number) - 1]![locale]]];
    case "SINGLE_CHOICE":
      return [["", "", value as string, optionLabel(question, value as string, locale)]];
    case "MULTIPLE_CHOICE": {
      const ids = value as string[];
      if (ids.length === 0) return [["", "", "", ""]];
      return ids.map((id) => ["", "", id, optionLabel(question, id, locale)]);
    }
    case "NUMBER":
      return [["", "", value as number, question.config.unit?.[locale] ?? ""]];
    case "FREE_TEXT":
      return [["", "", value as string, ""]];
    case "SKILL_GRID":
      return (value as SkillGridCell[]).map((c) => [
        c.skill,
        c.horizon,
        c.level,
        DEMAND_LEVEL_LABELS[c.level][locale],
      ]);
  }
}

function optionLabel(question: QuestionDefinition, id: string, locale: Locale): string {
  if (question.type !== "SINGLE_CHOICE" && question.type !== "MULTIPLE_CHOICE") return "";
  const { options } = question.config;
  if (options === CLUSTER_SKILLS) return id;
  return options.find((o: { id: string }) => o.id === id)?.label[locale] ?? "";
}

function stakeholderColumn(input: AnswersCsvInput): (type: StakeholderType) => boolean {
  if (!input.anonymous) return () => true;
  const sizes = Object.fromEntries(
    STAKEHOLDER_TYPES.map((t) => [t, input.responses.filter((r) => r.stakeholderType === t).length]),
  ) as Record<StakeholderType, number>;
  const hiding = hideSmallGroups(sizes, input.responses.length);
  return (type) => hiding[type] === null;
}

/** Anonymous responses sorted by their answers, so row order says nothing about who answered when. */
function contentOrder(
  responses: readonly AnswersCsvResponse[],
  questions: readonly QuestionDefinition[],
): AnswersCsvResponse[] {
  const canonical = (r: AnswersCsvResponse) =>
    JSON.stringify([r.stakeholderType, ...questions.map((q) => r.answers[q.key] ?? null)]);
  return responses
    .map((r) => ({ r, k: canonical(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ r }) => r);
}

// --- summary --------------------------------------------------------------------------------------

export type SummaryCsvInput = {
  locale: Locale;
  questions: readonly QuestionDefinition[];
  summaries: readonly QuestionSummary[];
  /** Change since the previous cycle, by question key. */
  comparisons?: ReadonlyMap<string, CycleComparison>;
};

const SUMMARY_HEADER = [
  "questionKey",
  "questionType",
  "question",
  "group",
  "item",
  "itemLabel",
  "horizon",
  "statistic",
  "value",
] as const;

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const MEAN_DIGITS = 3;
const SHARE_DIGITS = 4;

export function summaryCsv(input: SummaryCsvInput, format: CsvFormat = csvOptionsFor(input.locale)): string {
  const rows: CsvCell[][] = [SUMMARY_HEADER.map(csvLabels(input.locale))];
  for (const summary of input.summaries) {
    const question = input.questions.find((q) => q.key === summary.key);
    const head: CsvCell[] = [summary.key, summary.type, question?.text[input.locale] ?? ""];
    const groups: [string, QuestionSummary["overall"]][] = [
      ["ALL", summary.overall],
      ...STAKEHOLDER_TYPES.map((t): [string, QuestionSummary["overall"]] => [
        t,
        summary.byStakeholderType[t],
      ]),
    ];
    for (const [group, figure] of groups) {
      const emit = (item: CsvCell, label: CsvCell, horizon: CsvCell, statistic: string, value: CsvCell) =>
        rows.push([...head, group, item, label, horizon, statistic, value]);
      if (figure.hidden) {
        emit("", "", "", "hidden", figure.reason);
        continue;
      }
      statRows(figure.stats, question, input.locale, group === "ALL", emit);
    }
    const comparison = input.comparisons?.get(summary.key);
    if (comparison) {
      const emit = (item: CsvCell, label: CsvCell, horizon: CsvCell, statistic: string, value: CsvCell) =>
        rows.push([...head, "ALL", item, label, horizon, statistic, value]);
      comparisonRows(comparison, question, input.locale, emit);
    }
  }
  return toCsv(rows, format);
}

type Emit = (item: CsvCell, label: CsvCell, horizon: CsvCell, statistic: string, value: CsvCell) => void;

function statRows(
  stats: QuestionStats,
  question: QuestionDefinition | undefined,
  locale: Locale,
  withTexts: boolean,
  emit: Emit,
): void {
  emit("", "", "", "n", stats.n);
  switch (stats.type) {
    case "LIKERT":
      emit("", "", "", "mean", round(stats.mean, MEAN_DIGITS));
      for (const d of stats.distribution) {
        const label = question?.type === "LIKERT" ? question.config.labels[d.id - 1]![locale] : "";
        emit(d.id, label, "", "count", d.count);
        emit(d.id, label, "", "share", round(d.share, SHARE_DIGITS));
      }
      return;
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      for (const o of stats.options) {
        const label = question ? optionLabel(question, o.id, locale) : "";
        emit(o.id, label, "", "count", o.count);
        emit(o.id, label, "", "share", round(o.share, SHARE_DIGITS));
      }
      if (stats.type === "MULTIPLE_CHOICE") emit("", "", "", "none_selected", stats.noneSelected);
      return;
    case "NUMBER": {
      const unit = question?.type === "NUMBER" ? (question.config.unit?.[locale] ?? "") : "";
      emit("", unit, "", "sum", stats.sum);
      emit("", unit, "", "mean", round(stats.mean, MEAN_DIGITS));
      emit("", unit, "", "median", stats.median);
      emit("", unit, "", "min", stats.min);
      emit("", unit, "", "max", stats.max);
      return;
    }
    case "FREE_TEXT":
      if (withTexts) for (const text of stats.texts) emit("", "", "", "text", text);
      return;
    case "SKILL_GRID":
      for (const cell of stats.cells) {
        const horizonLabel = HORIZON_LABELS[cell.horizon][locale];
        if (cell.hidden) {
          emit(cell.skill, horizonLabel, cell.horizon, "hidden", "FEWER_THAN_3");
          continue;
        }
        emit(cell.skill, horizonLabel, cell.horizon, "n", cell.n);
        for (const level of DEMAND_LEVELS)
          emit(cell.skill, horizonLabel, cell.horizon, `count_${level.toLowerCase()}`, cell.counts[level]);
        emit(cell.skill, horizonLabel, cell.horizon, "score", round(cell.score, MEAN_DIGITS));
        emit(cell.skill, horizonLabel, cell.horizon, "growing_share", round(cell.growingShare, SHARE_DIGITS));
      }
      for (const ranking of stats.rankings)
        for (const s of ranking.skills)
          emit(s.skill, HORIZON_LABELS[ranking.horizon][locale], ranking.horizon, "rank", s.rank);
      return;
  }
}

function comparisonRows(
  comparison: CycleComparison,
  question: QuestionDefinition | undefined,
  locale: Locale,
  emit: Emit,
): void {
  if (!comparison.comparable) {
    emit("", "", "", "change_unavailable", comparison.reason);
    return;
  }
  emit("", "", "", "previous_n", comparison.n.previous);
  switch (comparison.type) {
    case "LIKERT":
      emit("", "", "", "change_mean", round(comparison.mean.change, MEAN_DIGITS));
      for (const s of comparison.shares) emit(s.id, "", "", "change_share", round(s.change, SHARE_DIGITS));
      return;
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      for (const s of comparison.shares) {
        const label = question ? optionLabel(question, s.id, locale) : "";
        emit(s.id, label, "", "change_share", round(s.change, SHARE_DIGITS));
      }
      return;
    case "NUMBER":
      emit("", "", "", "change_mean", round(comparison.mean.change, MEAN_DIGITS));
      emit("", "", "", "change_median", comparison.median.change);
      emit("", "", "", "change_sum", comparison.sum.change);
      return;
    case "FREE_TEXT":
      return;
    case "SKILL_GRID":
      for (const h of comparison.horizons) {
        const label = HORIZON_LABELS[h.horizon][locale];
        for (const s of h.skills) {
          emit(s.skill, label, h.horizon, "change_score", round(s.score.change, MEAN_DIGITS));
          emit(s.skill, label, h.horizon, "change_rank", s.rank.change);
        }
      }
      return;
  }
}
