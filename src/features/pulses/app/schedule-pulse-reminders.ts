// Scheduler tick: remind members who have not finished an open pulse. Only them, at most as many
// times as the cluster's settings list days, never after closing, within working hours in their
// own time zone. PulseParticipation.remindersSent counts the rounds already queued, so a round is
// queued once even when several instances tick at the same time (the outbox key is unique too).
// Finishing withdraws a queued reminder (answer-pulse.ts).

import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels, personalRecipient } from "../../../kernel/app/recipients.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { can, ROLES } from "../../../kernel/domain/roles.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import { addLocalDays } from "../../../kernel/domain/zoned-time.ts";

export const pulseReminderKey = (pulseId: string, round: number, personId: string) =>
  `pulse:${pulseId}:reminder-${round}:${personId}`;
export const pulseReminderPrefix = (pulseId: string) => `pulse:${pulseId}:reminder-`;

/** Roles that may still answer: someone who left the cluster or became an observer is not reminded. */
const ANSWERING_ROLES = ROLES.filter((role) => can(role, "pulse.answer"));

export async function schedulePulseReminders(ctx: AppContext): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  const pulses = await ctx.db.pulse.findMany({
    where: { status: { not: "CLOSED" }, opensAt: { lte: now }, closesAt: { gt: now } },
    include: { cluster: true },
  });
  for (const pulse of pulses) {
    const { cluster } = pulse;
    const settings = clusterSettings(cluster.settings);
    const due = settings.pulse.remindAfterDays
      .map((days, index) => ({ round: index + 1, at: addLocalDays(pulse.opensAt, days, cluster.timeZone) }))
      .filter((r) => r.at <= now);
    // Only the latest round that has come: after downtime a member gets one reminder, not two at once.
    const round = due.at(-1);
    if (!round) continue;
    const waiting = await ctx.db.pulseParticipation.findMany({
      where: {
        pulseId: pulse.id,
        status: { not: "COMPLETED" },
        remindersSent: { lt: round.round },
        person: { memberships: { some: { clusterId: cluster.id, role: { in: ANSWERING_ROLES } } } },
      },
      include: { person: true },
    });
    const prefer = (await clusterChannels(ctx.db, cluster.id))[0]?.platform ?? "SLACK";
    for (const { person } of waiting) {
      const notBefore = nextWorkingTime(
        now,
        person.timeZone ?? cluster.timeZone,
        settings.followUp.workingHours,
      );
      // A reminder that could only arrive after closing is pointless.
      if (notBefore >= pulse.closesAt) continue;
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
          clusterId: cluster.id,
          recipient,
          view,
          notBefore,
        });
        return created;
      });
      if (created) enqueued += 1;
    }
  }
  return { enqueued };
}
