// When the bot reminds measure owners. Clusters decide measures twice a year and too often nothing
// follows; gentle, predictable pings are the cure, but never on a Saturday evening. Every ping has a
// stable key so the outbox sends it once however often the scheduler asks.
import { z } from "zod";
import {
  addDaysToDate,
  daysBetweenDates,
  isLocalDate,
  isLocalTime,
  utcToZoned,
  weekdayOf,
  zonedToUtc,
} from "../../../kernel/domain/zoned-time.ts";

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

/** The follow-up part of Cluster.settings. Every field has a default, so `{}` is valid. */
export const FollowUpSettingsSchema = z.object({
  remindDaysBefore: z.number().int().min(1).max(60).default(7),
  escalateAfterOverdueDays: z.number().int().min(1).max(365).default(14),
  // prefault: a missing object is parsed from {}, so the inner defaults (and the refine) apply.
  workingHours: WorkingHoursSchema.prefault({}),
  digestEveryDays: z.number().int().min(1).max(90).default(7),
});
export type FollowUpSettings = z.output<typeof FollowUpSettingsSchema>;
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = FollowUpSettingsSchema.parse({});

export const MEASURE_STATUSES = ["PLANNED", "STARTED", "BLOCKED", "DONE", "CANCELLED"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export type NotificationKind = "due-soon" | "due-today" | "overdue" | "escalate";
export type MeasureNotification = { key: string; kind: NotificationKind; notBefore: Date };

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

/**
 * The pings for one measure that are due at `now` and not yet obsolete, oldest stage first.
 *
 * Stages on the local calendar of the cluster zone (the due date is a date there):
 *   due-7d  start of (due − remindDaysBefore)   kind "due-soon"
 *   due-0d  start of the due date               kind "due-today"
 *   overdue-w<N>  start of (due + 7·N), N ≥ 1   kind "overdue" (weekly while overdue)
 *   escalate  start of (due + escalateAfterOverdueDays), to the chair and coordinator
 * Each stage's `notBefore` is its start moved into working hours (`recipientTimeZone`, defaulting
 * to the cluster zone; for a recipient elsewhere the stage waits until the date has begun for them
 * too). Owner pings form one chain: once a later one is due, the earlier one is
 * obsolete, so a scheduler that was down for a month sends one current ping, not a backlog.
 * `createdAt`, when given, skips the due-soon ping for a measure created after it would have gone
 * out: the assignment message already named the due date.
 */
export function measureNotifications(input: {
  measureId: string;
  dueDate: string;
  status: MeasureStatus;
  now: Date;
  timeZone: string;
  settings: FollowUpSettings;
  recipientTimeZone?: string;
  createdAt?: Date;
}): MeasureNotification[] {
  const { measureId, dueDate, now, timeZone, settings } = input;
  if (input.status === "DONE" || input.status === "CANCELLED") return [];
  if (!isLocalDate(dueDate)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${dueDate}`);
  const recipientZone = input.recipientTimeZone ?? timeZone;
  // A stage starts when its date has begun both in the cluster zone (where the due date is meant)
  // and for the recipient: someone in New York hears "due today" on the day, not the evening before.
  const dayStart = (daysFromDue: number, zone: string) => {
    const date = addDaysToDate(dueDate, daysFromDue);
    const inCluster = zonedToUtc(date, "00:00", timeZone);
    if (zone === timeZone) return inCluster;
    const forRecipient = zonedToUtc(date, "00:00", zone);
    return forRecipient > inCluster ? forRecipient : inCluster;
  };
  const stage = (suffix: string, kind: NotificationKind, daysFromDue: number, zone = recipientZone) => {
    const nominal = dayStart(daysFromDue, zone);
    const notBefore = nextWorkingTime(nominal, zone, settings.workingHours);
    return { key: `measure:${measureId}:${suffix}`, kind, notBefore, nominal };
  };
  const isDue = (n: { notBefore: Date }) => n.notBefore.getTime() <= now.getTime();

  const chain = [stage("due-7d", "due-soon", -settings.remindDaysBefore), stage("due-0d", "due-today", 0)];
  // Weekly overdue pings. A week whose date has not come is not due; one more than two weeks back is
  // always due (working hours delay a ping by under ten days) and so obsoletes all before it. Three
  // candidates are enough, however long the measure has been overdue.
  const daysOverdue = daysBetweenDates(dueDate, utcToZoned(now, timeZone).date);
  const lastWeek = Math.floor(daysOverdue / 7);
  for (let week = Math.max(1, lastWeek - 2); week <= lastWeek; week += 1) {
    chain.push(stage(`overdue-w${week}`, "overdue", 7 * week));
  }
  const created = input.createdAt?.getTime();
  const owner = chain.filter((n, i) => {
    if (!isDue(n) || chain.slice(i + 1).some(isDue)) return false;
    return !(n.kind === "due-soon" && created !== undefined && created >= n.nominal.getTime());
  });

  // Escalation goes to the cluster's chair and coordinator, so it follows the cluster's zone.
  const escalation = stage("escalate", "escalate", settings.escalateAfterOverdueDays, timeZone);
  const all = isDue(escalation) ? [...owner, escalation] : owner;
  return all.map(({ key, kind, notBefore }) => ({ key, kind, notBefore }));
}
