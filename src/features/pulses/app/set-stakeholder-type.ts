// `/cluster stakeholder <business|education|public|research>`: which side of the cluster a member
// speaks for. Pulses are sent by it (audience) and broken down by it (status, results). Pulses the
// member has not started yet take the new type too; answers already given keep the one they had.
import { z } from "zod";
import { forgetPerson } from "../../../kernel/app/person-memo.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { STAKEHOLDER_TYPES, type StakeholderType } from "../domain/question-types.ts";

export const SetStakeholderTypeInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  type: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.enum(STAKEHOLDER_TYPES, "STAKEHOLDER_TYPE"),
  ),
});

export const setStakeholderType = clusterUseCase(
  { name: "setStakeholderType", input: SetStakeholderTypeInput, capability: "cluster.view" },
  async ({ ctx, tx, input, person, audit }): Promise<Result<{ type: StakeholderType }>> => {
    const { type } = input;
    await tx.person.update({ where: { id: person.id }, data: { stakeholderType: type } });
    forgetPerson(ctx, input.actor);
    await tx.pulseParticipation.updateMany({
      // Not a pulse whose closing time has passed while the closing job has yet to run: it is closed.
      where: {
        personId: person.id,
        status: "INVITED",
        pulse: { status: { not: "CLOSED" }, closesAt: { gt: ctx.clock.now() } },
      },
      data: { stakeholderType: type },
    });
    await audit({
      action: "member.stakeholder-type",
      subjectType: "person",
      subjectId: person.id,
      details: { type },
    });
    return ok({ type });
  },
);
