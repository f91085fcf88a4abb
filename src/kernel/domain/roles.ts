// Roles in a cluster and what each may do. Use cases name a capability; nothing else decides.

export const ROLES = ["CHAIR", "VICE_CHAIR", "SECRETARY", "COORDINATOR", "MEMBER", "OBSERVER"] as const;
export type Role = (typeof ROLES)[number];

export type Capability =
  | "cluster.view"
  | "cluster.manage-roles"
  | "cluster.configure"
  | "meeting.plan"
  | "meeting.vote"
  | "meeting.record"
  | "agenda.propose"
  | "agenda.curate"
  | "measure.assign"
  | "pulse.manage"
  | "pulse.answer"
  | "pulse.export"
  | "minutes.export"
  | "member.erase"
  /** Delphi rounds: organisers create and steer them; participants answer (observers read results). */
  | "delphi.manage"
  | "delphi.answer"
  /** Weak signals: participants save and rate them; organisers link them to measures and the agenda. */
  | "signal.save"
  | "signal.rate"
  | "signal.curate"
  /** The chairs' forum: its members are the chairs, vice-chairs and coordinators of the clusters. */
  | "forum.report";

const EVERYONE: readonly Role[] = ROLES;
const PARTICIPANTS: readonly Role[] = ["CHAIR", "VICE_CHAIR", "SECRETARY", "COORDINATOR", "MEMBER"];
const ORGANISERS: readonly Role[] = ["CHAIR", "VICE_CHAIR", "SECRETARY", "COORDINATOR"];

const GRANTS: Record<Capability, readonly Role[]> = {
  "cluster.view": EVERYONE,
  "cluster.manage-roles": ["CHAIR", "COORDINATOR"],
  "cluster.configure": ["CHAIR", "COORDINATOR"],
  "meeting.plan": ORGANISERS,
  "meeting.vote": PARTICIPANTS,
  "meeting.record": ["CHAIR", "VICE_CHAIR", "SECRETARY"],
  "agenda.propose": PARTICIPANTS,
  "agenda.curate": ["CHAIR", "VICE_CHAIR"],
  "measure.assign": ORGANISERS,
  "pulse.manage": ORGANISERS,
  // Observers follow the cluster but do not speak for an organisation in surveys.
  "pulse.answer": PARTICIPANTS,
  // Raw answers leave the chat as a file: only the roles that keep the cluster's records.
  "pulse.export": ["CHAIR", "SECRETARY", "COORDINATOR"],
  "minutes.export": ORGANISERS,
  "member.erase": ["CHAIR", "COORDINATOR"],
  "delphi.manage": ORGANISERS,
  "delphi.answer": PARTICIPANTS,
  "signal.save": PARTICIPANTS,
  "signal.rate": PARTICIPANTS,
  "signal.curate": ORGANISERS,
  "forum.report": ["CHAIR", "VICE_CHAIR", "COORDINATOR"],
};

export function can(role: Role, capability: Capability): boolean {
  return GRANTS[capability].includes(role);
}

export function parseRole(word: string): Role | undefined {
  const normalised = word.trim().toUpperCase().replace(/[-\s]/g, "_");
  return (ROLES as readonly string[]).includes(normalised) ? (normalised as Role) : undefined;
}

/** A cluster must always keep a chair: the last one can neither leave nor be demoted. */
export function wouldLoseLastChair(chairCount: number, currentRole: Role, nextRole: Role | null): boolean {
  return currentRole === "CHAIR" && nextRole !== "CHAIR" && chairCount <= 1;
}
