// Every date a person reads goes through here, so a card never mixes `2027-02-02` with "Tue 2 Feb 2027"
// or shows `02-01` for a term that opens on 1 February. One style per language (formatInZone's "date").
import type { Locale } from "../domain/locale.ts";
import { formatInZone, LOCALE_TAGS } from "../domain/zoned-time.ts";

/** The day of an instant, as the cluster's zone sees it. */
export function formatDay(instant: Date, locale: Locale, timeZone: string): string {
  return formatInZone(instant, locale, timeZone, "date");
}

/**
 * A calendar date ("2027-02-02": a due date, a term's opening) in the reader's language. It is the
 * same day in every zone, so it is formatted at noon UTC, never shifted to the day before.
 */
export function formatLocalDate(date: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return formatInZone(new Date(`${date}T12:00:00Z`), locale, "UTC", "date");
}

const monthDay = new Map<Locale, Intl.DateTimeFormat>();

/** A day of every year ("02-01", a term window's end) as "1 Feb", "1.2.", "1 feb.". */
export function formatMonthDay(value: string, locale: Locale): string {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  let format = monthDay.get(locale);
  if (!format) {
    const month = locale === "fi" ? "numeric" : "short";
    format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { day: "numeric", month, timeZone: "UTC" });
    monthDay.set(locale, format);
  }
  // A leap year, so that a window may end on 29 February.
  return format.format(new Date(`2024-${match[1]}-${match[2]}T12:00:00Z`));
}
