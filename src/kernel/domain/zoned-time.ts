// Wall-clock time in a named IANA zone, computed with Intl only (no tz library, no process TZ).
// Everything is stored as UTC instants; a cluster plans in its own zone and each person reads times
// in theirs. The process time zone is never consulted: only Date.UTC, getTime and Intl with an
// explicit timeZone are used, so the suite gives the same answers under any TZ.
import type { Locale } from "./locale.ts";

export type LocalDate = string; // "YYYY-MM-DD"
export type LocalTime = string; // "HH:MM"

export type ZonedParts = {
  date: LocalDate;
  time: LocalTime;
  /** ISO weekday: Monday = 1 … Sunday = 7. */
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** Offset from UTC in that zone at that instant (Helsinki summer: 180). */
  offsetMinutes: number;
};

const MINUTE = 60_000;
const DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

// Building a DateTimeFormat is far slower than using one; the scheduler converts many instants.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

// formatToParts costs microseconds and a scheduler tick asks about the same few instants (midnights,
// 08:00s of the same due dates) thousands of times: remember recent answers. Pure, so always safe.
const MEMO_LIMIT = 20_000;
const wallMemo = new Map<string, number>();
const instantMemo = new Map<string, number>();
function memo(cache: Map<string, number>, key: string, compute: () => number): number {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The wall clock of `timeZone` at `ms`, as milliseconds of a UTC-based calendar ("wall ms"). */
function wallMs(ms: number, timeZone: string): number {
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return memo(wallMemo, `${timeZone}|${whole}`, () => computeWallMs(whole, timeZone)) + (ms - whole);
}

function computeWallMs(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(ms)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(p.year!, p.month! - 1, p.day!);
  wall.setUTCHours(p.hour!, p.minute!, p.second!, 0);
  return wall.getTime();
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (east positive). */
function offsetMs(ms: number, timeZone: string): number {
  return wallMs(ms, timeZone) - ms;
}

/**
 * The instant at which the wall clock of `timeZone` shows `wall`.
 * Gap (spring forward): that wall time never exists; we take the first instant after the gap, i.e.
 * the transition itself (Helsinki 03:30 on the spring-forward day → 04:00 EEST).
 * Overlap (fall back): the wall time happens twice; we take the earlier occurrence (the one still in
 * summer time), which is what someone who typed it most likely meant and never lands after the
 * repeated hour.
 */
function wallToInstant(wall: number, timeZone: string): number {
  return memo(instantMemo, `${timeZone}|${wall}`, () => computeInstant(wall, timeZone));
}

function computeInstant(wall: number, timeZone: string): number {
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetMs(wall - DAY, timeZone);
  const after = offsetMs(wall + DAY, timeZone);
  const candidates = [...new Set([before, after, offsetMs(wall, timeZone)])]
    .map((offset) => wall - offset)
    .filter((t) => offsetMs(t, timeZone) === wall - t)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // In a gap: the transition lies between the two readings; find it to the millisecond.
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  const offsetAtLo = offsetMs(lo, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(mid, timeZone) === offsetAtLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

function parseDate(localDate: string): { y: number; m: number; d: number } | undefined {
  const match = DATE_RE.exec(localDate);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

function parseTime(localTime: string): { h: number; min: number } | undefined {
  const match = TIME_RE.exec(localTime);
  if (!match) return undefined;
  const [h, min] = [Number(match[1]), Number(match[2])];
  return h <= 23 && min <= 59 ? { h, min } : undefined;
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** A real calendar date written "YYYY-MM-DD" (2027-02-29 is not). */
export function isLocalDate(value: string): boolean {
  return parseDate(value) !== undefined;
}

/** A wall time written "HH:MM", 00:00–23:59. */
export function isLocalTime(value: string): boolean {
  return parseTime(value) !== undefined;
}

function wallOf(localDate: string, localTime: string): number {
  const date = parseDate(localDate);
  const time = parseTime(localTime);
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${localDate}`);
  if (!time) throw new RangeError(`Not a wall time (HH:MM): ${localTime}`);
  const wall = new Date(0);
  wall.setUTCFullYear(date.y, date.m - 1, date.d);
  wall.setUTCHours(time.h, time.min, 0, 0);
  return wall.getTime();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function wallDate(wall: number): LocalDate {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The instant a wall-clock date and time in `timeZone` denote. Throws RangeError on a malformed
 * date/time or unknown zone. DST gap → first valid instant after it; overlap → earlier occurrence.
 */
export function zonedToUtc(localDate: LocalDate, localTime: LocalTime, timeZone: string): Date {
  return new Date(wallToInstant(wallOf(localDate, localTime), timeZone));
}

/** What the wall clock in `timeZone` shows at `instant` (seconds are dropped from `time`). */
export function utcToZoned(instant: Date, timeZone: string): ZonedParts {
  const ms = instant.getTime();
  const wall = wallMs(ms, timeZone);
  const d = new Date(wall);
  const isoWeekday = ((d.getUTCDay() + 6) % 7) + 1;
  return {
    date: wallDate(wall),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    weekday: isoWeekday as ZonedParts["weekday"],
    offsetMinutes: (wall - ms) / MINUTE,
  };
}

/** Midnight (or the first instant after it, where a zone skips midnight) of the local day. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
  return zonedToUtc(utcToZoned(instant, timeZone).date, "00:00", timeZone);
}

/**
 * Same wall-clock time `days` calendar days later (or earlier) in `timeZone`. Across a DST change
 * this is 23 or 25 hours per day, not 24: a 10:00 meeting stays at 10:00.
 */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  const ms = instant.getTime();
  return new Date(wallToInstant(wallMs(ms, timeZone) + days * DAY, timeZone));
}

/** A local date `days` later: "2027-03-31" + 1 → "2027-04-01". */
export function addDaysToDate(localDate: LocalDate, days: number): LocalDate {
  return wallDate(wallOf(localDate, "00:00") + days * DAY);
}

/** Whole calendar days from one local date to another ("2027-03-01" → "2027-03-08" = 7). */
export function daysBetweenDates(from: LocalDate, to: LocalDate): number {
  return Math.round((wallOf(to, "00:00") - wallOf(from, "00:00")) / DAY);
}

/** ISO weekday of a calendar date, Monday = 1 … Sunday = 7. */
export function weekdayOf(localDate: LocalDate): ZonedParts["weekday"] {
  return (((new Date(wallOf(localDate, "00:00")).getUTCDay() + 6) % 7) + 1) as ZonedParts["weekday"];
}

export type FormatStyle = "dateTime" | "date" | "time";

// Finnish reads "ke 10.3.2027 klo 10.00"; the others spell the month so that 3/10 vs 10/3 never
// confuses a reader from another country. sv-FI because the clusters we serve first are Finnish.
export const LOCALE_TAGS: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB", nl: "nl-NL" };

const displayFormatters = new Map<string, Intl.DateTimeFormat>();
function displayFormatter(locale: Locale, timeZone: string, style: FormatStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = displayFormatters.get(key);
  if (!f) {
    const date: Intl.DateTimeFormatOptions =
      locale === "fi"
        ? { weekday: "short", day: "numeric", month: "numeric", year: "numeric" }
        : { weekday: "short", day: "numeric", month: "short", year: "numeric" };
    const time: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    const options = style === "date" ? date : style === "time" ? time : { ...date, ...time };
    f = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { ...options, timeZone });
    displayFormatters.set(key, f);
  }
  return f;
}

/**
 * A short zone label for `instant`: "CET", "EEST", "EST" where a common abbreviation exists,
 * otherwise "UTC+9" / "UTC-3:30". Abbreviations are international; localised names
 * ("Itä-Euroopan kesäaika") are too long for a chat line.
 */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  for (const tag of ["en-GB", "en-US"]) {
    const name = new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: "short" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  const offset = utcToZoned(instant, timeZone).offsetMinutes;
  if (offset === 0) return "UTC";
  const abs = Math.abs(offset);
  const minutes = abs % 60 ? `:${pad(abs % 60)}` : "";
  return `UTC${offset < 0 ? "-" : "+"}${Math.floor(abs / 60)}${minutes}`;
}

/**
 * `instant` as the viewer reads it, in the viewer's `timeZone`: "ke 10.3.2027 klo 10.00",
 * "Wed, 10 Mar 2027, 10:00". When `clusterTimeZone` is given and differs from the viewer's zone, the
 * zone label is appended ("… 09:00 CET") so nobody mistakes it for the cluster's local time.
 */
export function formatInZone(
  instant: Date,
  locale: Locale,
  timeZone: string,
  style: FormatStyle = "dateTime",
  clusterTimeZone?: string,
): string {
  const text = displayFormatter(locale, timeZone, style).format(instant);
  const showZone = style !== "date" && clusterTimeZone !== undefined && clusterTimeZone !== timeZone;
  return showZone ? `${text} ${zoneAbbreviation(instant, timeZone)}` : text;
}
