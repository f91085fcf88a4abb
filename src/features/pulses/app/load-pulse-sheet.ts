// A member's answer sheet of one pulse, to draw the personal message again (after a click, from a
// reminder, or to open the answer form). Found by pulse id: the personal chat is not the cluster's
// channel, so membership of the pulse's cluster is what is checked.
import { z } from "zod";
import { membershipIn } from "../../../kernel/app/identity.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { filledSheet } from "./pulse-sheet.ts";
import type { PulseSheet } from "./pulse-sheet-shape.ts";
import { pulseWithQuestions } from "./pulses.ts";

export const LoadPulseSheetInput = z.object({
  actor: PlatformUserSchema,
  pulseId: z.uuid("PULSE"),
  token: z.string().min(20).max(100).nullish(),
});

export const loadPulseSheet = personUseCase(
  {
    name: "loadPulseSheet",
    input: LoadPulseSheetInput,
    access: "in-body: a member of the pulse's cluster, in its audience",
  },
  async ({ ctx, tx, input, person }): Promise<Result<PulseSheet>> => {
    const { pulseId, token } = input;
    const pulse = await tx.pulse.findUnique({ where: { id: pulseId }, include: pulseWithQuestions });
    if (!pulse) return fail("PULSE_NOT_FOUND");
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: pulse.clusterId } });
    if (!(await membershipIn(tx, cluster.id, person.id)))
      return fail("NOT_A_MEMBER", { cluster: cluster.name });
    const participation = await tx.pulseParticipation.findUnique({
      where: { pulseId_personId: { pulseId, personId: person.id } },
    });
    if (!participation) return fail("NOT_IN_AUDIENCE", { title: pulse.title });
    return ok(
      await filledSheet(tx, pulse, cluster, { personId: person.id, token: token ?? null }, ctx.clock.now()),
    );
  },
);
