// meeting reschedule (form) · meeting cancel (confirm button) — for organisers
import { z } from "zod";
import { DEFAULT_LOCALE, toLocale } from "../../../kernel/domain/locale.ts";
import { formatInZone, utcToZoned } from "../../../kernel/domain/zoned-time.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import { actorAndConversation, type HandlerContext } from "../../../kernel/surface/handler-context.ts";
import { type Form, note, type Output, text, toChannel, view } from "../../../kernel/surface/view.ts";
import { changeMeeting, type MeetingChanged } from "../app/change-meeting.ts";
import { currentMeeting } from "../app/current-meeting.ts";
import { loadPoll, type PollSnapshot } from "../app/load-poll.ts";
import { checkCanPlan } from "../app/plan-meeting.ts";
import { pollSubject, pollView, whenText } from "./poll-view.ts";

export const RESCHEDULE_FORM_ID = "ennakko.meeting-reschedule";
export const CANCEL_MEETING_ACTION = "ennakko.meeting.cancel";
const Metadata = z.object({ channelId: z.string().min(1), meetingId: z.uuid() });

/** The scheduled meeting an organiser may change, or the message that explains why not. */
async function scheduledMeeting(
  hc: HandlerContext,
): Promise<{ ok: true; poll: PollSnapshot } | { ok: false; outputs: Output[] }> {
  const allowed = await checkCanPlan(hc.app, actorAndConversation(hc));
  if (!allowed.ok) return { ok: false, outputs: [failureOutput(hc.t, allowed)] };
  const current = await currentMeeting(hc.app, actorAndConversation(hc));
  if (!current.ok) return { ok: false, outputs: [failureOutput(hc.t, current)] };
  const poll = current.value;
  if (poll?.meeting.status !== "SCHEDULED")
    return { ok: false, outputs: [note(hc.t("meeting.notScheduled"))] };
  return { ok: true, poll };
}

export async function rescheduleCommand(hc: HandlerContext): Promise<Output[]> {
  const found = await scheduledMeeting(hc);
  if (!found.ok) return found.outputs;
  // Starts from the meeting as it is, so changing only the date keeps the place and the length.
  const { meeting, slots, cluster } = found.poll;
  const chosen = slots.find((s) => s.id === meeting.chosenSlotId)!;
  const local = utcToZoned(chosen.startsAt, cluster.timeZone);
  const current = {
    date: local.date,
    time: local.time,
    duration: String(chosen.durationMinutes),
    place: chosen.location ?? "",
  };
  return [{ kind: "form", form: rescheduleForm(hc, meeting.id, current) }];
}

function rescheduleForm(hc: HandlerContext, meetingId: string, typed: Record<string, unknown>): Form {
  const { t } = hc;
  const value = (id: string) => textOf(typed[id]);
  return {
    formId: RESCHEDULE_FORM_ID,
    title: t("meeting.rescheduleTitle"),
    submitLabel: t("measure.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, meetingId }),
    elements: [
      {
        type: "input",
        kind: "date",
        id: "date",
        label: t("meeting.slotDate", { n: 1 }),
        initial: value("date"),
      },
      {
        type: "input",
        kind: "time",
        id: "time",
        label: t("meeting.slotTime", { n: 1 }),
        initial: value("time"),
      },
      {
        type: "select",
        id: "duration",
        label: t("meeting.duration"),
        options: [60, 90, 120, 180, 240, 360].map((n) => ({
          label: t("meeting.minutes", { n }),
          value: String(n),
        })),
        initial: value("duration") ?? "120",
      },
      {
        type: "input",
        id: "place",
        label: t("meeting.place"),
        optional: true,
        maxLength: 200,
        initial: value("place"),
      },
    ],
  };
}

export async function rescheduleSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const meta = Metadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(hc.t("parse.unknownAction"))];
  const slot = {
    date: textOf(values.date) ?? "",
    time: textOf(values.time) ?? "",
    durationMinutes: textOf(values.duration) ?? "120",
    place: textOf(values.place),
  };
  const result = await changeMeeting(hc.app, {
    ...actorAndConversation(hc),
    meetingId: meta.data.meetingId,
    change: { kind: "reschedule", slot },
  });
  if (!result.ok && result.reason === "INVALID_INPUT") {
    const field = String(result.details?.field ?? "").includes("time") ? "time" : "date";
    const message =
      result.details?.problem === "SLOT_IN_PAST"
        ? hc.t("meeting.invalid.SLOT_IN_PAST")
        : hc.t("meeting.invalid.BAD_DATE");
    return [
      {
        kind: "form-errors",
        formId: RESCHEDULE_FORM_ID,
        errors: { [field]: message },
        form: rescheduleForm(hc, meta.data.meetingId, values),
      },
    ];
  }
  return result.ok ? announce(hc, meta.data.meetingId, result.value) : [failureOutput(hc.t, result)];
}

export async function cancelCommand(hc: HandlerContext): Promise<Output[]> {
  const found = await scheduledMeeting(hc);
  if (!found.ok) return found.outputs;
  const { meeting, slots, cluster } = found.poll;
  const chosen = slots.find((s) => s.id === meeting.chosenSlotId)!;
  const question = hc.t("meeting.cancelConfirm", {
    title: meeting.title,
    when: formatInZone(chosen.startsAt, hc.locale, cluster.timeZone),
  });
  return [
    {
      kind: "ephemeral",
      view: view(question, text(question), {
        type: "actions",
        buttons: [
          {
            type: "button",
            actionId: CANCEL_MEETING_ACTION,
            label: hc.t("meeting.cancelButton"),
            value: meeting.id,
            style: "danger",
          },
        ],
      }),
    },
  ];
}

export async function cancelClicked(hc: HandlerContext, meetingId: string): Promise<Output[]> {
  if (!z.uuid().safeParse(meetingId).success) return [note(hc.t("parse.unknownAction"))];
  const result = await changeMeeting(hc.app, {
    ...actorAndConversation(hc),
    meetingId,
    change: { kind: "cancel" },
  });
  return result.ok ? announce(hc, meetingId, result.value) : [failureOutput(hc.t, result)];
}

/** The channel hears of the change in the cluster's language; the poll card shows the new state. */
async function announce(hc: HandlerContext, meetingId: string, changed: MeetingChanged): Promise<Output[]> {
  const poll = await loadPoll(hc.app, meetingId);
  const locale = toLocale(poll?.cluster.locale) ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const when = changed.startsAt ? whenText(changed.startsAt, locale, changed.timeZone) : "";
  const where = changed.location ? `, ${changed.location}` : "";
  const key =
    changed.status === "CANCELLED" ? "meeting.invitation.cancelled" : "meeting.invitation.rescheduled";
  const line = t(key, { title: changed.title, cluster: poll?.cluster.name ?? "", when, where });
  const outputs: Output[] = [toChannel(view(line, text(line)))];
  if (poll)
    outputs.unshift({
      kind: "refresh",
      subject: pollSubject(meetingId),
      view: pollView(poll, t, locale),
      version: poll.version,
    });
  return outputs;
}
