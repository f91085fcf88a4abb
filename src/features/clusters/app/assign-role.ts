// `/cluster role <user> <role>`: chairs and coordinators give members their roles.
import { z } from "zod";
import { findPersonByRef, membershipIn } from "../../../kernel/app/identity.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import {
  ConversationSchema,
  PlatformUserSchema,
  UserRefSchema,
} from "../../../kernel/domain/platform-user.ts";
import { fail, ok } from "../../../kernel/domain/result.ts";
import { ROLES, type Role, wouldLoseLastChair } from "../../../kernel/domain/roles.ts";

export const AssignRoleInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  target: UserRefSchema,
  role: z.enum(ROLES),
});

export type RoleChange = { clusterName: string; displayName: string; from: Role; to: Role };

export const assignRole = clusterUseCase(
  { name: "assignRole", input: AssignRoleInput, capability: "cluster.manage-roles" },
  async ({ tx, input, cluster, audit }) => {
    const { target, role } = input;
    const targetPerson = await findPersonByRef(tx, target);
    const targetMembership = targetPerson ? await membershipIn(tx, cluster.id, targetPerson.id) : null;
    if (!targetPerson || !targetMembership)
      return fail("UNKNOWN_USER", { user: target.displayName ?? target.userId });
    const chairs = await tx.membership.count({ where: { clusterId: cluster.id, role: "CHAIR" } });
    if (wouldLoseLastChair(chairs, targetMembership.role, role)) return fail("LAST_CHAIR");
    const change: RoleChange = {
      clusterName: cluster.name,
      displayName: targetPerson.displayName,
      from: targetMembership.role,
      to: role,
    };
    if (targetMembership.role === role) return ok(change);
    await tx.membership.update({ where: { id: targetMembership.id }, data: { role } });
    await audit({
      action: "member.role",
      subjectType: "person",
      subjectId: targetPerson.id,
      details: { from: change.from, to: role },
    });
    return ok(change);
  },
);
