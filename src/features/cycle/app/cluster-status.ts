// `/cluster status`: the cluster at a glance. Later features add their figures here.
import { z } from "zod";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
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

export async function clusterStatus(
  ctx: AppContext,
  raw: z.input<typeof ClusterStatusInput>,
): Promise<Result<ClusterStatus>> {
  const input = parseInput(ClusterStatusInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  const auth = await authorize(ctx.db, input.value.conversation, person.id, "cluster.view");
  if (!auth.ok) return auth;
  const { cluster, membership } = auth.value;
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
  return ok({
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
}

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
