// "Record as decision" and "Save as signal" as Teams message actions (action-type message extension
// commands with fetchTask). composeExtension/fetchTask opens the feature's form as a dialog, prefilled
// with the message; composeExtension/submitAction submits it. Dialogs take Action.Submit, not Action.Execute,
// so the form card's submit button is swapped; the rest is the same form the bot shows anywhere.
import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { AppContext } from "../../kernel/app/context.ts";
import { recordPostedMessage } from "../../kernel/app/posted-messages.ts";
import { toLocale } from "../../kernel/domain/locale.ts";
import { type Translate, translator } from "../../kernel/i18n/catalog.ts";
import type { Dispatcher } from "../../kernel/surface/dispatch.ts";
import type { Envelope } from "../../kernel/surface/intent.ts";
import {
  MESSAGE_SHORTCUT_ACTION,
  messageShortcutValue,
  SIGNAL_SHORTCUT_ACTION,
} from "../../kernel/surface/message-shortcut.ts";
import type { Form, Output } from "../../kernel/surface/view.ts";
import { actorOf, conversationOf, deliveryKey, type TeamsActivity } from "./parse-activity.ts";
import { type CardJson, renderCard, renderFormCard, toTeamsPlainText } from "./render-adaptive-card.ts";

/** The command id in the manifest's composeExtensions (manifests/teams/manifest.template.json). */
export const RECORD_DECISION_COMMAND = "recordDecision";
export const SAVE_SIGNAL_COMMAND = "saveSignal";
/** The action each message-action command stands for. */
const COMMAND_ACTIONS: Record<string, string> = {
  [RECORD_DECISION_COMMAND]: MESSAGE_SHORTCUT_ACTION,
  [SAVE_SIGNAL_COMMAND]: SIGNAL_SHORTCUT_ACTION,
};
/** The message-action command ids the bot handles: the manifest's composeExtensions must declare them. */
export const MESSAGE_ACTION_COMMANDS = Object.keys(COMMAND_ACTIONS);
export const MESSAGE_ACTION_INVOKES = [
  "composeExtension/fetchTask",
  "composeExtension/submitAction",
] as const;
export const isMessageActionInvoke = (name: string | undefined) =>
  (MESSAGE_ACTION_INVOKES as readonly (string | undefined)[]).includes(name);

const MessageActionValue = z.object({
  commandId: z.string(),
  commandContext: z.string().optional(),
  messagePayload: z
    .object({
      id: z.string().optional(),
      linkToMessage: z.string().optional(),
      from: z
        .object({
          user: z.object({ displayName: z.string().optional() }).nullish(),
          application: z.object({ displayName: z.string().optional() }).nullish(),
        })
        .nullish(),
      body: z.object({ content: z.string().default(""), contentType: z.string().optional() }).optional(),
    })
    .optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

type TaskResponse =
  | { task: { type: "continue"; value: { title: string; card: { contentType: string; content: CardJson } } } }
  | { task: { type: "message"; value: string } }
  | Record<string, never>;

export async function answerMessageAction(
  context: TurnContext,
  activity: TeamsActivity,
  dispatch: Dispatcher,
  app: AppContext,
): Promise<void> {
  const parsed = MessageActionValue.safeParse(activity.value);
  const base = { actor: actorOf(activity), conversation: conversationOf(activity), ...deliveryKey(activity) };
  let envelope: Envelope | null = null;
  const actionId = parsed.success ? COMMAND_ACTIONS[parsed.data.commandId] : undefined;
  if (parsed.success && actionId) {
    const { messagePayload, data } = parsed.data;
    if (activity.name === "composeExtension/fetchTask") {
      const body = messagePayload?.body;
      const text = body?.contentType === "html" ? htmlToText(body.content) : (body?.content ?? "");
      const source = messagePayload?.id
        ? `teams:${base.conversation.channelId}:${messagePayload.id}`
        : undefined;
      const from = messagePayload?.from;
      const link = messagePayload?.linkToMessage;
      envelope = {
        ...base,
        intent: {
          kind: "action",
          actionId,
          value: messageShortcutValue(text, {
            source,
            link: link && /^https:\/\//.test(link) ? link : undefined,
            author: from?.user?.displayName ?? from?.application?.displayName,
          }),
        },
      };
    } else if (data && typeof data.formId === "string") {
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(data))
        if (key !== "formId" && key !== "metadata" && typeof value === "string") values[key] = value;
      envelope = {
        ...base,
        intent: {
          kind: "submit",
          formId: data.formId,
          values,
          metadata: typeof data.metadata === "string" ? data.metadata : "",
        },
      };
    }
  }
  const { locale, outputs } = envelope
    ? await dispatch(envelope)
    : { locale: toLocale(activity.locale) ?? "en", outputs: [] };
  const t = translator(locale);
  const [first, ...rest] = outputs;
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: taskOf(first, t) },
  });
  // What is meant for the channel (a decision's announcement) goes into the message's thread.
  for (const output of first?.kind === "channel" ? outputs : rest) {
    if (output.kind !== "channel") continue;
    const sent = await context.sendActivity({
      ...MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(output.view, t))),
      summary: toTeamsPlainText(output.view.fallback),
    });
    // A card redrawn later (a signal's tally) is remembered, as every tracked post is.
    if (output.track && sent?.id)
      await recordPostedMessage(app, output.track, {
        platform: "TEAMS",
        conversationId: context.activity.conversation.id,
        messageId: sent.id,
      });
  }
}

function taskOf(output: Output | undefined, t: Translate): TaskResponse {
  switch (output?.kind) {
    case "form":
      return dialog(output.form, t);
    case "form-errors":
      return dialog(output.form, t, output.errors);
    case "ephemeral":
    case "refresh":
      return { task: { type: "message", value: toTeamsPlainText(output.view.fallback) } };
    default:
      return {};
  }
}

function dialog(form: Form, t: Translate, errors: Record<string, string> = {}): TaskResponse {
  const card = renderFormCard(form, t, errors);
  card.actions = (card.actions as CardJson[]).map((a) =>
    a.type === "Action.Execute" ? { type: "Action.Submit", title: a.title, data: a.data } : a,
  );
  return {
    task: {
      type: "continue",
      value: {
        title: form.title,
        card: { contentType: "application/vnd.microsoft.card.adaptive", content: card },
      },
    },
  };
}

/** Teams hands message bodies over as HTML; a decision is plain text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
