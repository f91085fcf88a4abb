// The Delphi rounds' handlers: the organiser's commands and new-Delphi form; the member's sheet
// buttons and the answer and explain forms. Each calls one use case and draws its answer.
import { z } from "zod";
import type { Fail, FailureReason } from "../../../kernel/domain/result.ts";
import { formatInZone, isLocalDate, isLocalTime, zonedToUtc } from "../../../kernel/domain/zoned-time.ts";
import type { MessageKey } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { type Form, moment, note, type Output } from "../../../kernel/surface/view.ts";
import { answerDelphi, explainDelphi, loadDelphiSheet } from "../app/answer-delphi.ts";
import { createDelphi } from "../app/create-delphi.ts";
import { delphiFormOptions } from "../app/delphi-form-options.ts";
import type { DelphiSheet } from "../app/delphi-sheet.ts";
import { closeDelphiRound, finishDelphi, openNextDelphiRound } from "../app/manage-rounds.ts";
import { SCALE_KEYS, STATEMENT_MAX_LENGTH, STATEMENTS_MAX, STATEMENTS_MIN } from "../domain/scales.ts";
import { en } from "../messages/en.ts";
import {
  answerForm,
  DEFAULT_CLOSING_TIME,
  DELPHI_FORMS,
  explainForm,
  newDelphiForm,
} from "./delphi-forms.ts";
import {
  DELPHI_ACTIONS,
  delphiSheetView,
  oneClickScale,
  parseRateClick,
  parseStatementClick,
} from "./delphi-sheet-view.ts";

const at = (hc: HandlerContext, instant: Date, timeZone: string) =>
  moment(instant, formatInZone(instant, hc.locale, timeZone, "dateTime"));

// --- organiser: commands ---------------------------------------------------------------------------

export async function delphiNewCommand(hc: HandlerContext): Promise<Output[]> {
  const options = await delphiFormOptions(hc.app, actorAndConversation(hc));
  return render(hc, options, ({ timeZone }) => [
    {
      kind: "form",
      form: newDelphiForm(hc.t, hc.envelope.conversation.channelId, timeZone, hc.app.clock.now()),
    },
  ]);
}

export async function delphiCloseCommand(hc: HandlerContext): Promise<Output[]> {
  const closed = await closeDelphiRound(hc.app, actorAndConversation(hc));
  return render(hc, closed, (c) => [
    note(hc.t("delphi.closedNow", { title: c.title, round: c.round, n: c.respondents })),
  ]);
}

export async function delphiFinishCommand(hc: HandlerContext): Promise<Output[]> {
  const done = await finishDelphi(hc.app, actorAndConversation(hc));
  return render(hc, done, (d) => [note(hc.t("delphi.finished", { title: d.title, rounds: d.rounds }))]);
}

/** `delphi next [YYYY-MM-DD [HH:MM]]`: the closing date in the cluster's zone, or roundHours from now. */
export async function delphiNextCommand(
  hc: HandlerContext,
  { date, time }: { date?: string; time?: string },
): Promise<Output[]> {
  const options = await delphiFormOptions(hc.app, actorAndConversation(hc));
  if (!options.ok) return [failureOutput(hc.t, options)];
  const { timeZone } = options.value;
  const closesAt = date ? zonedToUtc(date, time ?? DEFAULT_CLOSING_TIME, timeZone) : null;
  const opened = await openNextDelphiRound(hc.app, { ...actorAndConversation(hc), closesAt });
  if (!opened.ok && opened.reason === "INVALID_INPUT") return [note(hc.t("delphi.invalid.CLOSES_IN_PAST"))];
  return render(hc, opened, (o) => [
    note(
      hc.t("delphi.nextOpened", {
        title: o.title,
        round: o.round,
        n: o.participants,
        when: at(hc, o.closesAt, timeZone),
      }),
    ),
  ]);
}

export function parseNextArgs(rest: string[]): { ok: true; args: { date?: string; time?: string } } | null {
  const [date, time, ...extra] = rest;
  if (extra.length > 0) return null;
  if (date !== undefined && !isLocalDate(date)) return null;
  if (time !== undefined && !isLocalTime(time)) return null;
  return { ok: true, args: { ...(date ? { date } : {}), ...(time ? { time } : {}) } };
}

// --- organiser: the new-Delphi form ------------------------------------------------------------

const CreateMetadata = z.object({ channelId: z.string().min(1), timeZone: z.string() });

const FIELD_OF: Record<string, string> = {
  title: "title",
  statements: "statements",
  scales: "scales",
  unit: "unit",
  roundClosesAt: "closes_date",
  nextRoundOpensAt: "next_date",
};

