// `/cluster stakeholder <business|education|public|research>`: which side of the cluster a member
// speaks for. Pulses are sent by it (audience) and broken down by it (status, results). Pulses the
// member has not started yet take the new type too; answers already given keep the one they had.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
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

export async function setStakeholderType(
  ctx: AppContext,
  raw: z.input<typeof SetStakeholderTypeInput>,
): Promise<Result<{ type: StakeholderType }>> {
  const input = parseInput(SetStakeholderTypeInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, type } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "cluster.view");
    if (!auth.ok) return auth;
    await tx.person.update({ where: { id: person.id }, data: { stakeholderType: type } });
    await tx.pulseParticipation.updateMany({
      // Not a pulse whose closing time has passed while the closing job has yet to run: it is closed.
      where: {
        personId: person.id,
        status: "INVITED",
        pulse: { status: { not: "CLOSED" }, closesAt: { gt: ctx.clock.now() } },
      },
      data: { stakeholderType: type },
    });
    await audit(tx, {
      clusterId: auth.value.cluster.id,
      actorId: person.id,
      action: "member.stakeholder-type",
      subjectType: "person",
      subjectId: person.id,
      details: { type },
    });
    return ok({ type });
  });
}
