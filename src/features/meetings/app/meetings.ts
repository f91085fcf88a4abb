// Which meeting an agenda or a record command is about, and the steps every recording use case shares.

import type { Meeting } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { canTransition, recordableUntil } from "../domain/meeting-rules.ts";

/** The cluster's upcoming meeting: the latest one still being polled or scheduled. */
export async function upcomingMeeting(tx: Tx, clusterId: string): Promise<Meeting | null> {
  return tx.meeting.findFirst({
    where: { clusterId, status: { in: ["POLLING", "SCHEDULED"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/**
 * The meeting a secretary records now: of the scheduled or held meetings that have started (or start
 * within the recording lead time), the one that started last.
 */
export async function meetingToRecord(tx: Tx, clusterId: string, now: Date) {
  return tx.meeting.findFirst({
    where: {
      clusterId,
      status: { in: ["SCHEDULED", "HELD"] },
      chosenSlot: { startsAt: { lte: recordableUntil(now) } },
    },
    include: { chosenSlot: true },
    orderBy: [{ chosenSlot: { startsAt: "desc" } }, { createdAt: "desc" }],
  });
}

/** Recording anything of a scheduled meeting means it was held; guarded so it is logged once. */
export async function markHeld(
  tx: Tx,
  meeting: Pick<Meeting, "id" | "clusterId" | "status">,
  actorId: string,
) {
  if (!canTransition(meeting.status, "HELD")) return false;
  const { count } = await tx.meeting.updateMany({
    where: { id: meeting.id, status: "SCHEDULED" },
    data: { status: "HELD" },
  });
  if (count === 0) return false;
  await audit(tx, {
    clusterId: meeting.clusterId,
    actorId,
    action: "meeting.held",
    subjectType: "meeting",
    subjectId: meeting.id,
  });
  return true;
}

/**
 * Claims the natural key of one interaction (a form's nonce): false when it was handled already.
 * ON CONFLICT DO NOTHING, so a concurrent double submit waits for the first and then sees it.
 */
export async function claimInteraction(tx: Tx, key: string): Promise<boolean> {
  const { count } = await tx.processedInteraction.createMany({ data: [{ key }], skipDuplicates: true });
  return count === 1;
}
