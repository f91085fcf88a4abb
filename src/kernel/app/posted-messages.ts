// Messages the bot posted that it later redraws in place (a poll's tally after each vote).
import type { Platform } from "../domain/platform-user.ts";
import type { AppContext } from "./context.ts";

export type Subject = { type: string; id: string };
export type PostedMessageRef = { platform: Platform; conversationId: string; messageId: string };

export async function recordPostedMessage(
  ctx: AppContext,
  subject: Subject,
  ref: PostedMessageRef,
): Promise<void> {
  // A retried post may report the same message twice: the unique key makes that a no-op.
  await ctx.db.postedMessage.createMany({
    data: [{ ...ref, subjectType: subject.type, subjectId: subject.id }],
    skipDuplicates: true,
  });
}

export async function postedMessagesOf(
  ctx: AppContext,
  subject: Subject,
  platform: Platform,
): Promise<PostedMessageRef[]> {
  return ctx.db.postedMessage.findMany({
    where: { subjectType: subject.type, subjectId: subject.id, platform },
    select: { platform: true, conversationId: true, messageId: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Whether a message is one the bot redraws for everyone (a poll card): nobody's answer may cover it. */
export async function isTrackedMessage(
  ctx: AppContext,
  platform: Platform,
  messageId: string,
): Promise<boolean> {
  return (await ctx.db.postedMessage.count({ where: { platform, messageId } })) > 0;
}
