// `/cluster pulse status`: the response rate of a pulse, overall and by stakeholder type. Who has
// answered is not secret (the bot reminds the others); what they answered is. In an anonymous pulse
// a stakeholder group of fewer than 3 shows no figures (domain/pulse/aggregate.ts): watching its
// count move would tell when its one or two members answered.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { type ResponseRate, responseRate } from "../domain/aggregate.ts";
import type { PulseState } from "./pulse-sheet-shape.ts";
import { findPulse, pulseState } from "./pulses.ts";

export const PulseStatusInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** Defaults to the cluster's latest pulse. */
  pulseId: z.uuid("PULSE").nullish(),
});

export type PulseStatus = {
  pulseId: string;
  title: string;
  anonymous: boolean;
  state: PulseState;
  opensAt: Date;
  closesAt: Date;
  /** The cluster's, for times shown to clients that cannot show the viewer's own. */
  timeZone: string;
  rate: ResponseRate;
};

export const pulseStatus = clusterUseCase(
  { name: "pulseStatus", input: PulseStatusInput, capability: "cluster.view" },
  async ({ ctx, tx, input, cluster }): Promise<Result<PulseStatus>> => {
    const { pulseId } = input;
    const found = await findPulse(tx, cluster.id, pulseId);
    if (!found.ok) return found;
    const pulse = found.value;
    const participations = await tx.pulseParticipation.findMany({
      where: { pulseId: pulse.id },
      select: { status: true, stakeholderType: true },
    });
    return ok({
      pulseId: pulse.id,
      title: pulse.title,
      anonymous: pulse.anonymous,
      state: pulseState(pulse, ctx.clock.now()),
      opensAt: pulse.opensAt,
      closesAt: pulse.closesAt,
      timeZone: cluster.timeZone,
      rate: responseRate(participations, { anonymous: pulse.anonymous }),
    });
  },
);
