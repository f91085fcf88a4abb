// The results of a pulse: a summary per question (small groups hidden as the domain decides), the
// change since the previous cycle for questions asked then under the same key, and the response
// rate. Shown once the pulse has closed, or live if the organiser allowed it.
import { z } from "zod";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import {
  type CycleComparison,
  compareCycles,
  hideSmallRateGroups,
  type ParticipationStatus,
  type PulseSummary,
  type ResponseRate,
  responseRate,
  summarizePulse,
} from "../domain/aggregate.ts";
import type { QuestionDefinition, StakeholderType } from "../domain/question-types.ts";
import type { PulseState } from "./pulse-sheet-shape.ts";
import {
  countedResponses,
  definitionOf,
  findPulse,
  type PulseWithQuestions,
  previousPulse,
  pulseState,
  resultsVisible,
  skillsOf,
} from "./pulses.ts";

export const PulseResultsInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** Defaults to the cluster's latest pulse. */
  pulseId: z.uuid("PULSE").nullish(),
});

export type PulseResults = {
  pulseId: string;
  title: string;
  anonymous: boolean;
  state: PulseState;
  closesAt: Date;
  questions: QuestionDefinition[];
  summary: PulseSummary;
  /** The previous cycle's pulse, when there is one. */
  previousPulse: { pulseId: string; title: string } | null;
  /** By question key: only questions asked in both cycles. */
  comparisons: Record<string, CycleComparison>;
  rate: ResponseRate;
};

export const pulseResults = clusterUseCase(
  { name: "pulseResults", input: PulseResultsInput, capability: "cluster.view" },
  async ({ ctx, tx, input, cluster }): Promise<Result<PulseResults>> => {
    const { pulseId } = input;
    const found = await findPulse(tx, cluster.id, pulseId);
    if (!found.ok) return found;
    if (!resultsVisible(found.value, ctx.clock.now()))
      return fail("RESULTS_NOT_AVAILABLE", { title: found.value.title });
    return ok(await computeResults(tx, found.value, ctx.clock.now()));
  },
);

/**
 * The aggregates the retention job stores on a pulse (Pulse.summary) before it deletes the raw
 * answers: once present, results, comparisons and the summary CSV read these, and the answers CSV is
 * empty.
 */
export type StoredPulseSummary = { version: 1; summary: PulseSummary; rate: ResponseRate };

export function storedSummaryOf(json: unknown): StoredPulseSummary | null {
  const stored = json as Partial<StoredPulseSummary> | null | undefined;
  return stored?.version === 1 && stored.summary && stored.rate ? (stored as StoredPulseSummary) : null;
}

export async function summarize(tx: Tx, pulse: PulseWithQuestions) {
  const questions = pulse.questions.map((pq) => definitionOf(pq.question));
  const stored = storedSummaryOf(pulse.summary);
  if (stored) return { questions, responses: [], summary: stored.summary };
  const responses = await countedResponses(tx, pulse);
  const summary = summarizePulse({
    questions,
    responses,
    anonymous: pulse.anonymous,
    skills: skillsOf(pulse.skills),
  });
  return { questions, responses, summary };
}

function rateOf(
  pulse: PulseWithQuestions,
  participations: { status: ParticipationStatus; stakeholderType: StakeholderType | null }[],
): ResponseRate {
  const stored = storedSummaryOf(pulse.summary)?.rate;
  if (!stored) return responseRate(participations, { anonymous: pulse.anonymous });
  // Stored before small groups were hidden in the rates of anonymous pulses: hidden on the way out.
  return pulse.anonymous ? hideSmallRateGroups(stored) : stored;
}

/** Shared with closing and the CSV export. */
export async function computeResults(tx: Tx, pulse: PulseWithQuestions, now: Date): Promise<PulseResults> {
  const { questions, summary } = await summarize(tx, pulse);
  // A previous pulse whose results are not shown yet (still open, overlapping this one) is not
  // compared with: the comparison would show its figures live, answer by answer.
  const before = await previousPulse(tx, pulse);
  const previous = before && resultsVisible(before, now) ? before : null;
  const comparisons: Record<string, CycleComparison> = {};
  if (previous) {
    const then = await summarize(tx, previous);
    for (const current of summary.questions) {
      const was = then.summary.questions.find((q) => q.key === current.key);
      if (was) comparisons[current.key] = compareCycles(was, current);
    }
  }
  const participations = await tx.pulseParticipation.findMany({
    where: { pulseId: pulse.id },
    select: { status: true, stakeholderType: true },
  });
  return {
    pulseId: pulse.id,
    title: pulse.title,
    anonymous: pulse.anonymous,
    state: pulseState(pulse, now),
    closesAt: pulse.closesAt,
    questions,
    summary,
    previousPulse: previous ? { pulseId: previous.id, title: previous.title } : null,
    comparisons,
    rate: rateOf(pulse, participations),
  };
}
