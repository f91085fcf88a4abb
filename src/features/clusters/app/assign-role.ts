// `/cluster role <user> <role>`: chairs and coordinators give members their roles.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson, findPersonByRef, membershipIn } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import {
  ConversationSchema,
  PlatformUserSchema,
  UserRefSchema,
} from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { ROLES, type Role, wouldLoseLastChair } from "../../../kernel/domain/roles.ts";

export const AssignRoleInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  target: UserRefSchema,
  role: z.enum(ROLES),
});

export type RoleChange = { clusterName: string; displayName: string; from: Role; to: Role };

export async function assignRole(
  ctx: AppContext,
  raw: z.input<typeof AssignRoleInput>,
): Promise<Result<RoleChange>> {
  const input = parseInput(AssignRoleInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, target, role } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "cluster.manage-roles");
    if (!auth.ok) return auth;
    const { cluster } = auth.value;
    const targetPerson = await findPersonByRef(tx, target);
    const targetMembership = targetPerson ? await membershipIn(tx, cluster.id, targetPerson.id) : null;
    if (!targetPerson || !targetMembership)
      return fail("UNKNOWN_USER", { user: target.displayName ?? target.userId });
    const chairs = await tx.membership.count({ where: { clusterId: cluster.id, role: "CHAIR" } });
    if (wouldLoseLastChair(chairs, targetMembership.role, role)) return fail("LAST_CHAIR");
    const change = {
      clusterName: cluster.name,
      displayName: targetPerson.displayName,
      from: targetMembership.role,
      to: role,
    };
    if (targetMembership.role === role) return ok(change);
    await tx.membership.update({ where: { id: targetMembership.id }, data: { role } });
    await audit(tx, {
      clusterId: cluster.id,
      actorId: person.id,
      action: "member.role",
      subjectType: "person",
      subjectId: targetPerson.id,
      details: { from: change.from, to: role },
    });
    return ok(change);
  });
}
