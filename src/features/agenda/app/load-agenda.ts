// The agenda of one meeting as a viewer sees it: items with votes, the follow-up of open measures,
// and what the viewer may do with it.

import type { Tx } from "../../../kernel/app/tx.ts";
import { can, type Role } from "../../../kernel/domain/roles.ts";
import { utcToZoned } from "../../../kernel/domain/zoned-time.ts";
import type { DrawSection } from "../../../kernel/feature-module.ts";
import { loadSections } from "../../../kernel/registry.ts";
import type { MeasureStatus } from "../../measures/index.ts";
import type { MeetingStatus } from "../../meetings/index.ts";
import { type AgendaItemKind, type AgendaItemStatus, acceptsAgendaItems } from "../domain/agenda-rules.ts";

export type AgendaItemView = {
  id: string;
  title: string;
  details: string | null;
  kind: AgendaItemKind;
  status: AgendaItemStatus;
  position: number | null;
  timeboxMinutes: number | null;
  proposedBy: string | null;
  votes: number;
  votedByViewer: boolean;
  createdAt: Date;
};

export type FollowUpMeasure = {
  id: string;
  title: string;
  ownerName: string | null;
  dueDate: string;
  status: MeasureStatus;
  progress: number;
  overdue: boolean;
};

export type AgendaSnapshot = {
  meeting: {
    id: string;
    title: string;
    status: MeetingStatus;
    agendaDeadline: Date | null;
    startsAt: Date | null;
  };
  cluster: { id: string; name: string; timeZone: string; locale: string };
  /** New items and votes are taken now. */
  open: boolean;
  items: AgendaItemView[];
  followUp: FollowUpMeasure[];
  /** Open measures in all: the agenda shows the first (by due date) and says how many more there are. */
  followUpTotal: number;
  /** What other features add to the agenda (e.g. the signals saved since the last meeting). */
  sections: DrawSection[];
  viewer: { personId: string; canPropose: boolean; canCurate: boolean };
};

const CLOSED_MEASURES: MeasureStatus[] = ["DONE", "CANCELLED"];

export async function loadAgenda(
  db: Tx,
  meetingId: string,
  viewer: { personId: string; role: Role },
  now: Date,
): Promise<AgendaSnapshot | null> {
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    include: {
      cluster: true,
      chosenSlot: true,
      agendaItems: {
        include: { votes: { select: { personId: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!meeting) return null;
  const proposers = await db.person.findMany({
    where: { id: { in: meeting.agendaItems.flatMap((i) => (i.proposedById ? [i.proposedById] : [])) } },
    select: { id: true, displayName: true },
  });
  const nameOf = new Map(proposers.map((p) => [p.id, p.displayName]));
  const { cluster } = meeting;
  const today = utcToZoned(now, cluster.timeZone).date;
  const measures = await db.measure.findMany({
    where: { clusterId: cluster.id, status: { notIn: CLOSED_MEASURES } },
    include: { owner: { select: { displayName: true } } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    take: 30,
  });
  const followUpTotal = await db.measure.count({
    where: { clusterId: cluster.id, status: { notIn: CLOSED_MEASURES } },
  });
  const sections = await loadSections(db, "agenda", {
    clusterId: cluster.id,
    timeZone: cluster.timeZone,
    meetingId: meeting.id,
    now,
  });
  return {
    followUpTotal,
    sections,
    meeting: {
      id: meeting.id,
      title: meeting.title,
      status: meeting.status,
      agendaDeadline: meeting.agendaDeadline,
      startsAt: meeting.chosenSlot?.startsAt ?? null,
    },
    cluster: { id: cluster.id, name: cluster.name, timeZone: cluster.timeZone, locale: cluster.locale },
    open: acceptsAgendaItems(meeting.status, meeting.agendaDeadline, now),
    items: meeting.agendaItems.map((i) => ({
      id: i.id,
      title: i.title,
      details: i.details,
      kind: i.kind,
      status: i.status,
      position: i.position,
      timeboxMinutes: i.timeboxMinutes,
      proposedBy: i.proposedById ? (nameOf.get(i.proposedById) ?? null) : null,
      votes: i.votes.length,
      votedByViewer: i.votes.some((v) => v.personId === viewer.personId),
      createdAt: i.createdAt,
    })),
    followUp: measures.map((m) => {
      const dueDate = m.dueDate.toISOString().slice(0, 10);
      return {
        id: m.id,
        title: m.title,
        ownerName: m.owner?.displayName ?? null,
        dueDate,
        status: m.status,
        progress: m.progress,
        overdue: dueDate < today,
      };
    }),
    viewer: {
      personId: viewer.personId,
      canPropose: can(viewer.role, "agenda.propose"),
      canCurate: can(viewer.role, "agenda.curate"),
    },
  };
}
