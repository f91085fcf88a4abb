// The agenda's "signals since the last meeting": signals saved since the cluster's last HELD meeting
// began (for its first meeting, the last FIRST_MEETING_MONTHS months), strongest first, at most
// AGENDA_SIGNALS. The agenda feature calls this through signals/index.ts with its own transaction.
import type { Tx } from "../../../kernel/app/tx.ts";
import { ageBoundaries, ageBucket, monthsBefore } from "../domain/strength.ts";
import { type RadarSignal, ratedSignals, strongest } from "./signal-reads.ts";

export const AGENDA_SIGNALS = 5;
export const FIRST_MEETING_MONTHS = 6;
/** The newest signals of the period the strongest are picked from (a bounded read). */
const AGENDA_CANDIDATES = 200;

export type SignalsSince = {
  /** Since when: the last held meeting's start, or FIRST_MEETING_MONTHS back. */
  since: Date;
  /** Whether there was a held meeting to count from. */
  sinceMeeting: boolean;
  signals: RadarSignal[];
  /** Signals in the period (up to the bounded read), listed or not. */
  total: number;
};

export async function signalsSinceLastMeeting(
  tx: Tx,
  cluster: { id: string; timeZone: string },
  now: Date,
  exceptMeetingId?: string,
): Promise<SignalsSince> {
  const held = await tx.meeting.findFirst({
    where: {
      clusterId: cluster.id,
      status: "HELD",
      chosenSlot: { startsAt: { lte: now } },
      ...(exceptMeetingId ? { id: { not: exceptMeetingId } } : {}),
    },
    include: { chosenSlot: { select: { startsAt: true } } },
    orderBy: { chosenSlot: { startsAt: "desc" } },
  });
  const heldAt = held?.chosenSlot?.startsAt ?? null;
  const since = heldAt ?? monthsBefore(now, FIRST_MEETING_MONTHS, cluster.timeZone);
  const candidates = await ratedSignals(tx, { clusterIds: [cluster.id], since }, AGENDA_CANDIDATES);
  return {
    since,
    sinceMeeting: heldAt !== null,
    signals: strongest(candidates, AGENDA_SIGNALS).map((s) => ({
      ...s,
      age: ageBucket(s.createdAt, ageBoundaries(now, cluster.timeZone)),
    })),
    total: candidates.length,
  };
}
