// Neutral outputs → Slack Web API calls. Ephemeral answers go to the response_url when the
// interaction has one (works in any channel, even where the bot is not a member).
import type { RespondFn, webApi } from "@slack/bolt";
import { postedMessagesOf, recordPostedMessage } from "../../app/posted-messages.ts";
import type { AppContext } from "../../app/shared/context.ts";
import type { Output } from "../../surface/view.ts";
import { renderMessage, renderModal } from "./render-block-kit.ts";

export type SlackReplyTarget = {
  app: AppContext;
  client: webApi.WebClient;
  respond?: RespondFn;
  triggerId?: string;
  channelId: string;
  userId: string;
};

export async function deliverToSlack(outputs: Output[], target: SlackReplyTarget): Promise<void> {
  for (const output of outputs) await deliverOne(output, target);
}

async function deliverOne(output: Output, target: SlackReplyTarget): Promise<void> {
  switch (output.kind) {
    case "ephemeral": {
      const message = renderMessage(output.view);
      if (target.respond)
        await target.respond({
          response_type: "ephemeral",
          replace_original: output.replace === true,
          ...message,
        });
      else
        await target.client.chat.postEphemeral({
          channel: target.channelId,
          user: target.userId,
          ...message,
        });
      return;
    }
    case "channel": {
      const posted = await target.client.chat.postMessage({
        channel: target.channelId,
        ...renderMessage(output.view),
      });
      if (output.track && posted.ts) {
        const ref = { platform: "SLACK" as const, conversationId: target.channelId, messageId: posted.ts };
        await recordPostedMessage(target.app, output.track, ref);
      }
      return;
    }
    case "refresh":
      for (const message of await postedMessagesOf(target.app, output.subject, "SLACK")) {
        const rendered = renderMessage(output.view);
        await target.client.chat.update({
          channel: message.conversationId,
          ts: message.messageId,
          ...rendered,
        });
      }
      return;
    case "form":
      if (!target.triggerId) throw new Error("a form needs a trigger_id");
      // biome-ignore lint/suspicious/noExplicitAny: renderModal builds Slack's modal JSON.
      await target.client.views.open({ trigger_id: target.triggerId, view: renderModal(output.form) as any });
      return;
    case "form-errors":
      // Only a view_submission ack can carry these; the view listener handles them before delivery.
      return;
  }
}
