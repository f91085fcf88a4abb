import { isAgendaOpen, type MeetingStatus } from "../../../kernel/domain/meeting-status.ts";
// The agenda of a meeting and the record of a held one: which meeting takes new items, how the chair's
// curation moves an item, in which order the agenda reads, and which items take an outcome.

export const AGENDA_KINDS = ["TOPIC", "PROBLEM", "PROPOSED_MEASURE", "INFORMATION"] as const;
export type AgendaItemKind = (typeof AGENDA_KINDS)[number];

export const AGENDA_STATUSES = ["PROPOSED", "ACCEPTED", "DEFERRED", "REJECTED", "DISCUSSED"] as const;
export type AgendaItemStatus = (typeof AGENDA_STATUSES)[number];

export const AGENDA_TITLE_MIN = 3;
export const AGENDA_TITLE_MAX = 200;
export const AGENDA_DETAILS_MAX = 2000;
export const TIMEBOX_MINUTES = [5, 10, 15, 20, 30, 45, 60, 90, 120] as const;
export const TIMEBOX_MAX = 480;

/** Meetings whose agenda is still being built: planned, not yet held or cancelled. */
export const AGENDA_MEETING_STATUSES = ["POLLING", "SCHEDULED"] as const satisfies readonly MeetingStatus[];

/** New items and votes are taken while the meeting is upcoming and its deadline has not passed. */
export function acceptsAgendaItems(status: MeetingStatus, deadline: Date | null, now: Date): boolean {
  return (
    (AGENDA_MEETING_STATUSES as readonly MeetingStatus[]).includes(status) && isAgendaOpen(deadline, now)
  );
}

/** The chair curates until the meeting is held, also after the deadline (that is when it matters). */
export function isCuratable(status: MeetingStatus): boolean {
  return (AGENDA_MEETING_STATUSES as readonly MeetingStatus[]).includes(status);
}

/** Members upvote items still in play; rejected, deferred and discussed ones are settled. */
export function isVotable(status: AgendaItemStatus): boolean {
  return status === "PROPOSED" || status === "ACCEPTED";
}

export type Curation =
  | { kind: "accept" }
  | { kind: "defer" }
  | { kind: "reject" }
  /** `from`: the 1-based place the button showed the item at (absent on buttons posted before it). */
  | { kind: "up"; from?: number }
  | { kind: "down"; from?: number }
  | { kind: "timebox"; minutes: number | null };

/**
 * The status an item moves to under the chair's hand, or null when the change does not apply to
 * it (a stale button, a double click): the caller then changes nothing.
 */
export function curatedStatus(current: AgendaItemStatus, curation: Curation): AgendaItemStatus | null {
  switch (curation.kind) {
    case "accept":
      return current === "PROPOSED" || current === "DEFERRED" || current === "REJECTED" ? "ACCEPTED" : null;
    case "defer":
      return current === "PROPOSED" || current === "ACCEPTED" || current === "REJECTED" ? "DEFERRED" : null;
    case "reject":
      return current === "PROPOSED" || current === "ACCEPTED" || current === "DEFERRED" ? "REJECTED" : null;
    case "up":
    case "down":
      return current === "ACCEPTED" ? "ACCEPTED" : null;
    case "timebox":
      return current === "PROPOSED" || current === "ACCEPTED" ? current : null;
  }
}

/**
 * Moves one id a step within an ordered list; at either end the list stays as it is. With `from` (the
 * 1-based place the clicked button showed), an item no longer there stays put: a double click on "Up"
 * moves it once, as the person saw it, not twice.
 */
export function moveInOrder(
  ids: readonly string[],
  id: string,
  direction: "up" | "down",
  from?: number,
): string[] {
  const out = [...ids];
  const at = out.indexOf(id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= out.length) return out;
  if (from !== undefined && at + 1 !== from) return out;
  [out[at], out[to]] = [out[to]!, out[at]!];
  return out;
}

export type RankableItem = {
  id: string;
  status: AgendaItemStatus;
  position: number | null;
  votes: number;
  createdAt: Date;
};

export type OrderedAgenda<T extends RankableItem> = {
  /** In the chair's order. */
  accepted: T[];
  /** Most votes first; ties by who proposed first. */
  proposed: T[];
  deferred: T[];
  rejected: T[];
  discussed: T[];
};

const byPosition = (a: RankableItem, b: RankableItem) =>
  (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  a.id.localeCompare(b.id);
const byVotes = (a: RankableItem, b: RankableItem) =>
  b.votes - a.votes || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** How the agenda reads: the accepted items in order, then the proposals by votes. */
export function orderAgenda<T extends RankableItem>(items: readonly T[]): OrderedAgenda<T> {
  const having = (status: AgendaItemStatus) => items.filter((i) => i.status === status);
  return {
    accepted: having("ACCEPTED").sort(byPosition),
    proposed: having("PROPOSED").sort(byVotes),
    deferred: having("DEFERRED").sort(byVotes),
    rejected: having("REJECTED").sort(byVotes),
    discussed: having("DISCUSSED").sort(byPosition),
  };
}

export const AGENDA_OUTCOMES = ["DISCUSSED", "DEFERRED"] as const;
export type AgendaOutcome = (typeof AGENDA_OUTCOMES)[number];

/** After the meeting each item not rejected gets its outcome; it may be corrected later. */
export function takesOutcome(status: AgendaItemStatus): boolean {
  return status !== "REJECTED";
}
