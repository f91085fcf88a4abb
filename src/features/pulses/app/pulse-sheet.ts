// The personal answer sheet of a pulse: the questions, what this member has answered so far and
// whether they have submitted. The invitation carries an empty one (emptySheet, in pulses.ts beside
// the announcement that sends it); every click redraws it.
//
// For an anonymous pulse the answers are the sealed draft that the token in the member's message finds
// and opens, never anything found by the person. Once submitted there is no draft: the sheet says so
// and shows no answers, since nothing in the database leads from the person to their response.
import type { Cluster } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { findDraft } from "./pulse-drafts.ts";
import type { PulseSheet } from "./pulse-sheet-shape.ts";
import { emptySheet, type PulseWithQuestions } from "./pulses.ts";

/** The sheet with what the member has answered: their named response, or the token's response. */
export async function filledSheet(
  tx: Tx,
  pulse: PulseWithQuestions,
  cluster: Pick<Cluster, "name" | "timeZone">,
  who: { personId: string; token: string | null },
  now: Date,
): Promise<PulseSheet> {
  const sheet = emptySheet(pulse, cluster, now);
  const participation = await tx.pulseParticipation.findUnique({
    where: { pulseId_personId: { pulseId: pulse.id, personId: who.personId } },
  });
  const keyOf = new Map(pulse.questions.map((pq) => [pq.id, pq.question.key]));
  const answers: Record<string, unknown> = {};
  if (pulse.anonymous) {
    const draft = who.token ? await findDraft(tx, pulse.id, who.personId, who.token) : null;
    for (const [id, value] of Object.entries(draft?.answers ?? {})) {
      const key = keyOf.get(id);
      if (key) answers[key] = value;
    }
    return {
      ...sheet,
      answers,
      token: draft ? who.token : null,
      submitted: participation?.status === "COMPLETED",
    };
  }
  const mine = await tx.pulseResponse.findUnique({
    where: { pulseId_personId: { pulseId: pulse.id, personId: who.personId } },
    include: { answers: true },
  });
  for (const answer of mine?.answers ?? []) {
    const key = keyOf.get(answer.pulseQuestionId);
    if (key) answers[key] = answer.value;
  }
  return {
    ...sheet,
    answers,
    token: null,
    submitted: participation?.status === "COMPLETED",
  };
}
