// Neutral outputs → Slack Web API calls. Ephemeral answers go to the response_url when the
// interaction has one (works in any channel, even where the bot is not a member). Images the bot drew
// are uploaded first (slack-files.ts); files go to the person's DM with the bot, never the channel.
import type { RespondFn, webApi } from "@slack/bolt";
import type { AppContext } from "../../kernel/app/context.ts";
import { recordPostedMessage } from "../../kernel/app/posted-messages.ts";
import type { Output, View } from "../../kernel/surface/view.ts";
import type { Logger } from "../../log/logger.ts";
import { withOrigin } from "./form-origin.ts";
import { renderMessage, renderModal, type UploadedImages } from "./render-block-kit.ts";
import {
  fileFromAttachment,
  UploadedImageCache,
  uploadFiles,
  uploadViewImages,
  withImageFallback,
} from "./slack-files.ts";

export type SlackReplyTarget = {
  app: AppContext;
  client: webApi.WebClient;
  respond?: RespondFn;
  triggerId?: string;
  /** The clicked message's response_url: a form opened from it redraws that message when submitted. */
  responseUrl?: string;
  /** After a form opened from a message: redraws that message (outputs with `replace`). */
  redraw?: RespondFn;
  channelId: string;
  userId: string;
  /** Upload failures are warnings here: the answer goes out without the image. */
  log: Logger;
};

export async function deliverToSlack(outputs: Output[], target: SlackReplyTarget): Promise<void> {
  // One answer may show the same chart twice (e.g. in the channel and privately): upload it once.
  const images = new UploadedImageCache();
  for (const output of outputs) await deliverOne(output, target, images);
}

async function deliverOne(
  output: Output,
  target: SlackReplyTarget,
  cache: UploadedImageCache,
): Promise<void> {
  const { client, log } = target;
  const upload = (view: View) => uploadViewImages(client, [view], { log, cache });
  /** Posts with the view's images; once more without them if Slack refuses the uploaded files. */
  const send = async <T>(view: View, post: (images: UploadedImages) => Promise<T>) =>
    withImageFallback(await upload(view), post, log, cache);
  switch (output.kind) {
    case "ephemeral":
      await send(output.view, async (images) => {
        const message = renderMessage(output.view, images);
        const respond = output.replace === true ? (target.respond ?? target.redraw) : target.respond;
        if (respond)
          await respond({
            response_type: "ephemeral",
            replace_original: output.replace === true,
            ...message,
          });
        else await client.chat.postEphemeral({ channel: target.channelId, user: target.userId, ...message });
      });
      return;
    case "channel": {
      const posted = await send(output.view, (images) =>
        client.chat.postMessage({ channel: target.channelId, ...renderMessage(output.view, images) }),
      );
      if (output.track && posted.ts) {
        const ref = { platform: "SLACK" as const, conversationId: target.channelId, messageId: posted.ts };
        await recordPostedMessage(target.app, output.track, ref);
      }
      return;
    }
    case "refresh":
      // Queued by the dispatcher in the outbox, merged per message (src/kernel/app/queue-redraw.ts):
      // a burst of votes must not cost a chat.update each. Slack shows no message to one person
      // alone, so the click's answer is its acknowledgement; the redraw follows from the outbox.
      return;
    case "form":
      if (!target.triggerId) throw new Error("a form needs a trigger_id");
      {
        const form = { ...output.form, metadata: withOrigin(output.form.metadata, target.responseUrl) };
        // biome-ignore lint/suspicious/noExplicitAny: renderModal builds Slack's modal JSON.
        await client.views.open({ trigger_id: target.triggerId, view: renderModal(form) as any });
      }
      return;
    case "form-errors":
      // Only a view_submission ack can carry these; the view listener handles them before delivery.
      return;
    case "file": {
      // Exports are for the person who asked: into their DM with the bot, all files under one comment.
      // A failure throws, so the person hears that the export did not arrive.
      const opened = await client.conversations.open({ users: target.userId });
      const channelId = opened.channel?.id;
      if (!channelId) throw new Error("conversations.open returned no channel");
      if (output.files.length === 0) {
        await client.chat.postMessage({ channel: channelId, text: output.comment });
        return;
      }
      await uploadFiles(client, output.files.map(fileFromAttachment), { channelId, comment: output.comment });
      return;
    }
    default: {
      // A new Output kind must be delivered here, not dropped: this stops compiling until it is.
      const unknown: never = output;
      throw new Error(`cannot deliver output ${JSON.stringify((unknown as { kind?: unknown }).kind)}`);
    }
  }
}