export async function delphiNewSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const meta = CreateMetadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(hc.t("parse.unknownAction"))];
  const { timeZone } = meta.data;
  const form = newDelphiForm(hc.t, meta.data.channelId, timeZone, hc.app.clock.now(), values);
  const errors: Record<string, string> = {};
  const statements = (textOf(values.statements) ?? "")
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (statements.length < STATEMENTS_MIN || statements.length > STATEMENTS_MAX)
    errors.statements = hc.t("delphi.invalid.STATEMENTS", {
      n: statements.length,
      min: STATEMENTS_MIN,
      max: STATEMENTS_MAX,
    });
  else {
    const long = statements.findIndex((s) => s.length > STATEMENT_MAX_LENGTH);
    if (long >= 0)
      errors.statements = hc.t("delphi.invalid.STATEMENT_LENGTH", {
        number: long + 1,
        max: STATEMENT_MAX_LENGTH,
      });
  }
  const raw = values.scales;
  const scales = (
    Array.isArray(raw) ? raw.map(String) : typeof raw === "string" && raw ? raw.split(",") : []
  ).filter((k): k is (typeof SCALE_KEYS)[number] => (SCALE_KEYS as readonly string[]).includes(k));
  if (scales.length === 0) errors.scales = hc.t("delphi.invalid.SCALES");
  const unit = textOf(values.unit) ?? "likert5";
  if (unit !== "likert5" && unit !== "percent") errors.unit = hc.t("delphi.invalid.UNIT");
  const closesDate = textOf(values.closes_date) ?? "";
  const closesTime = textOf(values.closes_time) ?? DEFAULT_CLOSING_TIME;
  const nextDate = textOf(values.next_date);
  if (!isLocalDate(closesDate)) errors.closes_date = hc.t("delphi.invalid.DATE");
  if (!isLocalTime(closesTime)) errors.closes_time = hc.t("delphi.invalid.TIME");
  if (nextDate && !isLocalDate(nextDate)) errors.next_date = hc.t("delphi.invalid.DATE");
  if (Object.keys(errors).length) return [{ kind: "form-errors", formId: DELPHI_FORMS.create, errors, form }];
  const created = await createDelphi(hc.app, {
    ...actorAndConversation(hc),
    title: textOf(values.title) ?? "",
    statements,
    scales,
    unit: unit as "likert5" | "percent",
    roundClosesAt: zonedToUtc(closesDate, closesTime, timeZone),
    // The next round opens in the morning of its day.
    nextRoundOpensAt: nextDate ? zonedToUtc(nextDate, "08:00", timeZone) : null,
  });
  if (!created.ok) return createProblem(hc, created, form);
  const c = created.value;
  return [
    note(
      hc.t("delphi.created", {
        title: c.title,
        statements: c.statements,
        n: c.participants,
        when: at(hc, c.roundClosesAt, timeZone),
      }),
    ),
  ];
}

function createProblem(hc: HandlerContext, failure: Fail<FailureReason>, form: Form): Output[] {
  if (failure.reason !== "INVALID_INPUT") return [failureOutput(hc.t, failure)];
  const path = String(failure.details?.field ?? "");
  const field = FIELD_OF[path] ?? FIELD_OF[path.split(".")[0] ?? ""] ?? "title";
  const key = `delphi.invalid.${String(failure.details?.problem ?? "")}`;
  const message =
    key in en
      ? hc.t(key as MessageKey, { n: 0, min: STATEMENTS_MIN, max: STATEMENTS_MAX, number: 0 })
      : hc.t("delphi.invalid.OTHER");
  return [{ kind: "form-errors", formId: DELPHI_FORMS.create, errors: { [field]: message }, form }];
}

// --- member: the sheet ---------------------------------------------------------------------------

function sheetOutput(hc: HandlerContext, sheet: DelphiSheet, notice?: string): Output {
  return { kind: "ephemeral", view: delphiSheetView(sheet, hc.t, hc.locale, notice), replace: true };
}

/** A refusal drawn on the sheet (the member keeps their message); a plain note when there is none. */
async function refused(
  hc: HandlerContext,
  failure: Fail<FailureReason>,
  delphiId: string,
): Promise<Output[]> {
  const output = failureOutput(hc.t, failure);
  const reason = output.kind === "ephemeral" ? output.view.fallback : hc.t("error.unexpected");
  const sheet = await loadDelphiSheet(hc.app, { actor: hc.envelope.actor, delphiId });
  return sheet.ok ? [sheetOutput(hc, sheet.value, reason)] : [note(reason)];
}

/** A one-click answer (a Delphi on one 1–5 scale): the same use case as the form, the sheet redrawn. */
async function rateByClick(hc: HandlerContext, value: string): Promise<Output[]> {
  const click = parseRateClick(value);
  if (!click) return [note(hc.t("parse.unknownAction"))];
  const { value: rating, ...statement } = click;
  const loaded = await loadDelphiSheet(hc.app, { actor: hc.envelope.actor, delphiId: click.delphiId });
  if (!loaded.ok) return [failureOutput(hc.t, loaded)];
  const scale = oneClickScale(loaded.value.scales);
  if (!scale) return [note(hc.t("parse.unknownAction"))];
  const answered = await answerDelphi(hc.app, {
    actor: hc.envelope.actor,
    ...statement,
    values: { [scale.key]: String(rating) },
  });
  return answered.ok ? [sheetOutput(hc, answered.value.sheet)] : refused(hc, answered, click.delphiId);
}

