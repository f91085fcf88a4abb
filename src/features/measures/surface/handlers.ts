// measure add (form) · measures [filter] · owner check-ins: started, progress (form), done, blocked (form)
import { z } from "zod";
import type { Fail, FailureReason } from "../../../kernel/domain/result.ts";
import type { MessageKey } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import { formatLocalDate } from "../../../kernel/surface/format-date.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, type Form, note, type Output, text, view } from "../../../kernel/surface/view.ts";
import { addMeasure } from "../app/add-measure.ts";
import {
  listMeasures,
  MEASURE_FILTERS,
  MEASURES_PAGE_SIZE,
  type MeasureFilter,
} from "../app/list-measures.ts";
import { measureFormOptions } from "../app/measure-form-options.ts";
import { type MeasureChange, updateMeasure } from "../app/update-measure.ts";
import { MEASURE_ACTIONS, measureButtons, measureListView, statusLabel } from "./measure-views.ts";

export const MEASURE_FORMS = {
  add: "ennakko.measure-add",
  progress: "ennakko.measure-progress",
  blocked: "ennakko.measure-blocked",
} as const;

const NO_DECISION = "none";
const AddMetadata = z.object({ channelId: z.string().min(1) });
const CheckInMetadata = z.object({ channelId: z.string().min(1), measureId: z.uuid() });

export async function measureAddCommand(hc: HandlerContext): Promise<Output[]> {
  const options = await measureFormOptions(hc.app, actorAndConversation(hc));
  return render(hc, options, (o) => [{ kind: "form", form: addForm(hc, o.members, o.decisions, {}) }]);
}

function addForm(
  hc: HandlerContext,
  members: { personId: string; name: string }[],
  decisions: { id: string; text: string }[],
  typed: Record<string, unknown>,
): Form {
  const { t } = hc;
  const value = (id: string) => textOf(typed[id]);
  return {
    formId: MEASURE_FORMS.add,
    title: t("measure.formTitle"),
    submitLabel: t("measure.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId }),
    elements: [
      { type: "input", id: "title", label: t("measure.title"), maxLength: 200, initial: value("title") },
      {
        type: "select",
        id: "owner",
        label: t("measure.owner"),
        options: members.map((m) => ({ label: m.name, value: m.personId })),
        initial: value("owner"),
      },
      {
        type: "input",
        kind: "date",
        id: "due_date",
        label: t("measure.dueDate"),
        initial: value("due_date"),
      },
      ...(decisions.length
        ? [
            {
              type: "select" as const,
              id: "decision",
              label: t("measure.decision"),
              optional: true,
              options: [
                { label: "—", value: NO_DECISION },
                ...decisions.map((d) => ({ label: d.text.slice(0, 70), value: d.id })),
              ],
              initial: value("decision") ?? NO_DECISION,
            },
          ]
        : []),
      {
        type: "input",
        id: "description",
        label: t("measure.description"),
        multiline: true,
        optional: true,
        maxLength: 2000,
        initial: value("description"),
      },
    ],
  };
}

export async function measureAddSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const meta = AddMetadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(hc.t("parse.unknownAction"))];
  const decision = textOf(values.decision);
  const result = await addMeasure(hc.app, {
    ...actorAndConversation(hc),
    title: textOf(values.title) ?? "",
    ownerPersonId: textOf(values.owner) ?? "",
    dueDate: textOf(values.due_date) ?? "",
    decisionId: decision && decision !== NO_DECISION ? decision : null,
    description: textOf(values.description) ?? null,
  });
  if (!result.ok) return addProblems(hc, result, values);
  const { title, ownerName, dueDate } = result.value;
  return [note(hc.t("measure.added", { title, owner: ownerName, due: formatLocalDate(dueDate, hc.locale) }))];
}

const ADD_FIELDS: Record<string, string> = {
  title: "title",
  ownerPersonId: "owner",
  dueDate: "due_date",
  description: "description",
  decisionId: "decision",
};

async function addProblems(
  hc: HandlerContext,
  failure: Fail<FailureReason>,
  values: Record<string, unknown>,
): Promise<Output[]> {
  const field = ADD_FIELDS[String(failure.details?.field ?? "")];
  if (!(failure.reason === "INVALID_INPUT" || failure.reason === "UNKNOWN_USER"))
    return [failureOutput(hc.t, failure)];
  const target = failure.reason === "UNKNOWN_USER" ? "owner" : field;
  if (!target) return [failureOutput(hc.t, failure)];
  const options = await measureFormOptions(hc.app, actorAndConversation(hc));
  if (!options.ok) return [failureOutput(hc.t, options)];
  const key =
    `measure.invalid.${target === "owner" ? "owner" : target === "due_date" ? "dueDate" : target === "decision" ? "decisionId" : target}` as MessageKey;
  return [
    {
      kind: "form-errors",
      formId: MEASURE_FORMS.add,
      errors: { [target]: hc.t(key) },
      form: addForm(hc, options.value.members, options.value.decisions, values),
    },
  ];
}

