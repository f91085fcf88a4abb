// A member answering a pulse in their personal chat: a button per short answer, the form for the
// longer questions, "submit", and "open the pulse" from a reminder. Each redraws the member's sheet.
import { z } from "zod";
import type { Fail, FailureReason } from "../../../kernel/domain/result.ts";
import type { MessageKey } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson } from "../../../kernel/surface/form-values.ts";
import type { HandlerContext } from "../../../kernel/surface/handler-context.ts";
import { note, type Output } from "../../../kernel/surface/view.ts";
import { answerPulse } from "../app/answer-pulse.ts";
import { loadPulseSheet } from "../app/load-pulse-sheet.ts";
import type { PulseSheet } from "../app/pulse-sheet-shape.ts";
import { textIn } from "../domain/question-types.ts";
import { en } from "../messages/en.ts";
import {
  answersFromForm,
  fieldOfQuestion,
  PULSE_ANSWER_FORM_ID,
  pulseAnswerForm,
} from "./pulse-answer-form.ts";
import { PULSE_ACTIONS, parseAnswerClick, parseSheetClick, pulseSheetView } from "./pulse-sheet-view.ts";

export { PULSE_ANSWER_FORM_ID };

export async function pulseAnswerAction(
  hc: HandlerContext,
  actionId: string,
  value: string,
): Promise<Output[]> {
  switch (actionId) {
    case PULSE_ACTIONS.answer:
      return answerClicked(hc, value);
    case PULSE_ACTIONS.form:
      return formClicked(hc, value);
    case PULSE_ACTIONS.submit:
      return submitClicked(hc, value);
    case PULSE_ACTIONS.open:
      return openClicked(hc, value);
    default:
      return [note(hc.t("parse.unknownAction"))];
  }
}

async function answerClicked(hc: HandlerContext, value: string): Promise<Output[]> {
  const click = parseAnswerClick(value);
  if (!click) return [note(hc.t("parse.unknownAction"))];
  const { pulseId, questionKey, token } = click;
  const saved = await answerPulse(hc.app, {
    actor: hc.envelope.actor,
    pulseId,
    token,
    answers: [{ questionKey, value: click.value }],
  });
  if (!saved.ok) return answerRefused(hc, saved, pulseId, token);
  return [sheetOutput(hc, saved.value.sheet)];
}

async function formClicked(hc: HandlerContext, value: string): Promise<Output[]> {
  const click = parseSheetClick(value);
  if (!click) return [note(hc.t("parse.unknownAction"))];
  const sheet = await loadPulseSheet(hc.app, { actor: hc.envelope.actor, ...click });
  if (!sheet.ok) return [failureOutput(hc.t, sheet)];
  return [
    { kind: "form", form: pulseAnswerForm(sheet.value, hc.envelope.conversation.channelId, hc.t, hc.locale) },
  ];
}

async function submitClicked(hc: HandlerContext, value: string): Promise<Output[]> {
  const click = parseSheetClick(value);
  if (!click) return [note(hc.t("parse.unknownAction"))];
  const submitted = await answerPulse(hc.app, { actor: hc.envelope.actor, ...click, submit: true });
  if (!submitted.ok) return answerRefused(hc, submitted, click.pulseId, click.token);
  return [sheetOutput(hc, submitted.value.sheet)];
}

/** From a reminder: the member's sheet as saved (a named pulse) or a fresh one (anonymous). */
async function openClicked(hc: HandlerContext, value: string): Promise<Output[]> {
  const click = parseSheetClick(value);
  if (!click) return [note(hc.t("parse.unknownAction"))];
  return redrawn(hc, click.pulseId, click.token);
}

const FormMetadata = z.object({
  channelId: z.string().min(1),
  pulseId: z.string().min(1),
  token: z.string().nullable(),
});

