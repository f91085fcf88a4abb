// A measure's follow-up pings still waiting in the outbox (for working hours) are withdrawn when they
// no longer apply. Found by the measure's subject and the stages it can have queued, by equality on
// the outbox's (subject, stage) index: never a prefix of the key.
import type { Tx } from "../../../kernel/app/tx.ts";

export const measureSubject = (measureId: string) => `measure:${measureId}`;

/**
 * The stages an owner ping of this measure may be waiting under: the two before-due stages and the
 * last one the tick queued (the measure records it; overdue stages are numbered by week).
 */
export function ownerStages(followUpStage: string | null): string[] {
  const stages = ["due-7d", "due-0d"];
  if (followUpStage && !stages.includes(followUpStage)) stages.push(followUpStage);
  return stages;
}

/** Every pending follow-up of the measure: its owner pings and the escalations to its leads. */
export async function withdrawFollowUps(
  tx: Tx,
  measure: { id: string; followUpStage: string | null },
): Promise<void> {
  await tx.outboxMessage.deleteMany({
    where: {
      status: "PENDING",
      subject: measureSubject(measure.id),
      stage: { in: [...ownerStages(measure.followUpStage), "escalate"] },
    },
  });
}
