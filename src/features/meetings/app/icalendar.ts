// The "Add to calendar" file (RFC 5545), written with ical-generator. It is a *published* event
// (RFC 5546 §3.2.1 METHOD:PUBLISH: an ORGANIZER, no ATTENDEE, nobody is asked to reply): the link is
// opened by whoever clicks it, so there is no invitee list to send a REQUEST to, and a REQUEST with
// no ATTENDEE is invalid (clients then show RSVP buttons that answer nobody). A cancelled meeting is
// published again with STATUS:CANCELLED under the same UID. One UID per meeting; every change raises
// SEQUENCE so calendars replace the old copy instead of adding a second one.
// Times are written in the cluster's zone with a VTIMEZONE built from the zone's real transitions
// (found with Intl), so calendar apps show the meeting at the right hour even if their own zone
// database differs; the process time zone is never consulted.
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { utcToZoned, zoneAbbreviation } from "../../../kernel/domain/zoned-time.ts";

export type CalendarEventInput = {
  uid: string;
  sequence: number;
  cancelled: boolean;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  summary: string;
  /** Plain text; line breaks are kept. */
  description?: string;
  location?: string;
  /** The online meeting link (URL property); also belongs in the description, where people read it. */
  url?: string;
  organizer: { name: string; email?: string };
  now: Date;
};

export const PRODID = "//Ennakko//Ennakko//EN";
export const NO_REPLY_ADDRESS = "noreply@ennakko.invalid";
export const CALENDAR_MIME = "text/calendar; charset=utf-8; method=PUBLISH";
const MINUTE = 60_000;
const DAY = 86_400_000;

export function buildCalendarFile(input: CalendarEventInput): string {
  const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * MINUTE);
  const zone = input.timeZone;
  // name null: the VTIMEZONE is generated for the event's zone, yet DTSTAMP stays in UTC ("…Z").
  const calendar = ical({
    prodId: PRODID,
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (tz) => vtimezone(tz, input.startsAt, endsAt).join("\r\n") },
  });
  const url = webUrl(input.url);
  calendar.createEvent({
    id: clean(input.uid),
    sequence: Math.max(0, Math.trunc(input.sequence)),
    stamp: input.now,
    start: wallClock(input.startsAt, zone),
    end: wallClock(endsAt, zone),
    timezone: zone,
    summary: clean(input.summary),
    ...(input.description ? { description: clean(input.description, true) } : {}),
    ...(input.location ? { location: clean(input.location) } : {}),
    ...(url ? { url } : {}),
    organizer: {
      name: paramText(input.organizer.name),
      email: mailbox(input.organizer.email) ?? NO_REPLY_ADDRESS,
    },
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: input.cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
  });
  return `${calendar.toString()}\r\n`;
}

/** "Kevät 2027 / Rovaniemi" → "kevat-2027-rovaniemi.ics": ASCII only, safe in every mail client. */
export function filenameFor(summary: string): string {
  const base = summary
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "meeting"}.ics`;
}

/**
 * The instant as the wall clock of `timeZone`, in the shape of a Temporal PlainDateTime, which
 * ical-generator writes field by field after `;TZID=`. (Given a plain Date and a zone it would use
 * the *process's* local time, which is wrong for every cluster not in the server's zone.)
 */
function wallClock(instant: Date, timeZone: string) {
  const w = new Date(instant.getTime() + utcToZoned(instant, timeZone).offsetMinutes * MINUTE);
  const fields = {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
  const iso = `${stamp(w).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3T$4:$5:$6")}`;
  const zoned = {
    ...fields,
    timeZoneId: timeZone,
    toInstant: () => ({
      epochMilliseconds: instant.getTime(),
      toJSON: () => instant.toISOString(),
      toString: () => instant.toISOString(),
      toZonedDateTimeISO: () => zoned,
    }),
    toPlainDateTime: () => plain,
    withTimeZone: () => zoned,
    toJSON: () => iso,
    toString: () => iso,
  };
  const plain = {
    ...fields,
    toZonedDateTime: () => zoned,
    toPlainDate: () => ({
      year: fields.year,
      month: fields.month,
      day: fields.day,
      toJSON: () => iso.slice(0, 10),
      toString: () => iso.slice(0, 10),
    }),
    toJSON: () => iso,
    toString: () => iso,
  };
  return plain;
}

