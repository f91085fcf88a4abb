// `/cluster members`: who is in the cluster, in role order.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok } from "../../../kernel/domain/result.ts";
import { ROLES, type Role } from "../../../kernel/domain/roles.ts";

export const ListMembersInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export type MemberRow = { personId: string; displayName: string; role: Role; organisation: string | null };
export type MemberList = { clusterName: string; members: MemberRow[] };

export const listMembers = clusterUseCase(
  { name: "listMembers", input: ListMembersInput, capability: "cluster.view", readOnly: true },
  async ({ tx, cluster }) => {
    const rows = await tx.membership.findMany({
      where: { clusterId: cluster.id },
      include: { person: true },
    });
    const members = rows
      .map((m) => ({
        personId: m.personId,
        displayName: m.person.displayName,
        role: m.role,
        organisation: m.person.organisation,
      }))
      .sort(
        (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.displayName.localeCompare(b.displayName),
      );
    return ok<MemberList>({ clusterName: cluster.name, members });
  },
);
