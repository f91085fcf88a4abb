// `/cluster forum setup <name>`: bind the current channel as the chairs' forum of this workspace.
// No membership rows are written: the forum's members are the chairs, vice-chairs and coordinators of
// the workspace's clusters (see shared/forum.ts), so only one of them may bind it.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { forumOfConversation, isForumMember } from "../../../kernel/app/forum-membership.ts";
import { clusterOfConversation, ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { isUniqueViolation } from "../../../kernel/app/tx.ts";
import { toLocale } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { checkChannelFree } from "../../clusters/index.ts";

export const BindForumInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  name: z.string().trim().min(2, "too short").max(80, "too long"),
});
export type BindForumInput = z.input<typeof BindForumInput>;

export async function bindForum(ctx: AppContext, raw: BindForumInput): Promise<Result<Cluster>> {
  const input = parseInput(BindForumInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, name } = input.value;
  const free = await checkChannelFree(ctx, conversation);
  if (!free.ok) return free;
  const person = await ensurePerson(ctx, actor);
  try {
    const forum = await ctx.db.$transaction(async (tx) => {
      const workspace = await tx.workspace.findUnique({
        where: { platform_externalId: { platform: conversation.platform, externalId: conversation.tenant } },
      });
      if (!workspace || !(await isForumMember(tx, workspace.id, person.id)))
        return fail("NOT_A_FORUM_MEMBER");
      const existing = await tx.cluster.findFirst({
        where: { kind: "CHAIRS_FORUM", archivedAt: null, bindings: { some: { workspaceId: workspace.id } } },
      });
      if (existing) return fail("FORUM_EXISTS", { forum: existing.name });
      const created = await tx.cluster.create({
        data: {
          kind: "CHAIRS_FORUM",
          name,
          locale: person.locale ?? toLocale(actor.locale) ?? "fi",
          bindings: {
            create: {
              platform: conversation.platform,
              workspaceId: workspace.id,
              channelId: conversation.channelId,
            },
          },
        },
      });
      await audit(tx, {
        clusterId: created.id,
        actorId: person.id,
        action: "forum.setup",
        subjectType: "cluster",
        subjectId: created.id,
        details: { name, channel: conversation.channelId, platform: conversation.platform },
      });
      return ok(created);
    });
    return forum;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await clusterOfConversation(ctx.db, conversation);
    return fail("CHANNEL_ALREADY_BOUND", { cluster: winner?.name ?? name });
  }
}

/** Whether a conversation is a forum: cluster commands refuse there. */
export async function isForumConversation(
  ctx: AppContext,
  conversation: z.infer<typeof ConversationSchema>,
): Promise<boolean> {
  if (conversation.scope === "PERSONAL") return false;
  return (await forumOfConversation(ctx.db, conversation)) !== null;
}
