// `/cluster leave`: a member leaves; the last chair must hand over first.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok } from "../../../kernel/domain/result.ts";
import { wouldLoseLastChair } from "../../../kernel/domain/roles.ts";

export const LeaveClusterInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export const leaveCluster = clusterUseCase(
  { name: "leaveCluster", input: LeaveClusterInput, capability: "cluster.view" },
  async ({ tx, person, cluster, membership, audit }) => {
    const chairs = await tx.membership.count({ where: { clusterId: cluster.id, role: "CHAIR" } });
    if (wouldLoseLastChair(chairs, membership.role, null)) return fail("LAST_CHAIR");
    await tx.membership.delete({ where: { id: membership.id } });
    await audit({
      action: "member.leave",
      subjectType: "person",
      subjectId: person.id,
      details: { role: membership.role },
    });
    return ok<Cluster>(cluster);
  },
);
