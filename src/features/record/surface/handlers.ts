// record (show) · attendance (form) · decide (form; also "Record as decision" on a message) · the
// outcome of each agenda item (Discussed / Deferred buttons).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { DEFAULT_LOCALE, toLocale } from "../../../kernel/domain/locale.ts";
import type { Fail, FailureReason } from "../../../kernel/domain/result.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { type Form, note, type Output, text, toChannel, view } from "../../../kernel/surface/view.ts";
import type { MeetingRecord } from "../app/load-meeting-record.ts";
import { recordAgendaOutcome } from "../app/record-agenda-outcome.ts";
import { recordAttendance } from "../app/record-attendance.ts";
import { DECISION_TEXT_MAX, recordDecision } from "../app/record-decision.ts";
import {
  type DecisionFormOptions,
  decisionFormOptions,
  showMeetingRecord,
} from "../app/show-meeting-record.ts";
import { RECORD_ACTIONS, recordView } from "./record-view.ts";

export const RECORD_FORMS = {
  attendance: "ennakko.record-attendance",
  decision: "ennakko.record-decision",
} as const;

const NO_ITEM = "none";
const Uuid = z.uuid();
const AttendanceMetadata = z.object({ channelId: z.string().min(1), meetingId: z.uuid() });
const DecisionMetadata = z.object({
  channelId: z.string().min(1),
  meetingId: z.uuid().nullable(),
  key: z.string().min(8).max(100),
  source: z.string().max(300).nullable(),
});
const FromMessage = z.object({
  text: z.string().max(DECISION_TEXT_MAX),
  source: z.string().max(300).optional(),
});

function shown(hc: HandlerContext, record: MeetingRecord, replace: boolean, lead?: string): Output {
  const v = recordView(record, hc.t, hc.locale, lead);
  return replace ? { kind: "ephemeral", view: v, replace: true } : { kind: "ephemeral", view: v };
}

export async function recordCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await showMeetingRecord(hc.app, actorAndConversation(hc));
  return render(hc, result, (record) => [shown(hc, record, false)]);
}

/** `/cluster decide`, the "Record a decision" button, or "Record as decision" on a message. */
export async function decideCommand(
  hc: HandlerContext,
  prefill: { meetingId?: string; text?: string; source?: string } = {},
): Promise<Output[]> {
  const options = await decisionFormOptions(hc.app, {
    ...actorAndConversation(hc),
    meetingId: prefill.meetingId,
  });
  return render(hc, options, (o) => [
    {
      kind: "form",
      form: decisionForm(hc, o, randomUUID(), prefill.source ?? null, { text: prefill.text }),
    },
  ]);
}

function decisionForm(
  hc: HandlerContext,
  options: DecisionFormOptions,
  key: string,
  source: string | null,
  typed: Record<string, unknown>,
): Form {
  const { t } = hc;
  const value = (id: string) => textOf(typed[id]);
  return {
    formId: RECORD_FORMS.decision,
    title: t("decision.formTitle"),
    submitLabel: t("decision.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({
      channelId: hc.envelope.conversation.channelId,
      meetingId: options.meeting?.id ?? null,
      key,
      source,
    }),
    elements: [
      text(
        options.meeting
          ? t("decision.forMeeting", { title: options.meeting.title })
          : t("decision.noMeeting"),
      ),
      {
        type: "input",
        id: "text",
        label: t("decision.text"),
        multiline: true,
        maxLength: DECISION_TEXT_MAX,
        initial: value("text"),
      },
      ...(options.items.length
        ? [
            {
              type: "select" as const,
              id: "item",
              label: t("decision.item"),
              optional: true,
              options: [
                { label: "—", value: NO_ITEM },
                ...options.items.map((i) => ({ label: i.title.slice(0, 70), value: i.id })),
              ],
              initial: value("item") ?? NO_ITEM,
            },
          ]
        : []),
    ],
  };
}

