// A signal as its card shows it: what was saved, by whom, what it is linked to, and the members' tally.
import type { Tx } from "../../../kernel/app/tx.ts";
import { type PestelCategory, type SignalTally, tallyRatings } from "../domain/signal-rules.ts";

export type SignalCard = {
  id: string;
  cluster: { id: string; name: string; locale: string };
  title: string;
  description: string;
  sourceUrl: string | null;
  messageLink: string | null;
  category: PestelCategory;
  significance: number;
  timeliness: number;
  /** Null once the saver is erased (or gone): the card says "former member". */
  savedByName: string | null;
  measure: { id: string; title: string } | null;
  agendaItem: { id: string; title: string; meetingTitle: string } | null;
  tally: SignalTally;
  /** Signal.version when read: orders the card's queued redraws. */
  version: number;
};

export async function loadSignalCard(tx: Tx, signalId: string): Promise<SignalCard | null> {
  const signal = await tx.signal.findUnique({
    where: { id: signalId },
    include: {
      cluster: true,
      savedBy: true,
      measure: true,
      agendaItem: { include: { meeting: true } },
      ratings: { select: { plausibility: true, significance: true } },
    },
  });
  if (!signal) return null;
  return {
    id: signal.id,
    cluster: { id: signal.cluster.id, name: signal.cluster.name, locale: signal.cluster.locale },
    title: signal.title,
    description: signal.description,
    sourceUrl: signal.sourceUrl,
    messageLink: signal.messageLink,
    category: signal.category,
    significance: signal.significance,
    timeliness: signal.timeliness,
    savedByName: signal.savedBy && !signal.savedBy.erasedAt ? signal.savedBy.displayName : null,
    measure: signal.measure ? { id: signal.measure.id, title: signal.measure.title } : null,
    agendaItem: signal.agendaItem
      ? {
          id: signal.agendaItem.id,
          title: signal.agendaItem.title,
          meetingTitle: signal.agendaItem.meeting.title,
        }
      : null,
    tally: tallyRatings(signal.ratings),
    version: signal.version,
  };
}

/**
 * Raises the signal's version, which locks its row: ratings and curations of one signal queue up
 * here, so what is read next includes everything committed before. False when the signal is not this
 * cluster's (as good as unknown).
 */
export async function lockSignal(tx: Tx, signalId: string, clusterId: string): Promise<boolean> {
  const { count } = await tx.signal.updateMany({
    where: { id: signalId, clusterId },
    data: { version: { increment: 1 } },
  });
  return count === 1;
}