export async function measuresCommand(
  hc: HandlerContext,
  filter: string | undefined,
  offset = 0,
): Promise<Output[]> {
  const chosen = (filter ?? "open").toLowerCase();
  if (!(MEASURE_FILTERS as readonly string[]).includes(chosen))
    return [note(hc.t("measures.badFilter", { value: chosen.slice(0, 20) }))];
  const result = await listMeasures(hc.app, {
    ...actorAndConversation(hc),
    filter: chosen as MeasureFilter,
    offset,
  });
  return render(hc, result, ({ clusterName, rows, total, offset: from }) => {
    const page = { rows, total, offset: from, pageSize: MEASURES_PAGE_SIZE };
    return [ephemeral(measureListView(clusterName, page, chosen, hc.t, hc.locale))];
  });
}

/** "Show more" / "Show previous" on the register: `filter|offset`. */
export async function measurePageAction(hc: HandlerContext, value: string): Promise<Output[]> {
  const match = /^([a-z]+)\|(\d{1,6})$/.exec(value);
  if (!match) return [note(hc.t("parse.unknownAction"))];
  // The page redraws the list it was clicked on: a second click shows the same page again.
  const outputs = await measuresCommand(hc, match[1], Number(match[2]));
  return outputs.map((o) => (o.kind === "ephemeral" ? { ...o, replace: true } : o));
}

/** The owner's buttons: two change at once, two ask for more in a small form. */
export async function measureActionHandler(
  hc: HandlerContext,
  actionId: string,
  measureId: string,
): Promise<Output[]> {
  if (!z.uuid().safeParse(measureId).success) return [note(hc.t("parse.unknownAction"))];
  switch (actionId) {
    case MEASURE_ACTIONS.started:
      return checkIn(hc, measureId, { kind: "started" });
    case MEASURE_ACTIONS.done:
      return checkIn(hc, measureId, { kind: "done" });
    case MEASURE_ACTIONS.progress:
      return [{ kind: "form", form: progressForm(hc, measureId) }];
    case MEASURE_ACTIONS.blocked:
      return [{ kind: "form", form: blockedForm(hc, measureId) }];
    default:
      return [note(hc.t("parse.unknownAction"))];
  }
}

function progressForm(hc: HandlerContext, measureId: string): Form {
  const { t } = hc;
  return {
    formId: MEASURE_FORMS.progress,
    title: t("measure.progressForm"),
    submitLabel: t("measure.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, measureId }),
    elements: [
      {
        type: "select",
        id: "progress",
        label: t("measure.progressLabel"),
        options: Array.from({ length: 11 }, (_, i) => ({ label: `${i * 10} %`, value: String(i * 10) })),
        initial: "50",
      },
      {
        type: "input",
        id: "note",
        label: t("measure.note"),
        multiline: true,
        optional: true,
        maxLength: 1000,
      },
    ],
  };
}

function blockedForm(hc: HandlerContext, measureId: string, errors?: string): Form {
  const { t } = hc;
  return {
    formId: MEASURE_FORMS.blocked,
    title: t("measure.blockedForm"),
    submitLabel: t("measure.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, measureId }),
    elements: [
      ...(errors ? [text(errors)] : []),
      { type: "input", id: "reason", label: t("measure.reason"), multiline: true, maxLength: 1000 },
    ],
  };
}

export async function measureCheckInSubmit(
  hc: HandlerContext,
  formId: string,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const meta = CheckInMetadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(hc.t("parse.unknownAction"))];
  const { measureId } = meta.data;
  if (formId === MEASURE_FORMS.blocked) {
    const reason = textOf(values.reason) ?? "";
    if (reason.length < 3) {
      const form = blockedForm(hc, measureId);
      return [{ kind: "form-errors", formId, errors: { reason: hc.t("measure.invalid.reason") }, form }];
    }
    return checkIn(hc, measureId, { kind: "blocked", reason });
  }
  return checkIn(hc, measureId, {
    kind: "progress",
    progress: Number(textOf(values.progress) ?? "-1"),
    note: textOf(values.note) ?? null,
  });
}

async function checkIn(hc: HandlerContext, measureId: string, change: MeasureChange): Promise<Output[]> {
  const result = await updateMeasure(hc.app, { actor: hc.envelope.actor, measureId, change });
  return render(hc, result, (m) => {
    const params = { title: m.title, status: statusLabel(m.status, hc.t), progress: m.progress };
    const line = m.changed ? hc.t("measure.saved", params) : hc.t("measure.unchanged", params);
    const elements = m.status === "DONE" ? [text(line)] : [text(line), measureButtons(m.measureId, hc.t)];
    return [ephemeral(view(line, ...elements))];
  });
}
