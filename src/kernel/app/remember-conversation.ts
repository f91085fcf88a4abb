// Teams can only message someone proactively through a stored conversation reference, so every
// turn refreshes it. Stored in the database, never in memory: any instance can send.
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import { cleanStrings } from "../domain/clean-text.ts";
import { PlatformUserSchema } from "../domain/platform-user.ts";
import type { AppContext } from "./context.ts";
import { ensurePerson } from "./identity.ts";

export const RememberConversationInput = z.object({
  actor: PlatformUserSchema.optional(),
  conversationId: z.string().min(1),
  scope: z.enum(["CHANNEL", "PERSONAL", "GROUP"]),
  reference: z.record(z.string(), z.unknown()),
});

export async function rememberConversation(
  ctx: AppContext,
  raw: z.input<typeof RememberConversationInput>,
): Promise<void> {
  // Names in the activity (the person's, the team's) are stored, so cleaned like any member text.
  const input = RememberConversationInput.parse(cleanStrings(raw));
  // Only a personal chat belongs to one person; channel references are shared.
  const personId =
    input.scope === "PERSONAL" && input.actor ? (await ensurePerson(ctx, input.actor)).id : null;
  const platform = input.actor?.platform ?? "TEAMS";
  const reference = input.reference as Prisma.InputJsonObject;
  await ctx.db.conversationRef.upsert({
    where: { platform_conversationId: { platform, conversationId: input.conversationId } },
    create: { platform, conversationId: input.conversationId, scope: input.scope, personId, reference },
    update: { reference, scope: input.scope, ...(personId ? { personId } : {}) },
  });
}
