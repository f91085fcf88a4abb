// The personal answer sheet of a pulse: the questions, what this member has answered so far and
// whether they have submitted. The invitation carries an empty one; every click redraws it.
//
// For an anonymous pulse the answers are found by the token the member's message carries, never
// by the person: nothing in the database can lead from the person to the response.
import type { QuestionDefinition } from "../../domain/pulse/question-types.ts";
import type { Cluster } from "../../generated/prisma/client.ts";
import {
  definitionOf,
  hashToken,
  type PulseState,
  type PulseWithQuestions,
  pulseState,
  skillsOf,
} from "./pulses.ts";
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
  const response = pulse.anonymous
    ? who.token
      ? await tx.pulseResponse.findUnique({
          where: { tokenHash: hashToken(who.token, who.personId) },
          include: { answers: true },
        })
      : null
    : await tx.pulseResponse.findUnique({
        where: { pulseId_personId: { pulseId: pulse.id, personId: who.personId } },
        include: { answers: true },
      });
  const mine = response && response.pulseId === pulse.id ? response : null;
  const keyOf = new Map(pulse.questions.map((pq) => [pq.id, pq.question.key]));
  const answers: Record<string, unknown> = {};
  for (const answer of mine?.answers ?? []) {
    const key = keyOf.get(answer.pulseQuestionId);
    if (key) answers[key] = answer.value;
  }
  return {
    ...sheet,
    answers,
    token: pulse.anonymous && mine ? who.token : null,
    submitted: participation?.status === "COMPLETED",
  };
}
