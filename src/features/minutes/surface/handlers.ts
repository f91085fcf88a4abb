// minutes [meeting] (files) · minutes draft [meeting] (form) · minutes approve [meeting] (and the
// Approve button under a saved draft): approved minutes go to the channel.
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
import {
  ephemeral,
  type Form,
  note,
  type Output,
  text,
  toChannel,
  view,
} from "../../../kernel/surface/view.ts";
import { approveMinutes } from "../app/minutes-approve.ts";
import { type MinutesDraft, minutesDraft } from "../app/minutes-draft.ts";
import { exportMinutes } from "../app/minutes-export.ts";
import { saveMinutes } from "../app/minutes-save.ts";
import { MINUTES_TEXT_MAX } from "../domain/minutes-content.ts";
import { minutesChannelView } from "./minutes-view.ts";

export const MINUTES_FORM_ID = "ennakko.minutes-draft";
export const MINUTES_ACTIONS = { approve: "ennakko.minutes.approve", edit: "ennakko.minutes.edit" } as const;

const Metadata = z.object({ channelId: z.string().min(1), meetingId: z.uuid() });
const Uuid = z.uuid();
const FIELDS = ["summary", "discussion", "nextSteps"] as const;

export async function minutesDraftCommand(hc: HandlerContext, meeting?: string): Promise<Output[]> {
  const result = await minutesDraft(hc.app, { ...actorAndConversation(hc), meeting: meeting ?? null });
  return render(hc, result, (draft) => [{ kind: "form", form: draftForm(hc, draft) }]);
}

function draftForm(hc: HandlerContext, draft: MinutesDraft, typed?: Record<string, unknown>): Form {
  const { t } = hc;
  const { content } = draft;
  const initial = (id: (typeof FIELDS)[number]) => (typed ? textOf(typed[id]) : content[id] || undefined);
  return {
    formId: MINUTES_FORM_ID,
    title: t("minutes.formTitle"),
    submitLabel: t("minutes.save"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, meetingId: draft.meetingId }),
    elements: [
      text(
        t("minutes.formIntro", {
          title: content.meeting.title,
          version: draft.version,
          decisions: content.decisions.length,
          measures: content.newMeasures.length,
        }),
      ),
      ...(draft.approvedVersion !== null && draft.approvedVersion < draft.version
        ? [
            text(
              t("minutes.newVersion", { approved: draft.approvedVersion, version: draft.version }),
              "muted",
            ),
          ]
        : []),
      ...FIELDS.map((id) => ({
        type: "input" as const,
        id,
        label: t(`minutes.field.${id}`),
        multiline: true,
        optional: true,
        maxLength: MINUTES_TEXT_MAX,
        initial: initial(id),
      })),
    ],
  };
}

export async function minutesSubmit(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const meta = Metadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(hc.t("parse.unknownAction"))];
  const result = await saveMinutes(hc.app, {
    ...actorAndConversation(hc),
    meetingId: meta.data.meetingId,
    summary: textOf(values.summary) ?? "",
    discussion: textOf(values.discussion) ?? "",
    nextSteps: textOf(values.nextSteps) ?? "",
  });
  return render(hc, result, (saved) => {
    const message = hc.t(saved.newVersion ? "minutes.savedNew" : "minutes.saved", {
      title: saved.content.meeting.title,
      version: saved.version,
    });
    return [
      ephemeral(
        view(message, text(message), {
          type: "actions",
          buttons: [
            {
              type: "button",
              actionId: MINUTES_ACTIONS.approve,
              label: hc.t("minutes.approve"),
              value: saved.meetingId,
              style: "primary",
            },
            {
              type: "button",
              actionId: MINUTES_ACTIONS.edit,
              label: hc.t("minutes.edit"),
              value: saved.meetingId,
            },
          ],
        }),
      ),
    ];
  });
}

export async function minutesApproveCommand(
  hc: HandlerContext,
  target: { meeting?: string; meetingId?: string },
): Promise<Output[]> {
  const result = await approveMinutes(hc.app, {
    ...actorAndConversation(hc),
    meeting: target.meeting ?? null,
    meetingId: target.meetingId ?? null,
  });
  if (!result.ok) return [failureOutput(hc.t, result)];
  const approved = result.value;
  const title = approved.content.meeting.title;
  // The channel reads the minutes in the cluster's language.
  const locale = toLocale(approved.content.cluster.locale) ?? DEFAULT_LOCALE;
  const lead = translator(locale)("minutes.announce", {
    title,
    version: approved.version,
    name: approved.approvedBy,
  });
  return [
    note(hc.t("minutes.approved", { title, version: approved.version })),
    toChannel(minutesChannelView(approved.content, locale, lead)),
  ];
}

export async function minutesActionHandler(
  hc: HandlerContext,
  actionId: string,
  value: string,
): Promise<Output[]> {
  if (!Uuid.safeParse(value).success) return [note(hc.t("parse.unknownAction"))];
  if (actionId === MINUTES_ACTIONS.approve) return minutesApproveCommand(hc, { meetingId: value });
  return minutesDraftCommand(hc, value);
}

/** `/cluster minutes [meeting]`: DOCX, Markdown and the measures as CSV, to the person only. */
export async function minutesCommand(hc: HandlerContext, meeting?: string): Promise<Output[]> {
  const result = await exportMinutes(hc.app, {
    ...actorAndConversation(hc),
    meeting: meeting ?? null,
  });
  return render(hc, result, (e) => [
    {
      kind: "file",
      comment: hc.t(e.status === "APPROVED" ? "minutes.files.comment" : "minutes.files.draft", {
        title: e.title,
        version: e.version,
      }),
      files: e.files.map((f) => ({
        filename: f.filename,
        mimeType: f.mimeType,
        title: hc.t(
          f.filename.endsWith(".docx")
            ? "minutes.files.docx"
            : f.filename.endsWith(".md")
              ? "minutes.files.markdown"
              : "minutes.files.csv",
        ),
        content: f.bytes.toString("base64"),
      })),
    },
  ]);
}
