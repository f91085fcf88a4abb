// The Delphi ticks, due-driven: rounds whose closing time came close (index [status, roundClosesAt]);
// Delphis between rounds whose scheduled next round came open (index [nextRoundOpensAt]). Bounded
// batches, each Delphi alone (eachDueBatch): one that fails is reported and the others go on.
import type { AppContext } from "../../../kernel/app/context.ts";
import { eachDueBatch } from "../../../kernel/app/each-due-batch.ts";
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { DELPHI_REMINDERS_JOB, remindDelphiParticipants } from "./delphi-reminders.ts";
import { type ClosedRound, closeRound, type OpenedRound, openNextRound } from "./delphi-rounds.ts";

export const CLOSE_DUE_DELPHI_ROUNDS_JOB = "close-due-delphi-rounds";
export const OPEN_SCHEDULED_DELPHI_ROUNDS_JOB = "open-scheduled-delphi-rounds";

export async function closeDueDelphiRounds(ctx: AppContext, signal?: AbortSignal): Promise<ClosedRound[]> {
  const now = ctx.clock.now();
  const closed: ClosedRound[] = [];
  await eachDueBatch(ctx, {
    job: CLOSE_DUE_DELPHI_ROUNDS_JOB,
    signal,
    select: (take, skip) =>
      ctx.db.delphi.findMany({
        where: {
          status: "OPEN",
          roundClosesAt: { lte: now },
          ...(skip.length ? { id: { notIn: skip } } : {}),
        },
        select: { id: true },
        orderBy: [{ roundClosesAt: "asc" }, { id: "asc" }],
        take,
      }),
    describe: (d) => ({ delphiId: d.id }),
    work: async ({ id }) => {
      const done = await ctx.db.$transaction((tx) => closeRound(ctx, tx, id));
      if (done) closed.push(done);
    },
  });
  return closed;
}

export async function openScheduledDelphiRounds(
  ctx: AppContext,
  signal?: AbortSignal,
): Promise<OpenedRound[]> {
  const now = ctx.clock.now();
  const opened: OpenedRound[] = [];
  await eachDueBatch(ctx, {
    job: OPEN_SCHEDULED_DELPHI_ROUNDS_JOB,
    signal,
    // By the nextRoundOpensAt index; a Delphi still open at its date waits for its round to close
    // (the status filter is applied to the few due rows).
    select: (take, skip) =>
      ctx.db.delphi.findMany({
        where: {
          nextRoundOpensAt: { lte: now },
          status: "BETWEEN",
          ...(skip.length ? { id: { notIn: skip } } : {}),
        },
        select: { id: true },
        orderBy: [{ nextRoundOpensAt: "asc" }, { id: "asc" }],
        take,
      }),
    describe: (d) => ({ delphiId: d.id }),
    work: async ({ id }) => {
      const done = await ctx.db.$transaction((tx) => openNextRound(ctx, tx, id, null));
      if (done) opened.push(done);
    },
  });
  return opened;
}

export const delphiJobs: readonly FeatureJob[] = [
  { name: DELPHI_REMINDERS_JOB, cron: "20 */5 * * * *", run: (app) => remindDelphiParticipants(app) },
  {
    name: CLOSE_DUE_DELPHI_ROUNDS_JOB,
    cron: "40 * * * * *",
    run: (app, signal) => closeDueDelphiRounds(app, signal),
  },
  {
    name: OPEN_SCHEDULED_DELPHI_ROUNDS_JOB,
    cron: "45 * * * * *",
    run: (app, signal) => openScheduledDelphiRounds(app, signal),
  },
];
