// The chairs' cross-assessment: rules with no I/O for comparing clusters side by side.
//
// Skill matrix. Each cluster contributes the skill-grid summary of its latest closed pulse that asked
// the same question (by key). A skill's demand counts as *growing* in a cluster for a horizon when at
// least half of the cluster's respondents who rated it expect GROWING or STRONGLY_GROWING demand
// (growing share ≥ 50 %). The share is used rather than the mean score because "most of them expect
// growth" is what a chair can repeat in a meeting; a score of +0.3 can be one grower among stable votes.
// The report leaves the cluster, so a cell rated by fewer than 3 respondents is hidden here even in a
// named pulse (the domain hides such cells in anonymous pulses already).
//
// Measures scorecard: cancelled measures are left out; open = planned, started or blocked; an open
// measure is on track until its due date has passed in the cluster's time zone, then overdue; done on
// time = done on or before the due date (the completion date in the cluster's time zone).

import type { LocalDate } from "../../../kernel/domain/zoned-time.ts";
import { MIN_GROUP_SIZE, type SkillGridStats } from "./aggregate.ts";
import type { Horizon } from "./question-types.ts";

export const GROWING_SHARE_THRESHOLD = 0.5;

/** What a cluster's latest pulse says about skills: nothing asked, hidden as a whole, or a grid. */
export type ClusterGrid =
  | { clusterId: string; kind: "NO_PULSE" }
  | { clusterId: string; kind: "HIDDEN" }
  | { clusterId: string; kind: "SHOWN"; stats: SkillGridStats };

/** NO_DATA: the cluster has no pulse, did not list the skill, or nobody rated it. */
export type MatrixCell = "GROWING" | "NOT_GROWING" | "HIDDEN" | "NO_DATA";
export type MatrixRow = {
  skill: string;
  /** Clusters where demand is growing. */
  growingIn: number;
  /** Clusters with a shown figure for this skill (growing or not). */
  ratedIn: number;
  /** By cluster id. */
  cells: Record<string, MatrixCell>;
};
export type SkillMatrix = { horizon: Horizon; rows: MatrixRow[] }[];

const collator = new Intl.Collator("fi", { sensitivity: "base" });
const skillKey = (skill: string) => skill.trim().toLocaleLowerCase("fi");

export function skillMatrix(grids: readonly ClusterGrid[]): SkillMatrix {
  const shown = grids.flatMap((g) => (g.kind === "SHOWN" ? [g] : []));
  const horizons = [...new Set(shown.flatMap((g) => g.stats.horizons))].sort((a, b) => a - b);
  // The same skill spelled with other case or spaces in two clusters is one row, named as first seen.
  const names = new Map<string, string>();
  for (const g of shown)
    for (const skill of g.stats.skills)
      if (!names.has(skillKey(skill))) names.set(skillKey(skill), skill.trim());
  return horizons.map((horizon) => {
    const rows = [...names].map(([key, skill]): MatrixRow => {
      const cells: Record<string, MatrixCell> = {};
      for (const grid of grids) cells[grid.clusterId] = cellOf(grid, key, horizon);
      const values = Object.values(cells);
      return {
        skill,
        growingIn: values.filter((c) => c === "GROWING").length,
        ratedIn: values.filter((c) => c === "GROWING" || c === "NOT_GROWING").length,
        cells,
      };
    });
    rows.sort(
      (a, b) => b.growingIn - a.growingIn || b.ratedIn - a.ratedIn || collator.compare(a.skill, b.skill),
    );
    return { horizon, rows };
  });
}

function cellOf(grid: ClusterGrid, key: string, horizon: Horizon): MatrixCell {
  if (grid.kind === "NO_PULSE") return "NO_DATA";
  if (grid.kind === "HIDDEN") return "HIDDEN";
  const cell = grid.stats.cells.find((c) => c.horizon === horizon && skillKey(c.skill) === key);
  if (!cell) return "NO_DATA";
  if (cell.hidden) return "HIDDEN";
  if (cell.n === 0) return "NO_DATA";
  if (cell.n < MIN_GROUP_SIZE) return "HIDDEN";
  return cell.growingShare !== null && cell.growingShare >= GROWING_SHARE_THRESHOLD
    ? "GROWING"
    : "NOT_GROWING";
}

export type MeasureFacts = {
  status: "PLANNED" | "STARTED" | "BLOCKED" | "DONE" | "CANCELLED";
  dueDate: LocalDate;
  /** The local date it was done, when known. */
  doneOn: LocalDate | null;
};

export type Scorecard = {
  open: number;
  onTrack: number;
  overdue: number;
  done: number;
  doneOnTime: number;
  /** doneOnTime ÷ done; null with nothing done. */
  onTimeShare: number | null;
  /** Not counted anywhere else. */
  cancelled: number;
};

export function scorecard(measures: readonly MeasureFacts[], today: LocalDate): Scorecard {
  let open = 0;
  let overdue = 0;
  let done = 0;
  let doneOnTime = 0;
  let cancelled = 0;
  for (const m of measures) {
    if (m.status === "CANCELLED") cancelled += 1;
    else if (m.status === "DONE") {
      done += 1;
      if (m.doneOn !== null && m.doneOn <= m.dueDate) doneOnTime += 1;
    } else {
      open += 1;
      if (m.dueDate < today) overdue += 1;
    }
  }
  return {
    open,
    onTrack: open - overdue,
    overdue,
    done,
    doneOnTime,
    onTimeShare: done === 0 ? null : doneOnTime / done,
    cancelled,
  };
}
