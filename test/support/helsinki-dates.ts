// Dates and instants relative to the real clock, in Europe/Helsinki: the journeys run against the
// bot's system clock, so the dates they type into forms are computed from today.
const ZONE = "Europe/Helsinki";

/** Today in Helsinki plus `days` calendar days, as YYYY-MM-DD. */
export function daysAhead(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The Helsinki date `days` × 24 hours from now, as YYYY-MM-DD (as a Slack datepicker sends it). Unlike
 * `daysAhead` it steps in hours, so across a DST change late in the evening it can land a day further.
 */
export function dayAhead(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** The UTC instant of a Helsinki wall-clock time (UTC+2 in winter, UTC+3 in summer), found with Intl. */
export function helsinkiInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const wall = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  for (const offset of [2, 3]) {
    const candidate = new Date(Date.UTC(y, m - 1, d, hh - offset, mm));
    const parts = Object.fromEntries(wall.formatToParts(candidate).map((p) => [p.type, p.value]));
    if (`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}` === `${date} ${time}`)
      return candidate;
  }
  throw new Error(`${date} ${time} does not exist in ${ZONE}`);
}

/** An instant as ISO 8601 without milliseconds: "2027-01-05T08:00:00Z". */
export const isoOf = (d: Date) => d.toISOString().replace(/\.000Z$/, "Z");
