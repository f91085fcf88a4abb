// A batch of clusters with their channel bindings (ordered by platform), in one more statement.
import type { ChannelBinding, Cluster } from "../../generated/prisma/client.ts";
import type { AppContext } from "./context.ts";

export async function withBindings(
  ctx: Pick<AppContext, "db">,
  clusters: Cluster[],
): Promise<(Cluster & { bindings: ChannelBinding[] })[]> {
  const bindings = await ctx.db.channelBinding.findMany({
    where: { clusterId: { in: clusters.map((c) => c.id) } },
    orderBy: { platform: "asc" },
  });
  return clusters.map((c) => ({ ...c, bindings: bindings.filter((b) => b.clusterId === c.id) }));
}
