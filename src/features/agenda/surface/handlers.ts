// agenda (show) · agenda add (form) · upvotes · the chair's curation: accept, defer, reject, order,
// time box (form). Every button answers with the agenda redrawn for the person who clicked.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Fail, FailureReason } from "../../../kernel/domain/result.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import type { Output } from "../../../kernel/surface/view.ts";
import { type Form, note, text } from "../../../kernel/surface/view.ts";
import { addAgendaItem } from "../app/add-agenda-item.ts";
import { checkCanCurate, curateAgendaItem } from "../app/curate-agenda-item.ts";
import type { AgendaSnapshot } from "../app/load-agenda.ts";
import { checkCanPropose, showAgenda } from "../app/show-agenda.ts";
import { voteAgendaItem } from "../app/vote-agenda-item.ts";
import {
  AGENDA_DETAILS_MAX,
  AGENDA_KINDS,
  AGENDA_TITLE_MAX,
  type Curation,
  TIMEBOX_MINUTES,
} from "../domain/agenda-rules.ts";
import { AGENDA_ACTIONS, agendaView, kindLabel } from "./agenda-view.ts";

export const AGENDA_FORMS = {
  add: "ennakko.agenda-add",
  timebox: "ennakko.agenda-timebox",
} as const;

const NO_TIMEBOX = "none";
const Uuid = z.uuid();
const VoteValue = z.string().regex(/^[0-9a-f-]{36}\|(on|off)$/);
/** An item id and the place it was shown at (see moveValue); a bare id on older posted buttons. */
const MoveValue = z.string().regex(/^[0-9a-f-]{36}(\|[1-9]\d{0,3})?$/);
const AddMetadata = z.object({
  channelId: z.string().min(1),
  meetingId: z.uuid(),
  key: z.string().min(8).max(100),
});
const TimeboxMetadata = z.object({ channelId: z.string().min(1), itemId: z.uuid() });

/** The agenda for this viewer; `replace` redraws the private message whose button was clicked. */
function shown(hc: HandlerContext, agenda: AgendaSnapshot, replace: boolean, lead?: string): Output {
  const v = agendaView(agenda, hc.t, hc.locale);
  if (lead) v.elements.splice(1, 0, text(lead));
  return replace ? { kind: "ephemeral", view: v, replace: true } : { kind: "ephemeral", view: v };
}

export async function agendaCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await showAgenda(hc.app, actorAndConversation(hc));
  return render(hc, result, (agenda) => [shown(hc, agenda, false)]);
}

/** `/cluster agenda add`, or the "Add agenda item" button (which names its meeting). */
export async function agendaAddCommand(hc: HandlerContext, meetingId?: string): Promise<Output[]> {
  const allowed = await checkCanPropose(hc.app, { ...actorAndConversation(hc), meetingId });
  return render(hc, allowed, ({ meetingId: id, meetingTitle }) => [
    { kind: "form", form: addForm(hc, id, meetingTitle, randomUUID(), {}) },
  ]);
}