export async function pulseAnswerSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const meta = FormMetadata.safeParse(safeJson(metadata));
  if (!meta.success) return [note(hc.t("parse.unknownAction"))];
  const { pulseId, token } = meta.data;
  const sheet = await loadPulseSheet(hc.app, { actor: hc.envelope.actor, pulseId, token });
  if (!sheet.ok) return [failureOutput(hc.t, sheet)];
  const saved = await answerPulse(hc.app, {
    actor: hc.envelope.actor,
    pulseId,
    token,
    answers: answersFromForm(sheet.value, values),
  });
  if (!saved.ok) {
    const field = invalidField(sheet.value, saved);
    if (field) {
      const form = pulseAnswerForm(sheet.value, meta.data.channelId, hc.t, hc.locale, values);
      return [
        {
          kind: "form-errors",
          formId: PULSE_ANSWER_FORM_ID,
          errors: { [field]: issueText(hc, saved) },
          form,
        },
      ];
    }
    return answerRefused(hc, saved, pulseId, token);
  }
  return [sheetOutput(hc, saved.value.sheet)];
}

/** The member's sheet drawn again over the message they clicked in. */
function sheetOutput(hc: HandlerContext, sheet: PulseSheet): Output {
  return { kind: "ephemeral", view: pulseSheetView(sheet, hc.t, hc.locale), replace: true };
}

/** The sheet as saved, for a reminder's "open the pulse". */
async function redrawn(hc: HandlerContext, pulseId: string, token: string | null): Promise<Output[]> {
  const sheet = await loadPulseSheet(hc.app, { actor: hc.envelope.actor, pulseId, token });
  if (!sheet.ok) return [failureOutput(hc.t, sheet)];
  return [sheetOutput(hc, sheet.value)];
}

/**
 * A refused answer redraws the sheet as it is saved, with the reason on top and the question named
 * in words; only when there is no sheet to show (not a member, no such pulse) is it a plain note.
 */
async function answerRefused(
  hc: HandlerContext,
  failure: Fail<FailureReason>,
  pulseId: string,
  token: string | null,
): Promise<Output[]> {
  const sheet = await loadPulseSheet(hc.app, { actor: hc.envelope.actor, pulseId, token });
  const reason = refusalText(hc, failure, sheet.ok ? sheet.value : null);
  if (!sheet.ok) return [note(reason)];
  return [{ kind: "ephemeral", view: pulseSheetView(sheet.value, hc.t, hc.locale, reason), replace: true }];
}

function refusalText(hc: HandlerContext, failure: Fail<FailureReason>, sheet: PulseSheet | null): string {
  if (failure.reason !== "INVALID_ANSWER") {
    const output = failureOutput(hc.t, failure);
    return output.kind === "ephemeral" ? output.view.fallback : hc.t("error.unexpected");
  }
  const question = sheet?.questions.find((q) => q.key === failure.details?.question);
  const name = question ? textIn(question.text, hc.locale) : String(failure.details?.question ?? "");
  // Submitting with a required question unanswered: nothing was refused being saved, it is just not sent.
  if (failure.details?.code === "REQUIRED") return hc.t("pulse.submitNeedsAnswer", { question: name });
  return hc.t("pulse.answerProblem", { question: name, problem: issueText(hc, failure) });
}

function invalidField(sheet: PulseSheet, failure: Fail<FailureReason>): string | null {
  if (failure.reason !== "INVALID_ANSWER") return null;
  return fieldOfQuestion(sheet, String(failure.details?.question ?? ""));
}

/** The domain's issue code in words, with its bounds. */
function issueText(hc: HandlerContext, failure: Fail<FailureReason>): string {
  const key = `pulse.issue.${String(failure.details?.code ?? "")}`;
  const params: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(failure.details ?? {}))
    if (typeof v === "string" || typeof v === "number") params[name] = v;
  return key in en ? hc.t(key as MessageKey, params) : hc.t("pulse.issue.WRONG_TYPE", params);
}
