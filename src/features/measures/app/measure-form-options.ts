// What the "add a measure" form offers: the cluster's members as owners, its recent decisions.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";

export const MeasureFormOptionsInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
});

export type MeasureFormOptions = {
  members: { personId: string; name: string }[];
  decisions: { id: string; text: string }[];
};

export const measureFormOptions = clusterUseCase(
  {
    name: "measureFormOptions",
    input: MeasureFormOptionsInput,
    capability: "measure.assign",
    readOnly: true,
  },
  async ({ ctx, cluster }): Promise<Result<MeasureFormOptions>> => {
    const clusterId = cluster.id;
    const [memberships, decisions] = await Promise.all([
      ctx.db.membership.findMany({
        where: { clusterId, role: { not: "OBSERVER" } },
        include: { person: true },
      }),
      ctx.db.decision.findMany({ where: { clusterId }, orderBy: { createdAt: "desc" }, take: 25 }),
    ]);
    return ok({
      members: memberships
        .map((m) => ({ personId: m.personId, name: m.person.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      decisions: decisions.map((d) => ({ id: d.id, text: d.text })),
    });
  },
);
