import type { Cluster, Membership } from "../../generated/prisma/client.ts";
import type { Conversation } from "../domain/platform-user.ts";
import { fail, ok, type Result } from "../domain/result.ts";
import { type Capability, can } from "../domain/roles.ts";
import { derivedForumMembership } from "./forum-membership.ts";
import { clusterOfConversation, membershipIn } from "./identity.ts";
import type { Tx } from "./tx.ts";

export type Authorized = { cluster: Cluster; membership: Membership };

/**
 * The cluster bound to this conversation, if the person is a member allowed `capability` there.
 * `findCluster` lets the use case wrapper answer from the interaction's memo (cluster-memo.ts).
 */
export async function authorize(
  tx: Tx,
  conversation: Conversation,
  personId: string,
  capability: Capability,
  findCluster: (tx: Tx, conversation: Conversation) => Promise<Cluster | null> = clusterOfConversation,
): Promise<Result<Authorized>> {
  const cluster = await findCluster(tx, conversation);
  if (!cluster) return fail("CHANNEL_NOT_BOUND");
  const membership =
    cluster.kind === "CHAIRS_FORUM"
      ? await derivedForumMembership(tx, cluster, personId)
      : await membershipIn(tx, cluster.id, personId);
  if (!membership)
    // Nobody joins the forum: its members are the clusters' chairs, vice-chairs and coordinators.
    return cluster.kind === "CHAIRS_FORUM"
      ? fail("NOT_A_FORUM_MEMBER")
      : fail("NOT_A_MEMBER", { cluster: cluster.name });
  if (!can(membership.role, capability)) return fail("FORBIDDEN", { role: membership.role });
  return ok({ cluster, membership });
}
