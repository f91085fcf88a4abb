// A file output on Teams. Bots cannot post files into channels, and a channel has no private
// messages (a "private" answer is a thread reply everyone can read). So the files are stored behind
// download links that go to the person's personal chat with the bot, through the outbox; the
// conversation only hears that they were sent (or why they could not be).

import type { AppContext } from "../../kernel/app/context.ts";
import { offerDownload } from "../../kernel/app/files/offer-download.ts";
import type { Translate } from "../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../kernel/surface/failure-message.ts";
import { note, type Output } from "../../kernel/surface/view.ts";
import { actorOf, conversationOf, type TeamsActivity } from "./parse-activity.ts";

export type FileOutput = Extract<Output, { kind: "file" }>;

/**
 * Offers the files to the person behind `activity` (stored, and the links enqueued for their personal
 * chat); returns the private note to answer in the conversation with, in `t`'s language.
 */
export async function offerFilesOnTeams(
  app: AppContext,
  activity: TeamsActivity,
  output: FileOutput,
  t: Translate,
): Promise<Output> {
  const offered = await offerDownload(app, {
    actor: actorOf(activity),
    conversation: conversationOf(activity),
    files: output.files,
    comment: output.comment,
  });
  return offered.ok ? note(t("files.sentToPersonalChat")) : failureOutput(t, offered);
}