function attendanceForm(hc: HandlerContext, record: MeetingRecord): Form {
  const { t } = hc;
  return {
    formId: RECORD_FORMS.attendance,
    title: t("record.attendanceForm"),
    submitLabel: t("measure.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, meetingId: record.meeting.id }),
    elements: [
      text(t("record.attendanceIntro", { title: record.meeting.title })),
      {
        type: "multiselect",
        id: "present",
        label: t("record.presentLabel"),
        optional: true,
        options: record.members.map((m) => ({ label: m.name, value: m.personId })),
        initial: record.members.filter((m) => m.present === true).map((m) => m.personId),
      },
    ],
  };
}

export async function recordActionHandler(
  hc: HandlerContext,
  actionId: string,
  value: string,
): Promise<Output[]> {
  if (actionId === RECORD_ACTIONS.fromMessage) {
    const parsed = FromMessage.safeParse(safeJson(value));
    if (!parsed.success) return [note(hc.t("parse.unknownAction"))];
    return decideCommand(hc, { text: parsed.data.text, source: parsed.data.source });
  }
  if (!Uuid.safeParse(value).success) return [note(hc.t("parse.unknownAction"))];
  switch (actionId) {
    case RECORD_ACTIONS.attendance: {
      const result = await showMeetingRecord(hc.app, { ...actorAndConversation(hc), meetingId: value });
      return render(hc, result, (record) => [{ kind: "form", form: attendanceForm(hc, record) }]);
    }
    case RECORD_ACTIONS.decide:
      return decideCommand(hc, { meetingId: value });
    case RECORD_ACTIONS.discussed:
    case RECORD_ACTIONS.deferred: {
      const outcome = actionId === RECORD_ACTIONS.discussed ? "DISCUSSED" : "DEFERRED";
      const result = await recordAgendaOutcome(hc.app, {
        ...actorAndConversation(hc),
        itemId: value,
        outcome,
      });
      return render(hc, result, ({ record }) => [shown(hc, record, true)]);
    }
    default:
      return [note(hc.t("parse.unknownAction"))];
  }
}

/** Teams sends a multi-select as one comma-separated string, Slack as a list. */
function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return items
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.trim())
    .filter(Boolean);
}

export async function recordSubmit(
  hc: HandlerContext,
  formId: string,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const channelId = hc.envelope.conversation.channelId;
  if (formId === RECORD_FORMS.attendance) {
    const meta = AttendanceMetadata.safeParse(safeJson(metadata));
    if (!meta.success || meta.data.channelId !== channelId) return [note(hc.t("parse.unknownAction"))];
    const result = await recordAttendance(hc.app, {
      ...actorAndConversation(hc),
      meetingId: meta.data.meetingId,
      presentPersonIds: listOf(values.present),
    });
    return render(hc, result, ({ record, present, absent }) => [
      shown(hc, record, false, hc.t("record.attendanceSaved", { present, absent })),
    ]);
  }
  const meta = DecisionMetadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== channelId) return [note(hc.t("parse.unknownAction"))];
  const { meetingId, key, source } = meta.data;
  const item = textOf(values.item);
  const result = await recordDecision(hc.app, {
    ...actorAndConversation(hc),
    meetingId,
    agendaItemId: item && item !== NO_ITEM ? item : null,
    text: textOf(values.text) ?? "",
    sourceRef: source,
    requestKey: key,
  });
  if (!result.ok) return decisionProblems(hc, result, meetingId, key, source, values);
  const decided = result.value;
  if (decided.duplicate) return [note(hc.t("decision.duplicate"))];
  // What everyone in the channel reads is in the cluster's language.
  const ct = translator(toLocale(decided.cluster.locale) ?? DEFAULT_LOCALE);
  const announcement = decided.meetingTitle
    ? decided.itemTitle
      ? ct("decision.announceItem", {
          meeting: decided.meetingTitle,
          item: decided.itemTitle,
          text: decided.text,
        })
      : ct("decision.announce", { meeting: decided.meetingTitle, text: decided.text })
    : ct("decision.announceCluster", { cluster: decided.cluster.name, text: decided.text });
  return [note(hc.t("decision.saved")), toChannel(view(announcement, text(announcement)))];
}

async function decisionProblems(
  hc: HandlerContext,
  failure: Fail<FailureReason>,
  meetingId: string | null,
  key: string,
  source: string | null,
  values: Record<string, unknown>,
): Promise<Output[]> {
  const field =
    failure.reason === "AGENDA_ITEM_NOT_FOUND"
      ? "item"
      : failure.reason === "INVALID_INPUT" && failure.details?.field === "text"
        ? "text"
        : null;
  if (!field) return [failureOutput(hc.t, failure)];
  const options = await decisionFormOptions(hc.app, { ...actorAndConversation(hc), meetingId });
  if (!options.ok) return [failureOutput(hc.t, options)];
  if (field === "item" && options.value.items.length === 0) return [failureOutput(hc.t, failure)];
  const form = decisionForm(hc, options.value, key, source, values);
  const message = hc.t(field === "text" ? "decision.invalid.text" : "decision.invalid.item");
  return [{ kind: "form-errors", formId: RECORD_FORMS.decision, errors: { [field]: message }, form }];
}
