// meeting plan (form → date poll) · meeting (show) · poll answers · finalise
import { z } from "zod";
import { DEFAULT_LOCALE, type Locale, toLocale } from "../../../kernel/domain/locale.ts";
import type { Fail, FailureReason } from "../../../kernel/domain/result.ts";
import { type MessageKey, translator } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import {
  ephemeral,
  type Form,
  note,
  type Output,
  text,
  toChannel,
  view,
} from "../../../kernel/surface/view.ts";
import { currentMeeting } from "../app/current-meeting.ts";
import { finaliseMeeting } from "../app/finalise-meeting.ts";
import { loadPoll, type PollSnapshot } from "../app/load-poll.ts";
import { checkCanPlan, planMeeting } from "../app/plan-meeting.ts";
import { voteOnSlot } from "../app/vote-on-slot.ts";
import { MAX_SLOTS, MIN_SLOTS } from "../domain/meeting-rules.ts";
import type { SlotAnswer } from "../domain/poll-tally.ts";
import { POLL_ACTIONS, pollSubject, pollView, whenText } from "./poll-view.ts";

export const MEETING_FORM_ID = "ennakko.plan-meeting";
const DURATIONS = [60, 90, 120, 180, 240, 360];
const Metadata = z.object({ channelId: z.string().min(1), timeZone: z.string() });
const SlotActionValue = z.string().regex(/^[0-9a-f-]{36}\|[0-9a-f-]{36}$/);

const slotField = (n: number, part: "date" | "time") => `slot_${n}_${part}`;

export async function meetingPlanCommand(hc: HandlerContext): Promise<Output[]> {
  // Checked before the form opens, so nobody fills in ten dates in vain.
  const allowed = await checkCanPlan(hc.app, actorAndConversation(hc));
  return render(hc, allowed, ({ timeZone }) => [{ kind: "form", form: meetingForm(hc, timeZone, {}) }]);
}

function meetingForm(hc: HandlerContext, timeZone: string, typed: Record<string, unknown>): Form {
  const { t } = hc;
  const value = (id: string) => textOf(typed[id]);
  const slotInputs = Array.from({ length: MAX_SLOTS }, (_, i) => i + 1).flatMap((n) => [
    {
      type: "input" as const,
      kind: "date" as const,
      id: slotField(n, "date"),
      label: t("meeting.slotDate", { n }),
      optional: n > MIN_SLOTS,
      initial: value(slotField(n, "date")),
    },
    {
      type: "input" as const,
      kind: "time" as const,
      id: slotField(n, "time"),
      label: t("meeting.slotTime", { n }),
      optional: n > MIN_SLOTS,
      initial: value(slotField(n, "time")),
    },
  ]);
  return {
    formId: MEETING_FORM_ID,
    title: t("meeting.formTitle"),
    submitLabel: t("meeting.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, timeZone }),
    elements: [
      text(t("meeting.intro", { zone: timeZone })),
      {
        type: "input",
        id: "title",
        label: t("meeting.title"),
        placeholder: t("meeting.titlePlaceholder"),
        maxLength: 120,
        initial: value("title"),
      },
      ...slotInputs,
      {
        type: "select",
        id: "duration",
        label: t("meeting.duration"),
        options: DURATIONS.map((n) => ({ label: t("meeting.minutes", { n }), value: String(n) })),
        initial: value("duration") ?? "120",
      },
      {
        type: "input",
        id: "place",
        label: t("meeting.place"),
        placeholder: t("meeting.placePlaceholder"),
        optional: true,
        maxLength: 200,
        initial: value("place"),
      },
      {
        type: "input",
        id: "online_url",
        label: t("meeting.onlineUrl"),
        optional: true,
        maxLength: 500,
        initial: value("online_url"),
      },
      {
        type: "input",
        kind: "date",
        id: "deadline_date",
        label: t("meeting.deadlineDate"),
        optional: true,
        initial: value("deadline_date"),
      },
      {
        type: "input",
        kind: "time",
        id: "deadline_time",
        label: t("meeting.deadlineTime"),
        optional: true,
        initial: value("deadline_time"),
      },
    ],
  };
}

export async function meetingPlanSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const meta = Metadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(hc.t("parse.unknownAction"))];
  // Rows with neither a date nor a time are unused; `rows` maps slot index → form row number.
  const rows = Array.from({ length: MAX_SLOTS }, (_, i) => i + 1).filter(
    (n) => textOf(values[slotField(n, "date")]) || textOf(values[slotField(n, "time")]),
  );
  const shared = {
    durationMinutes: textOf(values.duration) ?? "120",
    place: textOf(values.place),
    onlineUrl: textOf(values.online_url),
  };
  const deadlineDate = textOf(values.deadline_date);
  const deadlineTime = textOf(values.deadline_time);
  const result = await planMeeting(hc.app, {
    ...actorAndConversation(hc),
    title: textOf(values.title) ?? "",
    slots: rows.map((n) => ({
      date: textOf(values[slotField(n, "date")]) ?? "",
      time: textOf(values[slotField(n, "time")]) ?? "",
      ...shared,
    })),
    agendaDeadline:
      deadlineDate || deadlineTime ? { date: deadlineDate ?? "", time: deadlineTime ?? "23:59" } : null,
  });
  if (!result.ok) return planProblems(hc, result, rows, meetingForm(hc, meta.data.timeZone, values));
  const poll = await currentPoll(hc, result.value.meetingId);
  return [
    note(hc.t("meeting.posted", { title: poll.meeting.title })),
    { kind: "channel", view: channelPollView(poll), track: pollSubject(poll.meeting.id) },
  ];
}

