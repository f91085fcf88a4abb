// Where a notification for a cluster or a person goes, on whichever platforms they use.
import type { Platform } from "../domain/platform-user.ts";
import type { Recipient } from "./ports/chat-gateway.ts";
import type { Tx } from "./tx.ts";

/** Every channel the cluster is bound to (one per platform). */
export async function clusterChannels(tx: Tx, clusterId: string): Promise<Recipient[]> {
  // One statement with its workspace (Prisma's nested select would send a second one): jobs call this
  // per cluster, and the workspace's team id picks the Slack token in OAuth mode.
  const bindings = await tx.$queryRaw<{ platform: Platform; channelId: string; tenant: string }[]>`
    SELECT b."platform"::text AS "platform", b."channelId", w."externalId" AS "tenant"
      FROM "ChannelBinding" b JOIN "Workspace" w ON w."id" = b."workspaceId"
     WHERE b."clusterId" = ${clusterId}
     ORDER BY b."platform"`;
  return bindings.map((b) => ({
    platform: b.platform,
    kind: "channel" as const,
    id: b.channelId,
    tenant: b.tenant,
  }));
}

/**
 * A person's direct messages, on the platform they were reached from when there is a choice. Slack
 * takes a user id; Teams needs the person's stored personal conversation, or else their user id,
 * for which the gateway opens a 1:1 chat.
 */
export async function personalRecipient(
  tx: Tx,
  personId: string,
  prefer: Platform,
): Promise<Recipient | null> {
  const identities = await tx.platformIdentity.findMany({ where: { personId } });
  const identity = identities.find((i) => i.platform === prefer) ?? identities[0];
  if (!identity) return null;
  const tenant = identity.tenant;
  if (identity.platform === "SLACK")
    return { platform: "SLACK", kind: "user", id: identity.externalId, tenant };
  const personal = await tx.conversationRef.findFirst({
    where: { platform: "TEAMS", personId, scope: "PERSONAL" },
    orderBy: { updatedAt: "desc" },
  });
  return { platform: "TEAMS", kind: "user", id: personal?.conversationId ?? identity.externalId, tenant };
}
