// The twice-yearly rhythm of a cluster: terms as month-day windows of the calendar year ("02-01" to
// "05-31"), and when a term's kickoff is due. Pure: dates are local dates of the cluster's zone.
import { fail, ok, type Result } from "./result.ts";
import { addDaysToDate, type LocalDate } from "./zoned-time.ts";

export type CycleTerm = { name: string; start: string; end: string };

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "MM-DD" that names a day of some year (02-29 allowed; in other years it means 03-01). */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/** The local date of a month-day in a year; 02-29 falls on 03-01 outside leap years. */
export function dateInYear(monthDay: string, year: number): LocalDate {
  if (monthDay === "02-29" && !isLeapYear(year)) return `${year}-03-01`;
  return `${year}-${monthDay}`;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Replaces (or adds) the term `edit.name` and checks the whole set: each window is a real, non-empty
 * range inside one calendar year (start on or before end) and no two windows share a day.
 */
export function editTerms(
  terms: readonly CycleTerm[],
  edit: CycleTerm,
): Result<CycleTerm[], "CYCLE_WINDOW_EMPTY" | "CYCLE_WINDOWS_OVERLAP" | "INVALID_INPUT"> {
  if (!isMonthDay(edit.start) || !isMonthDay(edit.end))
    return fail("INVALID_INPUT", { field: "start/end (MM-DD)" });
  if (edit.start > edit.end)
    return fail("CYCLE_WINDOW_EMPTY", { term: edit.name, start: edit.start, end: edit.end });
  const others = terms.filter((t) => t.name !== edit.name);
  const clash = others.find((t) => t.start <= edit.end && edit.start <= t.end);
  if (clash)
    return fail("CYCLE_WINDOWS_OVERLAP", {
      term: edit.name,
      other: clash.name,
      start: clash.start,
      end: clash.end,
    });
  return ok([...others, edit].sort((a, b) => a.start.localeCompare(b.start)));
}

export type TermOccurrence = { term: CycleTerm; year: number; opens: LocalDate; closes: LocalDate };

/** The term windows of the given years, in calendar order. */
export function occurrences(terms: readonly CycleTerm[], years: readonly number[]): TermOccurrence[] {
  return years
    .flatMap((year) =>
      terms.map((term) => ({
        term,
        year,
        opens: dateInYear(term.start, year),
        closes: dateInYear(term.end, year),
      })),
    )
    .sort((a, b) => a.opens.localeCompare(b.opens));
}

/** The term running on `today`, else the next one to open. */
export function currentOrNextTerm(
  terms: readonly CycleTerm[],
  today: LocalDate,
): (TermOccurrence & { current: boolean }) | null {
  const year = Number(today.slice(0, 4));
  const all = occurrences(terms, [year, year + 1]);
  const current = all.find((o) => o.opens <= today && today <= o.closes);
  if (current) return { ...current, current: true };
  const next = all.find((o) => o.opens > today);
  return next ? { ...next, current: false } : null;
}

/** The local date the kickoff of a term occurrence is due: `weeks` weeks before it opens. */
export function kickoffDate(opens: LocalDate, weeks: number): LocalDate {
  return addDaysToDate(opens, -7 * weeks);
}
