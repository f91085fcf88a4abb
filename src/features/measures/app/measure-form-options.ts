// What the "add a measure" form offers: the cluster's members as owners, its recent decisions.
import { z } from "zod";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
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

export async function measureFormOptions(
  ctx: AppContext,
  raw: z.input<typeof MeasureFormOptionsInput>,
): Promise<Result<MeasureFormOptions>> {
  const input = parseInput(MeasureFormOptionsInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  const auth = await authorize(ctx.db, input.value.conversation, person.id, "measure.assign");
  if (!auth.ok) return auth;
  const clusterId = auth.value.cluster.id;
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
}