export async function delphiAction(hc: HandlerContext, actionId: string, value: string): Promise<Output[]> {
  if (actionId === DELPHI_ACTIONS.rate) return rateByClick(hc, value);
  const click = parseStatementClick(value);
  if (!click) return [note(hc.t("parse.unknownAction"))];
  const loaded = await loadDelphiSheet(hc.app, { actor: hc.envelope.actor, delphiId: click.delphiId });
  if (!loaded.ok) return [failureOutput(hc.t, loaded)];
  const sheet = loaded.value;
  const statement = sheet.statements.find((s) => s.id === click.statementId);
  if (!statement) return [note(hc.t("parse.unknownAction"))];
  if (!sheet.open || sheet.round !== click.round)
    return [
      sheetOutput(hc, sheet, hc.t("error.DELPHI_ROUND_CLOSED", { title: sheet.title, round: click.round })),
    ];
  if (actionId === DELPHI_ACTIONS.explain) {
    if (!statement.explainSide) return [sheetOutput(hc, sheet, hc.t("error.DELPHI_NOTHING_TO_EXPLAIN"))];
    return [{ kind: "form", form: explainForm(hc.t, hc.envelope.conversation.channelId, sheet, statement) }];
  }
  if (statement.answered)
    return [sheetOutput(hc, sheet, hc.t("error.DELPHI_ALREADY_ANSWERED", { round: click.round }))];
  return [
    { kind: "form", form: answerForm(hc.t, hc.locale, hc.envelope.conversation.channelId, sheet, statement) },
  ];
}

const StatementMetadata = z.object({
  channelId: z.string().optional(),
  delphiId: z.string().min(1),
  statementId: z.string().min(1),
  round: z.number().int().min(1),
});

export async function delphiAnswerSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const parsed = StatementMetadata.safeParse(safeJson(metadata));
  if (!parsed.success) return [note(hc.t("parse.unknownAction"))];
  const { channelId: _, ...meta } = parsed.data;
  const reason = textOf(values.reason);
  const answered = await answerDelphi(hc.app, {
    actor: hc.envelope.actor,
    ...meta,
    values: Object.fromEntries(
      SCALE_KEYS.filter((k) => k in values).map((k) => [k, textOf(values[k]) ?? ""]),
    ),
    ...(reason ? { reason } : {}),
  });
  if (answered.ok) return [sheetOutput(hc, answered.value.sheet)];
  const field =
    answered.reason === "DELPHI_BAD_RATING"
      ? String(answered.details?.scale ?? "")
      : answered.reason === "INVALID_INPUT" && answered.details?.field === "reason"
        ? "reason"
        : null;
  if (field) {
    const loaded = await loadDelphiSheet(hc.app, { actor: hc.envelope.actor, delphiId: meta.delphiId });
    const statement = loaded.ok ? loaded.value.statements.find((s) => s.id === meta.statementId) : undefined;
    if (loaded.ok && statement) {
      const message =
        field === "reason"
          ? hc.t("delphi.invalid.REASON", { max: 500 })
          : hc.t("error.DELPHI_BAD_RATING", { scale: hc.t(`delphi.scale.${field}` as MessageKey) });
      return [
        {
          kind: "form-errors",
          formId: DELPHI_FORMS.answer,
          errors: { [field]: message },
          form: answerForm(
            hc.t,
            hc.locale,
            hc.envelope.conversation.channelId,
            loaded.value,
            statement,
            values,
          ),
        },
      ];
    }
  }
  return refused(hc, answered, meta.delphiId);
}

export async function delphiExplainSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const parsed = StatementMetadata.safeParse(safeJson(metadata));
  if (!parsed.success) return [note(hc.t("parse.unknownAction"))];
  const { channelId: _, ...meta } = parsed.data;
  const explained = await explainDelphi(hc.app, {
    actor: hc.envelope.actor,
    ...meta,
    text: textOf(values.reason) ?? "",
  });
  if (explained.ok) return [sheetOutput(hc, explained.value.sheet)];
  if (explained.reason === "INVALID_INPUT") {
    const loaded = await loadDelphiSheet(hc.app, { actor: hc.envelope.actor, delphiId: meta.delphiId });
    const statement = loaded.ok ? loaded.value.statements.find((s) => s.id === meta.statementId) : undefined;
    if (loaded.ok && statement)
      return [
        {
          kind: "form-errors",
          formId: DELPHI_FORMS.explain,
          errors: { reason: hc.t("delphi.invalid.REASON", { max: 500 }) },
          form: explainForm(hc.t, hc.envelope.conversation.channelId, loaded.value, statement),
        },
      ];
  }
  return refused(hc, explained, meta.delphiId);
}
