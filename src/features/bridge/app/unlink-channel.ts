// `/cluster unlink`: a chair or coordinator ends the bridge; the cluster keeps only the channel the
// command came from. The other channel is told once, and nothing more is posted or redrawn there.
import { z } from "zod";
import type { ChannelBinding } from "../../../generated/prisma/client.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { otherPlatform, platformLabel } from "./link-code.ts";

export const UnlinkChannelInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
});
export type UnlinkChannelInput = z.input<typeof UnlinkChannelInput>;

export const unlinkChannel = clusterUseCase(
  { name: "unlinkChannel", input: UnlinkChannelInput, capability: "cluster.configure" },
  async ({ ctx, tx, input, cluster, audit }): Promise<Result<{ clusterName: string; platform: string }>> => {
    const { conversation } = input;
    const other = await tx.channelBinding.findUnique({
      where: {
        clusterId_platform: { clusterId: cluster.id, platform: otherPlatform(conversation.platform) },
      },
    });
    if (!other) return fail("NOT_BRIDGED", { cluster: cluster.name });
    await forgetChannel(tx, other);
    await enqueueNotification(tx, {
      key: `cluster:${cluster.id}:unlinked:${other.id}`,
      clusterId: cluster.id,
      recipient: { platform: other.platform, kind: "channel", id: other.channelId },
      view: ctx.compose.compose(
        { type: "cluster.unlinked", clusterName: cluster.name, by: platformLabel(conversation.platform) },
        localeOf(null, cluster),
      ),
      notBefore: ctx.clock.now(),
    });
    await audit({
      action: "cluster.unbridged",
      subjectType: "cluster",
      subjectId: cluster.id,
      details: { platform: other.platform, channel: other.channelId },
    });
    return ok({ clusterName: cluster.name, platform: platformLabel(other.platform) });
  },
);

/**
 * The binding goes, and with it what would still reach the channel: queued posts for it, and the
 * tracked messages there that later votes would redraw (a Teams thread's id extends the channel's).
 */
async function forgetChannel(tx: Tx, binding: ChannelBinding): Promise<void> {
  await tx.outboxMessage.deleteMany({
    where: {
      clusterId: binding.clusterId,
      platform: binding.platform,
      OR: [{ target: binding.channelId }, { target: { startsWith: `${binding.channelId};` } }],
      status: "PENDING",
    },
  });
  await tx.postedMessage.deleteMany({
    where: {
      platform: binding.platform,
      OR: [
        { conversationId: binding.channelId },
        { conversationId: { startsWith: `${binding.channelId};` } },
      ],
    },
  });
  await tx.channelBinding.delete({ where: { id: binding.id } });
}
