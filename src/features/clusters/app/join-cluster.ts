// `/cluster join`: anyone in a bound channel may join its cluster as a member.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import { clusterOfConversation } from "../../../kernel/app/identity.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok } from "../../../kernel/domain/result.ts";

export const JoinClusterInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export const joinCluster = personUseCase(
  { name: "joinCluster", input: JoinClusterInput, access: "anyone" },
  async ({ tx, input, person, audit }) => {
    const cluster: Cluster | null = await clusterOfConversation(tx, input.conversation);
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
    await audit({
      clusterId: cluster.id,
      action: "member.join",
      subjectType: "person",
      subjectId: person.id,
    });
    return ok(cluster);
  },
);
