// `/cluster members`: who is in the cluster, in role order.
import { z } from "zod";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { ROLES, type Role } from "../../../kernel/domain/roles.ts";

export const ListMembersInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export type MemberRow = { personId: string; displayName: string; role: Role; organisation: string | null };
export type MemberList = { clusterName: string; members: MemberRow[] };

export async function listMembers(
  ctx: AppContext,
  raw: z.input<typeof ListMembersInput>,
): Promise<Result<MemberList>> {
  const input = parseInput(ListMembersInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  const auth = await authorize(ctx.db, input.value.conversation, person.id, "cluster.view");
  if (!auth.ok) return auth;
  const rows = await ctx.db.membership.findMany({
    where: { clusterId: auth.value.cluster.id },
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
  return ok({ clusterName: auth.value.cluster.name, members });
}
