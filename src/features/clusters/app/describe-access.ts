// `/cluster help`: what the caller may do here depends on their role in this channel's cluster.
import { z } from "zod";
import { clusterOfConversation, membershipIn } from "../../../kernel/app/identity.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok } from "../../../kernel/domain/result.ts";
import type { Role } from "../../../kernel/domain/roles.ts";

export const DescribeAccessInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export type Access = { clusterName: string | null; role: Role | null; locale: string | null };

export const describeAccess = personUseCase(
  { name: "describeAccess", input: DescribeAccessInput, access: "anyone", readOnly: true },
  async ({ tx, input, person }) => {
    const cluster = await clusterOfConversation(tx, input.conversation);
    const membership = cluster ? await membershipIn(tx, cluster.id, person.id) : null;
    return ok<Access>({
      clusterName: cluster?.name ?? null,
      role: membership?.role ?? null,
      locale: person.locale,
    });
  },
);