/** Text without C0 controls or DEL (never valid in a content line); line breaks kept only if asked. */
function clean(value: string, keepLineBreaks = false): string {
  const text = keepLineBreaks ? value.replace(/\r\n|\r/g, "\n") : value.replace(/\r\n|\r|\n/g, " ");
  return [...text]
    .filter((char) => char === "\t" || (keepLineBreaks && char === "\n") || !isControl(char))
    .join("");
}

// Parameter values are quoted; RFC 5545 gives them no escape for DQUOTE or line breaks, so those
// are replaced rather than risk a broken line.
function paramText(value: string): string {
  return [...value.replace(/"/g, "'")].map((char) => (isControl(char) ? " " : char)).join("");
}

/** C0 controls and DEL: never valid inside a content line (tab only as TEXT whitespace). */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

function mailbox(email: string | undefined): string | undefined {
  const trimmed = email?.trim();
  return trimmed && /^[^\s@<>"(),;:\\[\]]+@[^\s@<>"(),;:\\[\]]+\.[^\s@<>"(),;:\\[\]]+$/.test(trimmed)
    ? trimmed
    : undefined;
}

/**
 * An http(s) link for the URL property. ical-generator escapes "," and ";" in it as if it were TEXT,
 * which RFC 5545 §3.3.13 does not allow for a URI; percent-encoded they mean the same to the server.
 */
function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    return url.href.replace(/,/g, "%2C").replace(/;/g, "%3B");
  } catch {
    return undefined;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Wall-clock stamp of a UTC-based Date's fields: YYYYMMDDTHHMMSS. */
function stamp(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const totalSeconds = Math.round(Math.abs(minutes) * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ""}`;
}

type Transition = { at: number; from: number; to: number };

const offsetAt = (ms: number, timeZone: string) => utcToZoned(new Date(ms), timeZone).offsetMinutes;

// Scanning two years day by day costs a few hundred Intl calls; invitations go to every member.
const transitionCache = new Map<string, Transition[]>();

/** Every offset change in [from, to), found by daily sampling and bisection to the millisecond. */
function transitions(timeZone: string, from: number, to: number): Transition[] {
  const key = `${timeZone}|${from}|${to}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: Transition[] = [];
  let previous = offsetAt(from, timeZone);
  for (let t = from; t < to; t += DAY) {
    const next = offsetAt(Math.min(t + DAY, to), timeZone);
    if (next === previous) continue;
    let lo = t;
    let hi = Math.min(t + DAY, to);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: offsetAt(hi, timeZone) });
    previous = next;
  }
  transitionCache.set(key, found);
  return found;
}

const yearStart = (year: number) => {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime();
};

/**
 * VTIMEZONE covering the calendar years of the event: the last transition before them (so the
 * first days of the year resolve) and every transition inside them, one observance each with its
 * own DTSTART and no RRULE. A zone without DST gets a single STANDARD observance.
 */
function vtimezone(timeZone: string, startsAt: Date, endsAt: Date): string[] {
  const firstYear = startsAt.getUTCFullYear();
  const coverFrom = yearStart(firstYear);
  const coverTo = yearStart(endsAt.getUTCFullYear() + 1);
  const all = transitions(timeZone, yearStart(firstYear - 1), coverTo);
  const inside = all.filter((t) => t.at >= coverFrom);
  const before = all.filter((t) => t.at < coverFrom).at(-1);
  const used = before ? [before, ...inside] : inside;
  const standardOffset = Math.min(offsetAt(coverFrom, timeZone), ...all.map((t) => t.to));

  const lines = ["BEGIN:VTIMEZONE", `TZID:${paramText(timeZone)}`];
  if (!before) {
    // Nothing changed in the year before: the offset at the start of the year has held since then.
    const offset = offsetText(offsetAt(coverFrom, timeZone));
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      `TZNAME:${zoneAbbreviation(new Date(coverFrom), timeZone)}`,
      "END:STANDARD",
    );
  }
  for (const t of used) {
    const kind = t.to > standardOffset ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // Onset in the local time in force just before it (RFC 5545 3.6.5).
      `DTSTART:${stamp(new Date(t.at + t.from * MINUTE))}`,
      `TZOFFSETFROM:${offsetText(t.from)}`,
      `TZOFFSETTO:${offsetText(t.to)}`,
      `TZNAME:${zoneAbbreviation(new Date(t.at), timeZone)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
