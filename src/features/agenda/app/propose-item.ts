// One-click proposals from other features (a Delphi statement the group kept disagreeing on): a
// PROPOSED item on the cluster's upcoming meeting, under the same rules as the proposal form (the
// meeting takes items until its agenda deadline; title and details within their limits).
import type { Tx } from "../../../kernel/app/tx.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { upcomingMeeting } from "../../meetings/index.ts";
import {
  AGENDA_DETAILS_MAX,
  AGENDA_TITLE_MAX,
  type AgendaItemKind,
  acceptsAgendaItems,
} from "../domain/agenda-rules.ts";
import { appendAgendaItem } from "./append-agenda-item.ts";

export type ProposedItem = { itemId: string; meetingId: string; meetingTitle: string };

const clip = (value: string, max: number) =>
  value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;

export async function proposeAgendaItem(
  tx: Tx,
  proposal: {
    clusterId: string;
    proposedById: string;
    title: string;
    details: string | null;
    kind: AgendaItemKind;
    now: Date;
  },
): Promise<Result<ProposedItem>> {
  const meeting = await upcomingMeeting(tx, proposal.clusterId);
  if (!meeting) return fail("NO_UPCOMING_MEETING");
  if (!acceptsAgendaItems(meeting.status, meeting.agendaDeadline, proposal.now))
    return fail("AGENDA_CLOSED", { title: meeting.title });
  const item = await appendAgendaItem(tx, {
    clusterId: proposal.clusterId,
    meetingId: meeting.id,
    title: clip(proposal.title.trim(), AGENDA_TITLE_MAX),
    details: proposal.details ? clip(proposal.details.trim(), AGENDA_DETAILS_MAX) : null,
    kind: proposal.kind,
    proposedById: proposal.proposedById,
  });
  return ok({ itemId: item.id, meetingId: meeting.id, meetingTitle: meeting.title });
}
