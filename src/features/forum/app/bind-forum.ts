// `/cluster forum setup <name>`: bind the current channel as the chairs' forum of this workspace.
// No membership rows are written: the forum's members are the chairs, vice-chairs and coordinators of
// the workspace's clusters (see shared/forum.ts), so only one of them may bind it.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { forumOfConversation, isForumMember } from "../../../kernel/app/forum-membership.ts";
import { clusterOfConversation } from "../../../kernel/app/identity.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
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

export const bindForum = personUseCase(
  {
    name: "bindForum",
    input: BindForumInput,
    access: "in-body: a chair, vice-chair or coordinator of a cluster in this workspace",
    guard: async (ctx, input) => {
      const free = await checkChannelFree(ctx, input.conversation);
      return free.ok ? null : free;
    },
    onUniqueViolation: async (ctx, input) => {
      const winner = await clusterOfConversation(ctx.db, input.conversation);
      return fail("CHANNEL_ALREADY_BOUND", { cluster: winner?.name ?? input.name });
    },
  },
  async ({ tx, input, person, audit }): Promise<Result<Cluster>> => {
    const { actor, conversation, name } = input;
    const workspace = await tx.workspace.findUnique({
      where: { platform_externalId: { platform: conversation.platform, externalId: conversation.tenant } },
    });
    if (!workspace || !(await isForumMember(tx, workspace.id, person.id))) return fail("NOT_A_FORUM_MEMBER");
    const existing = await tx.cluster.findFirst({
      where: { kind: "CHAIRS_FORUM", archivedAt: null, bindings: { some: { workspaceId: workspace.id } } },
    });
    if (existing) return fail("FORUM_EXISTS", { forum: existing.name });
    const created = await tx.cluster.create({
      data: {
        kind: "CHAIRS_FORUM",
        name,
        locale: person.locale ?? toLocale(actor.locale) ?? "fi",
        // Due for the digest and kickoff ticks at once, whatever a tick's clock says (the epoch): they
        // work out the next moments.
        nextDigestAt: new Date(0),
        nextKickoffAt: new Date(0),
        bindings: {
          create: {
            platform: conversation.platform,
            workspaceId: workspace.id,
            channelId: conversation.channelId,
          },
        },
      },
    });
    await audit({
      clusterId: created.id,
      action: "forum.setup",
      subjectType: "cluster",
      subjectId: created.id,
      details: { name, channel: conversation.channelId, platform: conversation.platform },
    });
    return ok(created);
  },
);

/** Whether a conversation is a forum: cluster commands refuse there. */
export async function isForumConversation(
  ctx: AppContext,
  conversation: z.infer<typeof ConversationSchema>,
): Promise<boolean> {
  if (conversation.scope === "PERSONAL") return false;
  return (await forumOfConversation(ctx.db, conversation)) !== null;
}
