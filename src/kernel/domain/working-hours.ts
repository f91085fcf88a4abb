// A cluster's working hours: reminders and nudges wait for them (never on a Saturday evening). Shared
// by every feature that schedules a message to a person.
import { z } from "zod";
import { addDaysToDate, isLocalTime, utcToZoned, weekdayOf, zonedToUtc } from "./zoned-time.ts";

const hhmm = z.string().refine(isLocalTime, "Must be a time HH:MM");

export const WorkingHoursSchema = z
  .object({
    start: hhmm.default("08:00"),
    end: hhmm.default("18:00"),
    /** ISO weekdays, Monday = 1 … Sunday = 7. */
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .default([1, 2, 3, 4, 5])
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  })
  .refine((w) => w.start < w.end, { message: "Working hours must start before they end", path: ["end"] });
export type WorkingHours = z.output<typeof WorkingHoursSchema>;

/** True when the wall clock in `timeZone` is on a working day, at or after start and before end. */
export function isWithinWorkingHours(instant: Date, timeZone: string, hours: WorkingHours): boolean {
  const local = utcToZoned(instant, timeZone);
  return hours.days.includes(local.weekday) && local.time >= hours.start && local.time < hours.end;
}

/**
 * `instant` itself when it falls inside working hours in `timeZone`, otherwise the start of the
 * next working period there (Saturday 10:00 → Monday 08:00). Computed on the local calendar, so a
 * DST change over the weekend still gives 08:00 local.
 */
export function nextWorkingTime(instant: Date, timeZone: string, hours: WorkingHours): Date {
  if (hours.days.length === 0 || isWithinWorkingHours(instant, timeZone, hours)) return instant;
  const today = utcToZoned(instant, timeZone).date;
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = addDaysToDate(today, offset);
    if (!hours.days.includes(weekdayOf(date))) continue;
    const start = zonedToUtc(date, hours.start, timeZone);
    if (start.getTime() > instant.getTime()) return start;
  }
  return instant; // unreachable with at least one working day; keeps the function total
}
