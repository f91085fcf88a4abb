// A held (or starting) meeting as its secretary records it: who came, what was decided, and what
// became of each agenda item.

import type { Tx } from "../../../kernel/app/tx.ts";
import type { AgendaItemKind, AgendaItemStatus } from "../../agenda/index.ts";
import type { MeetingStatus } from "../../meetings/index.ts";

export type MeetingRecord = {
  meeting: {
    id: string;
    title: string;
    status: MeetingStatus;
    startsAt: Date | null;
    location: string | null;
  };
  cluster: { id: string; name: string; timeZone: string; locale: string };
  /** Every member, by name; `present` is null until attendance is recorded. */
  members: { personId: string; name: string; present: boolean | null }[];
  decisions: { id: string; text: string; itemTitle: string | null }[];
  /** Items not rejected, in the chair's order, then the rest as they were proposed. */
  items: { id: string; title: string; kind: AgendaItemKind; status: AgendaItemStatus }[];
};

export async function loadMeetingRecord(db: Tx, meetingId: string): Promise<MeetingRecord | null> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      cluster: { include: { memberships: { include: { person: { select: { displayName: true } } } } } },
      chosenSlot: true,
      attendances: true,
      decisions: { include: { agendaItem: { select: { title: true } } }, orderBy: { createdAt: "asc" } },
      agendaItems: {
        where: { status: { not: "REJECTED" } },
        orderBy: [{ position: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!meeting) return null;
  const { cluster } = meeting;
  const present = new Map(meeting.attendances.map((a) => [a.personId, a.present]));
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      status: meeting.status,
      startsAt: meeting.chosenSlot?.startsAt ?? null,
      location: meeting.chosenSlot?.location ?? null,
    },
    cluster: { id: cluster.id, name: cluster.name, timeZone: cluster.timeZone, locale: cluster.locale },
    members: cluster.memberships
      .map((m) => ({
        personId: m.personId,
        name: m.person.displayName,
        present: present.get(m.personId) ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId)),
    decisions: meeting.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      itemTitle: d.agendaItem?.title ?? null,
    })),
    items: meeting.agendaItems.map((i) => ({ id: i.id, title: i.title, kind: i.kind, status: i.status })),
  };
}
