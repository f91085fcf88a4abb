// Writes one agenda item: what proposing in the agenda form does, and what other features use to put
// something on a meeting's agenda (a signal, from its card), so every item is made the same way.
import type { AgendaItem } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { AgendaItemKind } from "../domain/agenda-rules.ts";

export type NewAgendaItem = {
  clusterId: string;
  meetingId: string;
  title: string;
  details: string | null;
  kind: AgendaItemKind;
  proposedById: string | null;
};

export function appendAgendaItem(tx: Tx, item: NewAgendaItem): Promise<AgendaItem> {
  return tx.agendaItem.create({ data: item });
}
