// The personal answer sheet of a pulse: the questions, what this member has answered so far and
// whether they have submitted. The invitation carries an empty one; every click redraws it.
//
// For an anonymous pulse the answers are the sealed draft that the token in the member's message finds
// and opens, never anything found by the person. Once submitted there is no draft: the sheet says so
// and shows no answers, since nothing in the database leads from the person to their response.
import type { QuestionDefinition } from "../../domain/pulse/question-types.ts";
import type { Cluster } from "../../generated/prisma/client.ts";
import { findDraft } from "./pulse-drafts.ts";
import { definitionOf, type PulseState, type PulseWithQuestions, pulseState, skillsOf } from "./pulses.ts";
import type { Tx } from "./tx.ts";

export type PulseSheet = {
  pulseId: string;
  title: string;
  clusterName: string;
  timeZone: string;
  anonymous: boolean;
  closesAt: Date;
  state: PulseState;
  questions: QuestionDefinition[];
  skills: string[];
  /** By question key, as stored (see question-types.ts). */
  answers: Record<string, unknown>;
  /** Anonymous pulses: the token of the member's response once they have answered something. */
  token: string | null;
  submitted: boolean;
};

export function emptySheet(
  pulse: PulseWithQuestions,
  cluster: Pick<Cluster, "name" | "timeZone">,
  now: Date,
): PulseSheet {
  return {
    pulseId: pulse.id,
    title: pulse.title,
    clusterName: cluster.name,
    timeZone: cluster.timeZone,
    anonymous: pulse.anonymous,
    closesAt: pulse.closesAt,
    state: pulseState(pulse, now),
    questions: pulse.questions.map((pq) => definitionOf(pq.question)),
    skills: skillsOf(pulse.skills),
    answers: {},
    token: null,
    submitted: false,
  };
}

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
