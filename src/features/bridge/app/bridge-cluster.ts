// A channel code typed in a channel of the other platform: that channel becomes the cluster's second
// home. One channel per platform per cluster, and a channel serves one cluster: both are unique keys
// in ChannelBinding, checked first for a clear answer and again by the database against races.

import type { LinkCode } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterOfConversation, ensurePerson } from "../../../kernel/app/identity.ts";
import { isUniqueViolation, type Tx } from "../../../kernel/app/tx.ts";
import type { Conversation, PlatformUser } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { consumeLinkCode, platformLabel } from "./link-code.ts";

export type BridgedCluster = { clusterName: string; platforms: string[]; joined: boolean };

export async function bridgeCluster(
  ctx: AppContext,
  input: { actor: PlatformUser; conversation: Conversation; code: LinkCode },
): Promise<Result<BridgedCluster>> {
  const { actor, conversation, code } = input;
  if (conversation.scope === "PERSONAL") return fail("NEEDS_CHANNEL");
  const refusal = await refusalFor(ctx.db, conversation, code);
  if (refusal) return refusal;
  const person = await ensurePerson(ctx, actor);
  try {
    return await ctx.db.$transaction(async (tx) => {
      if (!(await consumeLinkCode(tx, code, ctx.clock.now()))) return fail("LINK_CODE_USED");
      const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: code.clusterId! } });
      const workspace = await tx.workspace.upsert({
        where: { platform_externalId: { platform: conversation.platform, externalId: conversation.tenant } },
        create: { platform: conversation.platform, externalId: conversation.tenant },
        update: {},
      });
      await tx.channelBinding.create({
        data: {
          clusterId: cluster.id,
          platform: conversation.platform,
          workspaceId: workspace.id,
          channelId: conversation.channelId,
        },
      });
      // Whoever accepts the code on the other side is the one the chair handed it to: they join, so
      // they can go on (and invite their colleagues with `/cluster join`).
      const joined = await joinIfNew(tx, cluster.id, person.id);
      await audit(tx, {
        clusterId: cluster.id,
        actorId: person.id,
        action: "cluster.bridged",
        subjectType: "cluster",
        subjectId: cluster.id,
        details: {
          platform: conversation.platform,
          channel: conversation.channelId,
          issuedBy: code.personId,
        },
      });
      const bindings = await tx.channelBinding.findMany({ where: { clusterId: cluster.id } });
      return ok({
        clusterName: cluster.name,
        platforms: bindings.map((b) => platformLabel(b.platform)).sort(),
        joined,
      });
    });
  } catch (error) {
    // Another link or setup won the race for this channel or this platform: say which.
    if (!isUniqueViolation(error)) throw error;
    return (await refusalFor(ctx.db, conversation, code)) ?? fail("LINK_CODE_USED");
  }
}

async function refusalFor(tx: Tx, conversation: Conversation, code: LinkCode) {
  const bound = await clusterOfConversation(tx, conversation);
  if (bound) return fail("CHANNEL_ALREADY_BOUND", { cluster: bound.name });
  const cluster = code.clusterId ? await tx.cluster.findUnique({ where: { id: code.clusterId } }) : null;
  if (!cluster || cluster.archivedAt) return fail("LINK_CODE_INVALID");
  const taken = await tx.channelBinding.findUnique({
    where: { clusterId_platform: { clusterId: cluster.id, platform: conversation.platform } },
  });
  if (taken)
    return fail("CLUSTER_PLATFORM_TAKEN", { cluster: cluster.name, platform: platformLabel(taken.platform) });
  return null;
}

async function joinIfNew(tx: Tx, clusterId: string, personId: string): Promise<boolean> {
  const { count } = await tx.membership.createMany({
    data: [{ clusterId, personId, role: "MEMBER" }],
    skipDuplicates: true,
  });
  return count === 1;
}
