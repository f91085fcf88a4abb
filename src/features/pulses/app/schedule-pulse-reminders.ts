// Scheduler tick: remind members who have not finished an open pulse. Only them, at most as many
// times as the cluster's settings list days, never after closing, within working hours in their
// own time zone. PulseParticipation.remindersSent counts the rounds already queued, so a round is
// queued once even when several instances tick at the same time (the outbox key is unique too).
// Finishing withdraws a queued reminder (answer-pulse.ts).
//
// Due-driven: a pulse carries when the tick must next look at it (Pulse.nextReminderAt, indexed). A
// tick selects only the pulses due now, earliest first, in bounded batches, so closed pulses and
// pulses whose next round is days away cost nothing. A due pulse's waiting participants are found by
// one query; its due time moves on to the next round (null: none left before closing, or closed)
// only after the round is queued, so a crash in between repeats the round, which the claims absorb.

import type { AppContext } from "../../../kernel/app/context.ts";
import { eachDueBatch } from "../../../kernel/app/each-due-batch.ts";
import { eachJobItem } from "../../../kernel/app/each-job-item.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels, personalRecipient } from "../../../kernel/app/recipients.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { dueRound, type Round, roundsFrom } from "../../../kernel/domain/due-rounds.ts";
import { can, ROLES } from "../../../kernel/domain/roles.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";

export const PULSE_REMINDERS_JOB = "pulse-reminders";

export const pulseReminderKey = (pulseId: string, round: number, personId: string) =>
  `pulse:${pulseId}:reminder-${round}:${personId}`;
/** The outbox row's structured keys (subject, stage, personId): withdrawals look reminders up by these. */
export const pulseSubject = (pulseId: string) => `pulse:${pulseId}`;
export const pulseReminderStage = (round: number) => `reminder-${round}`;
/** Every stage a reminder can have (cluster settings allow at most three rounds). */
export const PULSE_REMINDER_STAGES = [1, 2, 3].map(pulseReminderStage);

/** Roles that may still answer: someone who left the cluster or became an observer is not reminded. */
const ANSWERING_ROLES = ROLES.filter((role) => can(role, "pulse.answer"));

export async function schedulePulseReminders(
  ctx: AppContext,
  signal?: AbortSignal,
): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  await eachDueBatch(ctx, {
    job: PULSE_REMINDERS_JOB,
    signal,
    select: (take, skip) =>
      ctx.db.pulse.findMany({
        where: { nextReminderAt: { lte: now }, ...(skip.length > 0 ? { id: { notIn: skip } } : {}) },
        orderBy: [{ nextReminderAt: "asc" }, { id: "asc" }],
        take,
        select: { id: true },
      }),
    describe: (pulse) => ({ pulseId: pulse.id }),
    work: async ({ id }) => {
      enqueued += await remindPulse(ctx, id, now);
    },
  });
  return { enqueued };
}

/** Queues the round that has come (if any) to those still waiting, then moves the due time on. */
async function remindPulse(ctx: AppContext, pulseId: string, now: Date): Promise<number> {
  const pulse = await loadDuePulse(ctx, pulseId);
  // Another instance moved it on since the select: nothing due any more.
  if (!pulse?.nextReminderAt || pulse.nextReminderAt > now) return 0;
  const { cluster } = pulse;
  const settings = clusterSettings(cluster.settings);
  const open = pulse.status !== "CLOSED" && pulse.closesAt > now;
  const { due, nextAt } = open
    ? dueRound(roundsFrom(pulse.opensAt, settings.pulse.remindAfterDays, cluster.timeZone), now, 0)
    : { due: null, nextAt: null };
  const queued = due ? await remindWaiting(ctx, pulse, cluster, settings, due, now) : 0;
  // A round that could only come after closing is never looked at.
  await ctx.db.pulse.updateMany({
    where: { id: pulse.id, nextReminderAt: pulse.nextReminderAt },
    data: { nextReminderAt: nextAt && nextAt < pulse.closesAt ? nextAt : null },
  });
  return queued;
}

type DuePulse = NonNullable<Awaited<ReturnType<typeof loadDuePulse>>>;
const loadDuePulse = (ctx: AppContext, id: string) =>
  ctx.db.pulse.findUnique({ where: { id }, include: { cluster: true } });

async function remindWaiting(
  ctx: AppContext,
  pulse: DuePulse,
  cluster: DuePulse["cluster"],
  settings: ReturnType<typeof clusterSettings>,
  round: Round,
  now: Date,
): Promise<number> {
  const waiting = await ctx.db.pulseParticipation.findMany({
    where: {
      pulseId: pulse.id,
      status: { not: "COMPLETED" },
      remindersSent: { lt: round.round },
      person: { memberships: { some: { clusterId: cluster.id, role: { in: ANSWERING_ROLES } } } },
    },
    include: { person: true },
  });
  if (waiting.length === 0) return 0;
  const prefer = (await clusterChannels(ctx.db, cluster.id))[0]?.platform ?? "SLACK";
  let enqueued = 0;
  // One participant who fails (a time zone no engine knows) is reported alone; the others are reminded.
  await eachJobItem(
    ctx,
    PULSE_REMINDERS_JOB,
    waiting,
    (w) => ({ pulseId: w.pulseId, personId: w.personId }),
    async ({ person }) => {
      const notBefore = nextWorkingTime(
        now,
        person.timeZone ?? cluster.timeZone,
        settings.followUp.workingHours,
      );
      // A reminder that could only arrive after closing is pointless.
      if (notBefore >= pulse.closesAt) return;
      const created = await ctx.db.$transaction(async (tx) => {
        const claimed = await tx.pulseParticipation.updateMany({
          where: {
            pulseId: pulse.id,
            personId: person.id,
            status: { not: "COMPLETED" },
            remindersSent: { lt: round.round },
          },
          data: { remindersSent: round.round },
        });
        if (claimed.count === 0) return false;
        const recipient = await personalRecipient(tx, person.id, prefer);
        if (!recipient) return false;
        const view = ctx.compose.compose(
          {
            type: "pulse.reminder",
            pulseId: pulse.id,
            title: pulse.title,
            clusterName: cluster.name,
            closesAt: pulse.closesAt,
            timeZone: person.timeZone ?? cluster.timeZone,
            anonymous: pulse.anonymous,
          },
          localeOf(person, cluster),
        );
        const { created } = await enqueueNotification(tx, {
          key: pulseReminderKey(pulse.id, round.round, person.id),
          subject: pulseSubject(pulse.id),
          stage: pulseReminderStage(round.round),
          personId: person.id,
          clusterId: cluster.id,
          recipient,
          view,
          notBefore,
        });
        return created;
      });
      if (created) enqueued += 1;
    },
  );
  return enqueued;
}
