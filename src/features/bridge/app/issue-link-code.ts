// `/cluster link` (in the cluster's channel): a one-time code that binds a channel on the other
// platform to this cluster. `/cluster link me` (in the personal chat): a one-time code that joins the
// person's account on the other platform to this one, so their votes and answers count once.
import { z } from "zod";
import { clusterUseCase, personUseCase } from "../../../kernel/app/use-case.ts";
import {
  ConversationSchema,
  type Platform,
  PlatformUserSchema,
} from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { otherPlatform, platformLabel, storeLinkCode } from "./link-code.ts";

export const IssueLinkCodeInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
});
export type IssueLinkCodeInput = z.input<typeof IssueLinkCodeInput>;

export type IssuedLinkCode = {
  code: string;
  expiresAt: Date;
  /** Where the code is to be typed. */
  usedOn: Platform;
  clusterName?: string;
};

/** Chair or coordinator, in the cluster's channel, while the cluster has no channel on the other platform. */
export const issueChannelLinkCode = clusterUseCase(
  { name: "issueChannelLinkCode", input: IssueLinkCodeInput, capability: "cluster.configure" },
  async ({ ctx, tx, input, person, cluster }): Promise<Result<IssuedLinkCode>> => {
    const { conversation } = input;
    const usedOn = otherPlatform(conversation.platform);
    const bridged = await tx.channelBinding.findUnique({
      where: { clusterId_platform: { clusterId: cluster.id, platform: usedOn } },
    });
    if (bridged)
      return fail("CLUSTER_ALREADY_BRIDGED", { cluster: cluster.name, platform: platformLabel(usedOn) });
    const issued = await storeLinkCode(tx, {
      kind: "channel",
      clusterId: cluster.id,
      personId: person.id,
      now: ctx.clock.now(),
    });
    return ok({ ...issued, usedOn, clusterName: cluster.name });
  },
);

/**
 * Only in the personal chat: on Teams a "private" answer in a channel is a thread reply everyone sees,
 * and whoever types someone else's account code becomes that person in every vote.
 */
export const issuePersonLinkCode = personUseCase(
  {
    name: "issuePersonLinkCode",
    input: IssueLinkCodeInput,
    access: "anyone",
    guard: (_ctx, input) => (input.conversation.scope !== "PERSONAL" ? fail("NEEDS_PERSONAL_CHAT") : null),
  },
  async ({ ctx, tx, input, person }): Promise<Result<IssuedLinkCode>> => {
    const usedOn = otherPlatform(input.actor.platform);
    const linked = await tx.platformIdentity.findFirst({
      where: { personId: person.id, platform: usedOn },
    });
    if (linked) return fail("ALREADY_LINKED");
    const issued = await storeLinkCode(tx, {
      kind: "person",
      clusterId: null,
      personId: person.id,
      now: ctx.clock.now(),
    });
    return ok({ ...issued, usedOn });
  },
);
