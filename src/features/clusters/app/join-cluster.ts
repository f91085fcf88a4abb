// `/cluster join`: anyone in a bound channel may join its cluster as a member.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterOfConversation, ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";

export const JoinClusterInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export async function joinCluster(
  ctx: AppContext,
  raw: z.input<typeof JoinClusterInput>,
): Promise<Result<Cluster>> {
  const input = parseInput(JoinClusterInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  return ctx.db.$transaction(async (tx) => {
    const cluster = await clusterOfConversation(tx, input.value.conversation);
    if (!cluster) return fail("CHANNEL_NOT_BOUND");
    // ON CONFLICT DO NOTHING: a double click or a retry joins once and says so.
    const { count } = await tx.membership.createMany({
      data: [{ clusterId: cluster.id, personId: person.id, role: "MEMBER" }],
      skipDuplicates: true,
    });
    if (count === 0) {
      const existing = await tx.membership.findUniqueOrThrow({
        where: { clusterId_personId: { clusterId: cluster.id, personId: person.id } },
      });
      return fail("ALREADY_MEMBER", { cluster: cluster.name, role: existing.role });
    }
    await audit(tx, {
      clusterId: cluster.id,
      actorId: person.id,
      action: "member.join",
      subjectType: "person",
      subjectId: person.id,
    });
    return ok(cluster);
  });
}
