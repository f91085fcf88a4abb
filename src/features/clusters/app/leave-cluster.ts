// `/cluster leave`: a member leaves; the last chair must hand over first.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { wouldLoseLastChair } from "../../../kernel/domain/roles.ts";

export const LeaveClusterInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export async function leaveCluster(
  ctx: AppContext,
  raw: z.input<typeof LeaveClusterInput>,
): Promise<Result<Cluster>> {
  const input = parseInput(LeaveClusterInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, input.value.conversation, person.id, "cluster.view");
    if (!auth.ok) return auth;
    const { cluster, membership } = auth.value;
    const chairs = await tx.membership.count({ where: { clusterId: cluster.id, role: "CHAIR" } });
    if (wouldLoseLastChair(chairs, membership.role, null)) return fail("LAST_CHAIR");
    await tx.membership.delete({ where: { id: membership.id } });
    await audit(tx, {
      clusterId: cluster.id,
      actorId: person.id,
      action: "member.leave",
      subjectType: "person",
      subjectId: person.id,
      details: { role: membership.role },
    });
    return ok(cluster);
  });
}
