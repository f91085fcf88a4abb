// signal (form; also "Save as signal" on a message) · the rating buttons on a signal's card · the
// organisers' "Link to a measure" (form) and "Add to the agenda".
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DEFAULT_LOCALE, toLocale } from "../../../kernel/domain/locale.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { SIGNAL_SHORTCUT_ACTION } from "../../../kernel/surface/message-shortcut.ts";
import { type Form, note, type Output, text } from "../../../kernel/surface/view.ts";
import { addSignalToAgenda } from "../app/add-signal-to-agenda.ts";
import {
  linkSignalToMeasure,
  type SignalMeasureOptions,
  signalMeasureOptions,
} from "../app/link-signal-to-measure.ts";
import type { SignalCard } from "../app/load-signal.ts";
import { openSignalForm } from "../app/open-signal-form.ts";
import { rateSignal } from "../app/rate-signal.ts";
import { saveSignal } from "../app/save-signal.ts";
import { isWebLink } from "../domain/signal-rules.ts";
import { parseRateAction, SIGNAL_ACTIONS, signalCardView, signalSubject } from "./signal-card.ts";
import {
  attributed,
  fieldOf,
  fieldProblem,
  SIGNAL_FORMS,
  SignalFormMetadata,
  signalFieldErrors,
  signalFields,
  signalForm,
} from "./signal-form.ts";

const Uuid = z.uuid();
const FromMessage = z.object({
  text: z.string().max(4000),
  link: z.string().max(500).optional(),
  author: z.string().max(100).optional(),
});
const MeasureMetadata = z.object({ channelId: z.string().min(1), signalId: z.uuid() });

/** What everyone in the channel reads is in the cluster's language, whoever clicked last. */
function channelCard(card: SignalCard) {
  const locale = toLocale(card.cluster.locale) ?? DEFAULT_LOCALE;
  return signalCardView(card, translator(locale), locale);
}

/** Redraws the signal's cards; the signal's version orders the queued redraws (queue-redraw.ts). */
const cardRefresh = (card: SignalCard): Output => ({
  kind: "refresh",
  subject: signalSubject(card.id),
  view: channelCard(card),
  version: card.version,
});

/** `/cluster signal`, or "Save as signal" on a message (its text, author and link come along). */
export async function signalCommand(
  hc: HandlerContext,
  prefill: { text?: string; link?: string; author?: string } = {},
): Promise<Output[]> {
  const allowed = await openSignalForm(hc.app, actorAndConversation(hc));
  const link = prefill.link && isWebLink(prefill.link) ? prefill.link : null;
  const meta = { channelId: hc.envelope.conversation.channelId, key: randomUUID(), link };
  // A message with no text (a file, a card) brings its link and nothing to attribute.
  const seen = prefill.text?.trim() ? attributed(prefill.text, prefill.author) : undefined;
  return render(hc, allowed, () => [{ kind: "form", form: signalForm(hc.t, meta, { seen }) }]);
}

export async function signalActionHandler(
  hc: HandlerContext,
  actionId: string,
  value: string,
): Promise<Output[]> {
  if (actionId === SIGNAL_SHORTCUT_ACTION) {
    const parsed = FromMessage.safeParse(safeJson(value));
    if (!parsed.success) return [note(hc.t("parse.unknownAction"))];
    return signalCommand(hc, parsed.data);
  }
  if (!Uuid.safeParse(value).success) return [note(hc.t("parse.unknownAction"))];
  const signalId = value;
  const rating = parseRateAction(actionId);
  if (rating) {
    const result = await rateSignal(hc.app, { ...actorAndConversation(hc), signalId, ...rating });
    // An observer follows the signals but does not rate: say so plainly.
    if (!result.ok && result.reason === "FORBIDDEN") return [note(hc.t("signal.rate.observer"))];
    return render(hc, result, (card) => [cardRefresh(card)]);
  }
  switch (actionId) {
    case SIGNAL_ACTIONS.linkMeasure: {
      const options = await signalMeasureOptions(hc.app, { ...actorAndConversation(hc), signalId });
      return render(hc, options, (o) => [{ kind: "form", form: measureForm(hc, o) }]);
    }
    case SIGNAL_ACTIONS.toAgenda: {
      const result = await addSignalToAgenda(hc.app, { ...actorAndConversation(hc), signalId });
      return render(hc, result, ({ card, meetingTitle, already }) =>
        already
          ? [note(hc.t("signal.alreadyOnAgenda", { meeting: meetingTitle }))]
          : [note(hc.t("signal.onAgenda", { meeting: meetingTitle })), cardRefresh(card)],
      );
    }
    default:
      return [note(hc.t("parse.unknownAction"))];
  }
}

function measureForm(hc: HandlerContext, options: SignalMeasureOptions): Form {
  const { t } = hc;
  const current = options.measures.some((m) => m.id === options.signal.measureId)
    ? (options.signal.measureId ?? undefined)
    : undefined;
  return {
    formId: SIGNAL_FORMS.measure,
    title: t("signal.measureForm.title"),
    submitLabel: t("signal.measureForm.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, signalId: options.signal.id }),
    elements: [
      text(t("signal.measureForm.intro", { title: options.signal.title })),
      {
        type: "select",
        id: "measure",
        label: t("signal.measureForm.measure"),
        options: options.measures.map((m) => ({ label: m.title.slice(0, 70), value: m.id })),
        initial: current,
      },
    ],
  };
}

export async function signalSubmit(
  hc: HandlerContext,
  formId: string,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const channelId = hc.envelope.conversation.channelId;
  if (formId === SIGNAL_FORMS.measure) {
    const meta = MeasureMetadata.safeParse(safeJson(metadata));
    if (!meta.success || meta.data.channelId !== channelId) return [note(hc.t("parse.unknownAction"))];
    const result = await linkSignalToMeasure(hc.app, {
      ...actorAndConversation(hc),
      signalId: meta.data.signalId,
      measureId: textOf(values.measure) ?? "",
    });
    return render(hc, result, ({ card, measureTitle }) => [
      note(hc.t("signal.linked", { title: measureTitle })),
      cardRefresh(card),
    ]);
  }
  const meta = SignalFormMetadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== channelId) return [note(hc.t("parse.unknownAction"))];
  const form = () => signalForm(hc.t, meta.data, values);
  const errors = signalFieldErrors(hc.t, values);
  if (Object.keys(errors).length > 0) return [{ kind: "form-errors", formId, errors, form: form() }];
  const result = await saveSignal(hc.app, {
    ...actorAndConversation(hc),
    ...signalFields(values),
    messageLink: meta.data.link,
    requestKey: meta.data.key,
  });
  if (!result.ok) {
    const field = result.reason === "INVALID_INPUT" ? fieldOf(String(result.details?.field ?? "")) : null;
    if (!field) return [failureOutput(hc.t, result)];
    return [{ kind: "form-errors", formId, errors: { [field]: fieldProblem(hc.t, field) }, form: form() }];
  }
  const { card, duplicate } = result.value;
  if (duplicate || !card) return [note(hc.t("signal.duplicate"))];
  return [
    note(hc.t("signal.saved", { title: card.title })),
    { kind: "channel", view: channelCard(card), track: signalSubject(card.id) },
  ];
}
