// When the bot reminds measure owners. Clusters decide measures twice a year and too often nothing
// follows; gentle, predictable pings are the cure, but never on a Saturday evening. Every ping has a
// stable key so the outbox sends it once however often the scheduler asks.
import type { FollowUpSettings } from "../../../kernel/domain/cluster-settings.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import {
  addDaysToDate,
  daysBetweenDates,
  isLocalDate,
  utcToZoned,
  zonedToUtc,
} from "../../../kernel/domain/zoned-time.ts";

export const MEASURE_STATUSES = ["PLANNED", "STARTED", "BLOCKED", "DONE", "CANCELLED"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export type NotificationKind = "due-soon" | "due-today" | "overdue" | "escalate";
export type MeasureNotification = { key: string; kind: NotificationKind; notBefore: Date };

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
export function measureNotifications(input: FollowUpInput): MeasureNotification[] {
  if (input.status === "DONE" || input.status === "CANCELLED") return [];
  const { now } = input;
  const { chain, escalation } = followUpStages(input, 0);
  const isDue = (n: { notBefore: Date }) => n.notBefore.getTime() <= now.getTime();
  const created = input.createdAt?.getTime();
  const owner = chain.filter((n, i) => {
    if (!isDue(n) || chain.slice(i + 1).some(isDue)) return false;
    return !(n.kind === "due-soon" && created !== undefined && created >= n.nominal.getTime());
  });
  const all = isDue(escalation) ? [...owner, escalation] : owner;
  return all.map(({ key, kind, notBefore }) => ({ key, kind, notBefore }));
}

/**
 * The next moment after `now` at which `measureNotifications` will hold a ping it does not hold at
 * `now` (a stage's `notBefore`), or null when none can come (closed). The follow-up tick stores it
 * as the measure's `nextFollowUpAt`, so a quiet tick reads only the measures that are due.
 */
export function nextFollowUpAt(input: FollowUpInput): Date | null {
  if (input.status === "DONE" || input.status === "CANCELLED") return null;
  const { chain, escalation } = followUpStages(input, 1);
  const later = [...chain, escalation]
    .map((n) => n.notBefore.getTime())
    .filter((t) => t > input.now.getTime());
  // Weekly overdue pings never end while the measure is open, so there is always a next one.
  return later.length === 0 ? null : new Date(Math.min(...later));
}

type FollowUpInput = {
  measureId: string;
  dueDate: string;
  status: MeasureStatus;
  now: Date;
  timeZone: string;
  settings: FollowUpSettings;
  recipientTimeZone?: string;
  createdAt?: Date;
};
type Stage = MeasureNotification & { nominal: Date };

/** The owner chain (oldest first, up to `weeksAhead` overdue weeks past the current one) and the escalation. */
function followUpStages(input: FollowUpInput, weeksAhead: number): { chain: Stage[]; escalation: Stage } {
  const { measureId, dueDate, now, timeZone, settings } = input;
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
  const stage = (
    suffix: string,
    kind: NotificationKind,
    daysFromDue: number,
    zone = recipientZone,
  ): Stage => {
    const nominal = dayStart(daysFromDue, zone);
    const notBefore = nextWorkingTime(nominal, zone, settings.workingHours);
    return { key: `measure:${measureId}:${suffix}`, kind, notBefore, nominal };
  };

  const chain = [stage("due-7d", "due-soon", -settings.remindDaysBefore), stage("due-0d", "due-today", 0)];
  // Weekly overdue pings. A week whose date has not come is not due; one more than two weeks back is
  // always due (working hours delay a ping by under ten days) and so obsoletes all before it. Three
  // candidates are enough, however long the measure has been overdue.
  const daysOverdue = daysBetweenDates(dueDate, utcToZoned(now, timeZone).date);
  const lastWeek = Math.floor(daysOverdue / 7);
  for (let week = Math.max(1, lastWeek - 2); week <= Math.max(lastWeek + weeksAhead, 0); week += 1) {
    chain.push(stage(`overdue-w${week}`, "overdue", 7 * week));
  }
  // Escalation goes to the cluster's chair and coordinator, so it follows the cluster's zone.
  const escalation = stage("escalate", "escalate", settings.escalateAfterOverdueDays, timeZone);
  return { chain, escalation };
}
