// Channel reminders 7 days and 1 day before a meeting, at its local time; skipped when already past.
// The key carries the SEQUENCE: a rescheduled meeting gets fresh reminders, the old ones are withdrawn.

import type { Cluster, Meeting, MeetingSlot } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { REMINDER_DAYS_BEFORE, reminderTimes } from "../domain/meeting-rules.ts";
import { meetingSubject, NUDGE_STAGES, reminderStage } from "./outbox-keys.ts";

export async function queueMeetingReminders(
  ctx: AppContext,
  tx: Tx,
  input: { meeting: Meeting; slot: MeetingSlot; cluster: Cluster },
): Promise<void> {
  const { meeting, slot, cluster } = input;
  for (const reminder of reminderTimes(slot.startsAt, cluster.timeZone)) {
    if (reminder.at <= ctx.clock.now()) continue;
    const view = ctx.compose.compose(
      {
        type: "meeting.reminder",
        daysBefore: reminder.daysBefore,
        title: meeting.title,
        startsAt: slot.startsAt,
        location: slot.location,
        clusterName: cluster.name,
        timeZone: cluster.timeZone,
      },
      localeOf(null, cluster),
    );
    for (const recipient of await clusterChannels(tx, cluster.id)) {
      const key = `meeting:${meeting.id}:reminder-${reminder.daysBefore}d:s${meeting.icsSequence}:${recipient.platform}`;
      await enqueueNotification(tx, {
        key,
        subject: meetingSubject(meeting.id),
        stage: reminderStage(reminder.daysBefore),
        clusterId: cluster.id,
        recipient,
        view,
        notBefore: reminder.at,
      });
    }
  }
}

/** Reminders and nudges still waiting for a meeting that has changed or been cancelled. */
export async function withdrawMeetingNotifications(tx: Tx, meetingId: string): Promise<void> {
  // Equality on the (subject, stage) index, never a LIKE over the key.
  await tx.outboxMessage.deleteMany({
    where: {
      status: "PENDING",
      subject: meetingSubject(meetingId),
      stage: { in: [...REMINDER_DAYS_BEFORE.map(reminderStage), ...NUDGE_STAGES] },
    },
  });
}
