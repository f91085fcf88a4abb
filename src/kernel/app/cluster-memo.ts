// Beside the person, one interaction asks "which cluster is this channel?" more than once: the
// dispatcher for the answer's language (when the person chose none), then the use case that authorizes.
// Within one interaction it is looked up once and remembered, like the person (person-memo.ts).
// A write use case may change the cluster or the channel's binding (setup, rename, archive, bridge), so
// the memo is emptied whenever a write use case ends: what follows reads the cluster as it is now.
// A channel with no cluster is not remembered: the next step (after a setup, say) looks again.
import type { Cluster } from "../../generated/prisma/client.ts";
import type { Conversation } from "../domain/platform-user.ts";
import type { AppContext } from "./context.ts";
import { clusterOfConversation } from "./identity.ts";
import type { Tx } from "./tx.ts";

const keyOf = (conversation: Conversation) => `${conversation.platform}\u0000${conversation.channelId}`;

/** The cluster bound to `conversation`, read through `tx` unless this interaction already knows it. */
export function memoisedCluster(
  ctx: AppContext,
  tx: Tx,
  conversation: Conversation,
): Promise<Cluster | null> {
  const memo = ctx.clusters;
  if (!memo) return clusterOfConversation(tx, conversation);
  const key = keyOf(conversation);
  const known = memo.get(key);
  if (known) return known;
  const pending = clusterOfConversation(tx, conversation);
  memo.set(key, pending);
  pending.then(
    (cluster) => {
      if (!cluster && memo.get(key) === pending) memo.delete(key);
    },
    () => memo.delete(key),
  );
  return pending;
}

/** After a write use case: whatever it changed, the next step reads the cluster afresh. */
export function forgetClusters(ctx: AppContext): void {
  ctx.clusters?.clear();
}
