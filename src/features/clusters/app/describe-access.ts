// `/cluster help`: what the caller may do here depends on their role in this channel's cluster.
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterOfConversation, ensurePerson, membershipIn } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import type { Role } from "../../../kernel/domain/roles.ts";

export const DescribeAccessInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export type Access = { clusterName: string | null; role: Role | null; locale: string | null };

export async function describeAccess(
  ctx: AppContext,
  raw: z.input<typeof DescribeAccessInput>,
): Promise<Result<Access>> {
  const input = parseInput(DescribeAccessInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  const cluster = await clusterOfConversation(ctx.db, input.value.conversation);
  const membership = cluster ? await membershipIn(ctx.db, cluster.id, person.id) : null;
  return ok({ clusterName: cluster?.name ?? null, role: membership?.role ?? null, locale: person.locale });
}
