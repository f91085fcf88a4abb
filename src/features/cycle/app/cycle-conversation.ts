// A kickoff's buttons are clicked in a personal chat, which belongs to no cluster. The button carries
// the cluster's id; this finds the cluster's channel on the clicker's platform, so the use case behind
// the button authorizes exactly as if the person had run the command in that channel (membership and
// role in that cluster; in the chairs' forum, the derived forum membership). A cluster not bound on
// that platform is "not bound": nothing happens.
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { type Conversation, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";

const Input = z.object({ actor: PlatformUserSchema, clusterId: z.uuid() });

export async function clusterConversation(
  ctx: AppContext,
  raw: z.input<typeof Input>,
): Promise<Result<Conversation>> {
  const input = parseInput(Input, raw);
  if (!input.ok) return input;
  const { actor, clusterId } = input.value;
  const binding = await ctx.db.channelBinding.findUnique({
    where: { clusterId_platform: { clusterId, platform: actor.platform } },
    include: { cluster: true },
  });
  if (!binding || binding.cluster.archivedAt) return fail("CHANNEL_NOT_BOUND");
  return ok({
    platform: actor.platform,
    tenant: actor.tenant,
    channelId: binding.channelId,
    scope: "CHANNEL",
  });
}
