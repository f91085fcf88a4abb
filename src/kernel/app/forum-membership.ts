// The chairs' forum: a channel bound to a Cluster of kind CHAIRS_FORUM. Its membership is derived,
// never stored: whoever is chair, vice-chair or coordinator of a cluster bound in the same workspace
// (Slack workspace, Teams tenant) is a member of that workspace's forum, for exactly as long as they
// hold the role. The forum sees only the clusters of its own workspace.

import type { Cluster, Membership, Person } from "../../generated/prisma/client.ts";
import type { Conversation } from "../domain/platform-user.ts";
import { fail, ok, type Result } from "../domain/result.ts";
import type { Role } from "../domain/roles.ts";
import type { Tx } from "./tx.ts";

export const FORUM_ROLES: readonly Role[] = ["CHAIR", "VICE_CHAIR", "COORDINATOR"];

export type Forum = { forum: Cluster; workspaceId: string };

/** The forum bound to this conversation, or null for a cluster's channel or an unbound one. */
export async function forumOfConversation(tx: Tx, conversation: Conversation): Promise<Forum | null> {
  const binding = await tx.channelBinding.findUnique({
    where: { platform_channelId: { platform: conversation.platform, channelId: conversation.channelId } },
    include: { cluster: true },
  });
  if (binding?.cluster.kind !== "CHAIRS_FORUM") return null;
  return { forum: binding.cluster, workspaceId: binding.workspaceId };
}

/** The clusters (not forums, not archived) bound in a workspace, by name. */
export function clustersOfWorkspace(tx: Tx, workspaceId: string) {
  return tx.cluster.findMany({
    where: { kind: "CLUSTER", archivedAt: null, bindings: { some: { workspaceId } } },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
  });
}

/** Whether the person holds a forum role in any cluster of the workspace. */
export async function isForumMember(tx: Tx, workspaceId: string, personId: string): Promise<boolean> {
  const held = await tx.membership.findFirst({
    where: {
      personId,
      role: { in: [...FORUM_ROLES] },
      cluster: { kind: "CLUSTER", archivedAt: null, bindings: { some: { workspaceId } } },
    },
    select: { id: true },
  });
  return held !== null;
}

/** The forum of this conversation, if the person may use it; a clear refusal otherwise. */
export async function authorizeForum(
  tx: Tx,
  conversation: Conversation,
  personId: string,
): Promise<Result<Forum>> {
  const found = await forumOfConversation(tx, conversation);
  if (!found) return fail("NOT_IN_FORUM");
  if (!(await isForumMember(tx, found.workspaceId, personId))) return fail("NOT_A_FORUM_MEMBER");
  return ok(found);
}

/** The forum's members: each person holding a forum role in a cluster of these workspaces, once. */
export async function forumMembers(tx: Tx, workspaceIds: string[]): Promise<Person[]> {
  const memberships = await tx.membership.findMany({
    where: {
      role: { in: [...FORUM_ROLES] },
      person: { erasedAt: null },
      cluster: {
        kind: "CLUSTER",
        archivedAt: null,
        bindings: { some: { workspaceId: { in: workspaceIds } } },
      },
    },
    include: { person: true },
    orderBy: { personId: "asc" },
  });
  return [...new Map(memberships.map((m) => [m.personId, m.person])).values()];
}

/**
 * In the forum everyone is a member by their cluster role, never by a stored row, and all are equals:
 * each may plan and record the forum's own meeting and set its terms, as a chair does in a cluster.
 * The forum's guard (surface/handlers/chairs.ts) keeps role, erasure and other cluster commands out.
 */
export async function derivedForumMembership(
  tx: Tx,
  forum: Cluster,
  personId: string,
): Promise<Membership | null> {
  const bindings = await tx.channelBinding.findMany({ where: { clusterId: forum.id } });
  for (const binding of bindings)
    if (await isForumMember(tx, binding.workspaceId, personId))
      return {
        id: `forum:${personId}`,
        clusterId: forum.id,
        personId,
        role: "VICE_CHAIR",
        joinedAt: forum.createdAt,
      };
  return null;
}
