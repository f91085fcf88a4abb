// `/cluster status`: the cluster at a glance. Later features add their figures here.
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok } from "../../../kernel/domain/result.ts";
import { can, type Role } from "../../../kernel/domain/roles.ts";
import { type CycleStatus, cycleStatus } from "./cycle-status.ts";

export const ClusterStatusInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export type ClusterStatus = {
  name: string;
  sector: string | null;
  timeZone: string;
  locale: string;
  createdAt: Date;
  memberCount: number;
  roleCounts: Partial<Record<Role, number>>;
  platforms: ("SLACK" | "TEAMS")[];
  yourRole: Role;
  /** Notifications that could not be delivered (user gone, bot removed): for chairs and coordinators. */
  failedDeliveries: {
    count: number;
    recent: { target: string; platform: string; error: string; at: Date }[];
  } | null;
  /** Where the cluster is in its cycle (src/features/cycle/app/cycle-status.ts). */
  cycle: CycleStatus;
};

export const clusterStatus = clusterUseCase(
  { name: "clusterStatus", input: ClusterStatusInput, capability: "cluster.view", readOnly: true },
  async ({ ctx, cluster, membership }) => {
    const [groups, bindings] = await Promise.all([
      ctx.db.membership.groupBy({ by: ["role"], where: { clusterId: cluster.id }, _count: { _all: true } }),
      ctx.db.channelBinding.findMany({
        where: { clusterId: cluster.id },
        select: { platform: true },
        orderBy: { platform: "asc" },
      }),
    ]);
    const failedDeliveries = can(membership.role, "cluster.manage-roles")
      ? await failed(ctx, cluster.id)
      : null;
    const roleCounts = Object.fromEntries(groups.map((g) => [g.role, g._count._all])) as Partial<
      Record<Role, number>
    >;
    return ok<ClusterStatus>({
      name: cluster.name,
      sector: cluster.sector,
      timeZone: cluster.timeZone,
      locale: cluster.locale,
      createdAt: cluster.createdAt,
      memberCount: groups.reduce((sum, g) => sum + g._count._all, 0),
      roleCounts,
      platforms: bindings.map((b) => b.platform),
      yourRole: membership.role,
      failedDeliveries,
      cycle: await cycleStatus(ctx, cluster),
    });
  },
);

async function failed(
  ctx: AppContext,
  clusterId: string,
): Promise<NonNullable<ClusterStatus["failedDeliveries"]>> {
  const where = { clusterId, status: "FAILED" as const };
  const [count, rows] = await Promise.all([
    ctx.db.outboxMessage.count({ where }),
    ctx.db.outboxMessage.findMany({ where, orderBy: { createdAt: "desc" }, take: 3 }),
  ]);
  return {
    count,
    recent: rows.map((r) => ({
      target: r.target,
      platform: r.platform,
      error: r.lastError ?? "",
      at: r.createdAt,
    })),
  };
}
