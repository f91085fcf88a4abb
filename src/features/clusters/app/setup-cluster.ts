// `/cluster setup <name>`: bind the current channel to a new cluster; the caller becomes its chair.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterOfConversation } from "../../../kernel/app/identity.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { isValidTimeZone, LOCALES } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";

export const SetupClusterInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  name: z.string().trim().min(2, "too short").max(80, "too long"),
  sector: z.string().trim().max(80, "too long").optional(),
  timeZone: z.string().refine(isValidTimeZone, "not a time zone").default("Europe/Helsinki"),
  locale: z.enum(LOCALES).default("fi"),
});
export type SetupClusterInput = z.input<typeof SetupClusterInput>;

/** Cheap check before showing the form, so nobody fills it in vain. */
export async function checkChannelFree(
  ctx: AppContext,
  conversation: z.infer<typeof ConversationSchema>,
): Promise<Result<null>> {
  if (conversation.scope === "PERSONAL") return fail("NEEDS_CHANNEL");
  const bound = await clusterOfConversation(ctx.db, conversation);
  return bound ? fail("CHANNEL_ALREADY_BOUND", { cluster: bound.name }) : ok(null);
}

export const setupCluster = personUseCase(
  {
    name: "setupCluster",
    input: SetupClusterInput,
    access: "anyone",
    guard: async (ctx, input) => {
      const free = await checkChannelFree(ctx, input.conversation);
      return free.ok ? null : free;
    },
    // Two setups racing for one channel: the unique binding lets exactly one win.
    onUniqueViolation: async (ctx, input) => {
      const winner = await clusterOfConversation(ctx.db, input.conversation);
      return fail("CHANNEL_ALREADY_BOUND", { cluster: winner?.name ?? input.name });
    },
  },
  async ({ tx, input, person, audit }) => {
    const { conversation, name, sector, timeZone, locale } = input;
    const workspace = await tx.workspace.upsert({
      where: { platform_externalId: { platform: conversation.platform, externalId: conversation.tenant } },
      create: { platform: conversation.platform, externalId: conversation.tenant },
      update: {},
    });
    const created = await tx.cluster.create({
      data: {
        name,
        sector: sector || null,
        timeZone,
        locale,
        // Due for the digest and kickoff ticks at once, whatever a tick's clock says (the epoch): they
        // work out the next moments.
        nextDigestAt: new Date(0),
        nextKickoffAt: new Date(0),
        bindings: {
          create: {
            platform: conversation.platform,
            workspaceId: workspace.id,
            channelId: conversation.channelId,
          },
        },
        memberships: { create: { personId: person.id, role: "CHAIR" } },
      },
    });
    await audit({
      clusterId: created.id,
      action: "cluster.setup",
      subjectType: "cluster",
      subjectId: created.id,
      details: {
        name,
        sector: sector ?? null,
        timeZone,
        locale,
        channel: conversation.channelId,
        platform: conversation.platform,
      },
    });
    return ok<Cluster>(created);
  },
);
