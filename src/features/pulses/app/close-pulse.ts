// Closing a pulse (an organiser now, or later the scheduler at closesAt): no more answers, the
// results are computed for the channel.
//
// Anonymous pulses: the sealed drafts (unsubmitted answers) are deleted, and the pool of submitted
// answers becomes PulseResponse rows (shared/anonymous-pool.ts: fresh ids, random order, one
// transaction id for all), leaving out a stakeholder type that too few responses share: with the
// participation rows it would identify its respondents. The old row versions are dead; a VACUUM after
// the commit frees them (best effort). Outside the tables (WAL, backups, server logs) PostgreSQL keeps
// history we cannot rewrite here: see the README's anonymity section.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { hideSmallGroups } from "../domain/aggregate.ts";
import { STAKEHOLDER_TYPES, type StakeholderType } from "../domain/question-types.ts";
import { flushPool, poolOf } from "./anonymous-pool.ts";
import { enqueueResults } from "./pulse-announcements.ts";
import { computeResults, type PulseResults } from "./pulse-results.ts";
import { findPulse, type PulseWithQuestions } from "./pulses.ts";

export const ClosePulseInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** Defaults to the cluster's latest pulse. */
  pulseId: z.uuid("PULSE").nullish(),
});

export const closePulse = clusterUseCase(
  {
    name: "closePulse",
    input: ClosePulseInput,
    capability: "pulse.manage",
    afterCommit: async (ctx, results: PulseResults) => {
      if (results.anonymous) await vacuumResponses(ctx);
    },
  },
  async ({ ctx, tx, input, person, cluster }): Promise<Result<PulseResults>> => {
    const found = await findPulse(tx, cluster.id, input.pulseId);
    if (!found.ok) return found;
    const closed = await closeRecord(tx, found.value, person.id);
    if (!closed) return fail("PULSE_CLOSED", { title: found.value.title });
    const pulse = await tx.pulse.findUniqueOrThrow({
      where: { id: found.value.id },
      include: { questions: { include: { question: true }, orderBy: { position: "asc" } } },
    });
    const results = await computeResults(tx, pulse, ctx.clock.now());
    await enqueueResults(ctx, tx, pulse.clusterId, results);
    return ok(results);
  },
);

/** Marks the pulse CLOSED once (guarded), scrubs an anonymous pulse's responses, audits. */
export async function closeRecord(
  tx: Tx,
  pulse: PulseWithQuestions,
  actorId: string | null,
): Promise<boolean> {
  const { count } = await tx.pulse.updateMany({
    where: { id: pulse.id, status: { not: "CLOSED" } },
    data: { status: "CLOSED", nextReminderAt: null },
  });
  if (count === 0) return false;
  if (pulse.anonymous) await reshuffleAnonymousResponses(tx, pulse.id);
  await audit(tx, {
    clusterId: pulse.clusterId,
    actorId,
    action: "pulse.close",
    subjectType: "pulse",
    subjectId: pulse.id,
  });
  return true;
}

/** See the header. */
async function reshuffleAnonymousResponses(tx: Tx, pulseId: string): Promise<void> {
  await tx.pulseDraft.deleteMany({ where: { pulseId } });
  const rows = await tx.pulseResponse.findMany({
    where: { pulseId, submitted: true },
    select: { stakeholderType: true },
  });
  const types = [...rows.map((r) => r.stakeholderType), ...(await poolOf(tx, pulseId)).map((e) => e.type)];
  // A stakeholder type held by fewer than 3 responses (or giving one away by subtraction) would name
  // its respondents to anyone who can read who completed: it is dropped from the rows themselves.
  const sizes = Object.fromEntries(
    STAKEHOLDER_TYPES.map((t) => [t, types.filter((type) => type === t).length]),
  ) as Record<StakeholderType, number>;
  const hiding = hideSmallGroups(sizes, types.length);
  await flushPool(
    tx,
    pulseId,
    STAKEHOLDER_TYPES.filter((t) => hiding[t] !== null),
  );
}

/** After the commit: frees the dead row versions of an anonymous pulse's pool, drafts and responses. */
export async function vacuumResponses(ctx: AppContext): Promise<void> {
  try {
    await ctx.db.$executeRawUnsafe(`VACUUM "PulseResponse", "PulseAnswer", "PulseDraft", "PulsePool"`);
  } catch {
    // Best effort: autovacuum gets there too.
  }
}
