// Every member gets the invitation (and later each change) in a personal message with a link to
// the meeting's calendar file. Keys carry the SEQUENCE, so each version is sent once.
import type { Cluster, Meeting, MeetingSlot } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipient } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";

export async function inviteMembers(
  ctx: AppContext,
  tx: Tx,
  input: {
    meeting: Meeting;
    slot: MeetingSlot;
    cluster: Cluster;
    change: "scheduled" | "rescheduled" | "cancelled";
  },
): Promise<void> {
  const { meeting, slot, cluster, change } = input;
  const members = await tx.membership.findMany({
    where: { clusterId: cluster.id },
    include: { person: true },
  });
  const bindings = await tx.channelBinding.findMany({ where: { clusterId: cluster.id } });
  const prefer = bindings[0]?.platform ?? "SLACK";
  for (const member of members) {
    const recipient = await personalRecipient(tx, member.personId, prefer);
    if (!recipient) continue;
    const view = ctx.compose.compose(
      {
        type: "meeting.invitation",
        change,
        icsUid: meeting.icsUid,
        title: meeting.title,
        startsAt: slot.startsAt,
        location: slot.location,
        clusterName: cluster.name,
        timeZone: cluster.timeZone,
      },
      localeOf(member.person, cluster),
    );
    const key = `meeting:${meeting.id}:invite:s${meeting.icsSequence}:${member.personId}`;
    await enqueueNotification(tx, {
      key,
      clusterId: cluster.id,
      recipient,
      view,
      notBefore: ctx.clock.now(),
    });
  }
}
