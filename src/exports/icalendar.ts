// RFC 5545 / 5546 meeting invitations as .ics text. Times are written in the cluster's zone with a
// VTIMEZONE built from the zone's real transitions (found with Intl), so calendar apps show the
// meeting at the right hour even if their own zone database differs. One UID per meeting; every
// change raises SEQUENCE so calendars replace the old copy instead of adding a second one.
import { utcToZoned, zoneAbbreviation } from "../domain/zoned-time.ts";

export type InvitationMethod = "REQUEST" | "CANCEL";
export type InvitationInput = {
  uid: string;
  sequence: number;
  method: InvitationMethod;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: { name: string; email?: string };
  /** Only when the cluster chose to share member addresses: attendees see each other here. */
  attendees?: { name: string; email: string }[];
  now: Date;
};

export const PRODID = "-//Ennakko//Ennakko//EN";
export const NO_REPLY_ADDRESS = "noreply@ennakko.invalid";
const CRLF = "\r\n";
const MAX_OCTETS = 75;
const MINUTE = 60_000;
const DAY = 86_400_000;

export function buildInvitation(input: InvitationInput): string {
  const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * MINUTE);
  const zone = input.timeZone;
  const cancel = input.method === "CANCEL";
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    `PRODID:${PRODID}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${input.method}`,
    ...vtimezone(zone, input.startsAt, endsAt),
    "BEGIN:VEVENT",
    `UID:${escapeText(input.uid)}`,
    `DTSTAMP:${utcStamp(input.now)}`,
    `DTSTART;TZID=${paramText(zone)}:${localStamp(input.startsAt, zone)}`,
    `DTEND;TZID=${paramText(zone)}:${localStamp(endsAt, zone)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(input.sequence))}`,
    `STATUS:${cancel ? "CANCELLED" : "CONFIRMED"}`,
    `SUMMARY:${escapeText(input.summary)}`,
  ];
  if (input.description) lines.push(`DESCRIPTION:${escapeText(input.description)}`);
  if (input.location) lines.push(`LOCATION:${escapeText(input.location)}`);
  const url = webUrl(input.url);
  if (url) lines.push(`URL:${url}`);
  const organizerEmail = mailbox(input.organizer.email) ?? NO_REPLY_ADDRESS;
  lines.push(`ORGANIZER;CN="${paramText(input.organizer.name)}":mailto:${organizerEmail}`);
  for (const attendee of input.attendees ?? []) {
    const email = mailbox(attendee.email);
    if (!email) continue; // an ATTENDEE needs an address; a name alone cannot be invited
    const status = cancel ? "" : ";PARTSTAT=NEEDS-ACTION";
    lines.push(
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT${status};CN="${paramText(attendee.name)}":mailto:${email}`,
    );
  }
  lines.push(`TRANSP:${cancel ? "TRANSPARENT" : "OPAQUE"}`, "END:VEVENT", "END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
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

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .split("")
    .filter((char) => char === "\t" || !isControl(char))
    .join("");
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 3.1): continuation lines start
 * with one space, which counts. Splits only between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
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

function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
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

function utcStamp(instant: Date): string {
  return `${stamp(instant)}Z`;
}

function localStamp(instant: Date, timeZone: string): string {
  const offset = utcToZoned(instant, timeZone).offsetMinutes;
  return stamp(new Date(instant.getTime() + offset * MINUTE));
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