/** Puts each problem next to the field it belongs to, in the person's language. */
function planProblems(
  hc: HandlerContext,
  failure: Fail<FailureReason>,
  rows: number[],
  form: Form,
): Output[] {
  if (failure.reason !== "INVALID_PLAN") return [failureOutput(hc.t, failure)];
  const errors: Record<string, string> = {};
  for (const [field, code] of Object.entries(failure.details ?? {})) {
    const message = hc.t(`meeting.invalid.${code}` as MessageKey);
    const slot = /^slots\.(\d+)(?:\.(\w+))?$/.exec(field);
    const target =
      field === "title"
        ? "title"
        : field === "slots"
          ? slotField(rows.length < MIN_SLOTS ? rows.length + 1 : 1, "date")
          : field === "agendaDeadline"
            ? "deadline_date"
            : slot
              ? slotField(rows[Number(slot[1])] ?? 1, slot[2] === "time" ? "time" : "date")
              : "place";
    errors[target] ??= message;
  }
  return [{ kind: "form-errors", formId: MEETING_FORM_ID, errors, form }];
}

export async function meetingShowHandler(hc: HandlerContext): Promise<Output[]> {
  const result = await currentMeeting(hc.app, actorAndConversation(hc));
  return render(hc, result, (poll) => [
    poll ? ephemeral(pollView(poll, hc.t, hc.locale)) : note(hc.t("meeting.none")),
  ]);
}

export async function pollAnswerHandler(
  hc: HandlerContext,
  answer: SlotAnswer,
  value: string,
): Promise<Output[]> {
  const ids = parseSlotValue(value);
  if (!ids) return [note(hc.t("parse.unknownAction"))];
  const result = await voteOnSlot(hc.app, { ...actorAndConversation(hc), ...ids, answer });
  return render(hc, result, (poll) => [pollRefresh(poll)]);
}

export async function finaliseHandler(hc: HandlerContext, value: string): Promise<Output[]> {
  const ids = parseSlotValue(value);
  if (!ids) return [note(hc.t("parse.unknownAction"))];
  const result = await finaliseMeeting(hc.app, { ...actorAndConversation(hc), ...ids });
  return render(hc, result, (poll) => {
    const chosen = poll.slots.find((s) => s.id === poll.meeting.chosenSlotId)!;
    const where = chosen.location ? `, ${chosen.location}` : "";
    // The channel (both channels, in a bridged cluster) reads it in the cluster's language.
    const locale = clusterLocale(poll);
    const announcement = translator(locale)("meeting.announce", {
      title: poll.meeting.title,
      when: whenText(chosen.startsAt, locale, poll.cluster.timeZone),
      where,
    });
    return [pollRefresh(poll), toChannel(view(announcement, text(announcement)))];
  });
}

/** Redraws the poll's cards; the poll's version orders the queued redraws (queue-redraw.ts). */
const pollRefresh = (poll: PollSnapshot): Output => ({
  kind: "refresh",
  subject: pollSubject(poll.meeting.id),
  view: channelPollView(poll),
  version: poll.version,
});

/** What everyone in the channel sees is in the cluster's language, whoever clicked last. */
function channelPollView(poll: PollSnapshot) {
  const locale = clusterLocale(poll);
  return pollView(poll, translator(locale), locale);
}

const clusterLocale = (poll: PollSnapshot): Locale => toLocale(poll.cluster.locale) ?? DEFAULT_LOCALE;

export const POLL_ANSWER_BY_ACTION: Record<string, SlotAnswer> = {
  [POLL_ACTIONS.YES]: "YES",
  [POLL_ACTIONS.IF_NEED_BE]: "IF_NEED_BE",
  [POLL_ACTIONS.NO]: "NO",
};

function parseSlotValue(value: string): { meetingId: string; slotId: string } | null {
  if (!SlotActionValue.safeParse(value).success) return null;
  const [meetingId, slotId] = value.split("|") as [string, string];
  return { meetingId, slotId };
}

async function currentPoll(hc: HandlerContext, meetingId: string) {
  const poll = await loadPoll(hc.app, meetingId);
  if (!poll) throw new Error(`meeting ${meetingId} vanished right after it was created`);
  return poll;
}