function addForm(
  hc: HandlerContext,
  meetingId: string,
  meetingTitle: string,
  key: string,
  typed: Record<string, unknown>,
): Form {
  const { t } = hc;
  const value = (id: string) => textOf(typed[id]);
  return {
    formId: AGENDA_FORMS.add,
    title: t("agenda.formTitle"),
    submitLabel: t("agenda.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, meetingId, key, meetingTitle }),
    elements: [
      text(t("agenda.formIntro", { title: meetingTitle })),
      {
        type: "input",
        id: "title",
        label: t("agenda.title"),
        maxLength: AGENDA_TITLE_MAX,
        initial: value("title"),
      },
      {
        type: "select",
        id: "kind",
        label: t("agenda.kind"),
        options: AGENDA_KINDS.map((k) => ({ label: kindLabel(k, t), value: k })),
        initial: value("kind") ?? "TOPIC",
      },
      {
        type: "input",
        id: "details",
        label: t("agenda.details"),
        multiline: true,
        optional: true,
        maxLength: AGENDA_DETAILS_MAX,
        initial: value("details"),
      },
    ],
  };
}

export async function agendaActionHandler(
  hc: HandlerContext,
  actionId: string,
  value: string,
): Promise<Output[]> {
  if (actionId === AGENDA_ACTIONS.vote) {
    if (!VoteValue.safeParse(value).success) return [note(hc.t("parse.unknownAction"))];
    const [itemId, state] = value.split("|") as [string, string];
    const result = await voteAgendaItem(hc.app, {
      ...actorAndConversation(hc),
      itemId,
      vote: state === "on",
    });
    return render(hc, result, (agenda) => [shown(hc, agenda, true)]);
  }
  if (actionId === AGENDA_ACTIONS.up || actionId === AGENDA_ACTIONS.down) {
    if (!MoveValue.safeParse(value).success) return [note(hc.t("parse.unknownAction"))];
    const [itemId, place] = value.split("|") as [string, string | undefined];
    if (!Uuid.safeParse(itemId).success) return [note(hc.t("parse.unknownAction"))];
    const kind = actionId === AGENDA_ACTIONS.up ? "up" : "down";
    return curate(hc, itemId, place ? { kind, from: Number(place) } : { kind }, true);
  }
  if (!Uuid.safeParse(value).success) return [note(hc.t("parse.unknownAction"))];
  switch (actionId) {
    case AGENDA_ACTIONS.add:
      return agendaAddCommand(hc, value);
    case AGENDA_ACTIONS.timebox: {
      const allowed = await checkCanCurate(hc.app, { ...actorAndConversation(hc), itemId: value });
      return render(hc, allowed, (item) => [{ kind: "form", form: timeboxForm(hc, value, item) }]);
    }
    case AGENDA_ACTIONS.accept:
      return curate(hc, value, { kind: "accept" }, true);
    case AGENDA_ACTIONS.defer:
      return curate(hc, value, { kind: "defer" }, true);
    case AGENDA_ACTIONS.reject:
      return curate(hc, value, { kind: "reject" }, true);
    default:
      return [note(hc.t("parse.unknownAction"))];
  }
}

async function curate(
  hc: HandlerContext,
  itemId: string,
  curation: Curation,
  replace: boolean,
): Promise<Output[]> {
  const result = await curateAgendaItem(hc.app, { ...actorAndConversation(hc), itemId, curation });
  return render(hc, result, ({ agenda }) => [shown(hc, agenda, replace)]);
}

function timeboxForm(
  hc: HandlerContext,
  itemId: string,
  item: { title: string; timeboxMinutes: number | null },
): Form {
  const { t } = hc;
  return {
    formId: AGENDA_FORMS.timebox,
    title: t("agenda.timeboxForm"),
    submitLabel: t("measure.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, itemId }),
    elements: [
      text(`*${item.title}*`),
      {
        type: "select",
        id: "minutes",
        label: t("agenda.timeboxLabel"),
        options: [
          { label: t("agenda.noTimebox"), value: NO_TIMEBOX },
          ...TIMEBOX_MINUTES.map((n) => ({ label: t("meeting.minutes", { n }), value: String(n) })),
        ],
        initial: item.timeboxMinutes ? String(item.timeboxMinutes) : NO_TIMEBOX,
      },
    ],
  };
}

export async function agendaSubmit(
  hc: HandlerContext,
  formId: string,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const channelId = hc.envelope.conversation.channelId;
  if (formId === AGENDA_FORMS.timebox) {
    const meta = TimeboxMetadata.safeParse(safeJson(metadata));
    if (!meta.success || meta.data.channelId !== channelId) return [note(hc.t("parse.unknownAction"))];
    const chosen = textOf(values.minutes) ?? NO_TIMEBOX;
    const minutes = chosen === NO_TIMEBOX ? null : Number(chosen);
    if (minutes !== null && !(TIMEBOX_MINUTES as readonly number[]).includes(minutes))
      return [note(hc.t("parse.unknownAction"))];
    return curate(hc, meta.data.itemId, { kind: "timebox", minutes }, false);
  }
  const meta = AddMetadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== channelId) return [note(hc.t("parse.unknownAction"))];
  const { meetingId, key } = meta.data;
  const result = await addAgendaItem(hc.app, {
    ...actorAndConversation(hc),
    meetingId,
    title: textOf(values.title) ?? "",
    details: textOf(values.details) ?? null,
    kind: (textOf(values.kind) ?? "TOPIC") as (typeof AGENDA_KINDS)[number],
    requestKey: key,
  });
  if (!result.ok) return addProblems(hc, result, meetingId, key, values, metadata);
  const { title, meetingTitle, duplicate } = result.value;
  const message = duplicate
    ? hc.t("agenda.duplicate", { title })
    : hc.t("agenda.added", { title, meeting: meetingTitle });
  const agenda = await showAgenda(hc.app, { ...actorAndConversation(hc), meetingId });
  return agenda.ok ? [shown(hc, agenda.value, false, message)] : [note(message)];
}

const ADD_FIELDS: Record<string, string> = { title: "title", details: "details", kind: "kind" };

function addProblems(
  hc: HandlerContext,
  failure: Fail<FailureReason>,
  meetingId: string,
  key: string,
  values: Record<string, unknown>,
  metadata: string,
): Output[] {
  const field = ADD_FIELDS[String(failure.details?.field ?? "")];
  if (failure.reason !== "INVALID_INPUT" || !field) return [failureOutput(hc.t, failure)];
  const meetingTitle = z.object({ meetingTitle: z.string() }).safeParse(safeJson(metadata));
  const form = addForm(
    hc,
    meetingId,
    meetingTitle.success ? meetingTitle.data.meetingTitle : "",
    key,
    values,
  );
  const message = hc.t(
    field === "title"
      ? "agenda.invalid.title"
      : field === "details"
        ? "agenda.invalid.details"
        : "agenda.invalid.kind",
  );
  return [{ kind: "form-errors", formId: AGENDA_FORMS.add, errors: { [field]: message }, form }];
}
