// Rounds of a follow-up counted in local days from a start (a poll opening, a pulse opening): which
// round a tick should act on now, and when the next one comes. Pure, shared by the due-driven nudge
// and reminder ticks, so that each can store "look again at" on its own row.
import { addLocalDays } from "./zoned-time.ts";

export type Round = { round: number; at: Date };

/** Round n (from 1) falls `afterDays[n-1]` local days after `start`; days are taken in ascending order. */
export function roundsFrom(start: Date, afterDays: readonly number[], timeZone: string): Round[] {
  return [...afterDays]
    .sort((a, b) => a - b)
    .map((days, index) => ({ round: index + 1, at: addLocalDays(start, days, timeZone) }));
}

/**
 * The latest round that has come and is later than `done` (after downtime: one message, not two at
 * once), and when the first round after now comes (null: none left, the row needs no more ticks).
 */
export function dueRound(
  rounds: readonly Round[],
  now: Date,
  done: number,
): { due: Round | null; nextAt: Date | null } {
  const come = rounds.filter((r) => r.at <= now && r.round > done);
  const due = come.at(-1) ?? null;
  const after = Math.max(done, due?.round ?? 0);
  const next = rounds.find((r) => r.at > now && r.round > after);
  return { due, nextAt: next?.at ?? null };
}
