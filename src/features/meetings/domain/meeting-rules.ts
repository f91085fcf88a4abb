// The meeting cycle: which status changes are allowed, what a valid meeting plan is, and when the
// agenda and the reminders open and close. Slots are typed in the cluster's local time, because
// that is how people think of a meeting ("Tuesday at ten in Rovaniemi"), and stored as UTC.
import { z } from "zod";
import { addLocalDays, isLocalDate, isLocalTime, zonedToUtc } from "../../../kernel/domain/zoned-time.ts";

export { isAgendaOpen, MEETING_STATUSES, type MeetingStatus } from "../../../kernel/domain/meeting-status.ts";

import type { MeetingStatus } from "../../../kernel/domain/meeting-status.ts";

// SCHEDULED → SCHEDULED is a reschedule (new slot, higher iCalendar SEQUENCE). HELD and CANCELLED
// are final: a cancelled meeting is planned again as a new meeting, so old invitations stay dead.
const NEXT: Record<MeetingStatus, readonly MeetingStatus[]> = {
  POLLING: ["SCHEDULED", "CANCELLED"],
  SCHEDULED: ["SCHEDULED", "HELD", "CANCELLED"],
  HELD: [],
  CANCELLED: [],
};

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return NEXT[from].includes(to);
}

export const MIN_SLOTS = 2;
export const MAX_SLOTS = 10;
export const TITLE_MIN = 2;
export const TITLE_MAX = 120;

// Forms send "" for a field left empty; that means "not given", not "invalid".
const emptyToUndefined = (value: string | undefined) => (value ? value : undefined);

const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return url.protocol === "https:" && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Must be an https:// link");

export const PlannedSlotSchema = z.object({
  date: z.string().trim().refine(isLocalDate, "Must be a date YYYY-MM-DD"),
  time: z.string().trim().refine(isLocalTime, "Must be a time HH:MM"),
  // Slack and Teams forms deliver numbers as text.
  durationMinutes: z.coerce.number().int().min(15).max(600),
  place: z.string().trim().max(200).optional().transform(emptyToUndefined),
  onlineUrl: httpsUrl.optional().transform(emptyToUndefined),
});
export type PlannedSlotInput = z.input<typeof PlannedSlotSchema>;
export type PlannedSlot = z.output<typeof PlannedSlotSchema>;

export type PlanProblemCode =
  | "TITLE"
  | "SLOT_COUNT"
  | "SLOT_IN_PAST"
  | "DUPLICATE_SLOT"
  | "DEADLINE_IN_PAST"
  | "DEADLINE_AFTER_SLOT"
  | "BAD_DATE"
  /** Duration, place or link of a slot out of bounds (the date and time parse). */
  | "BAD_SLOT";
export type PlanProblem = { field: string; code: PlanProblemCode };

export type ValidSlot = {
  startsAt: Date;
  durationMinutes: number;
  /** What goes into MeetingSlot.location: the place, the link, or both joined by " · ". */
  location: string | null;
  place: string | null;
  onlineUrl: string | null;
};
export type MeetingPlan = { title: string; slots: ValidSlot[]; agendaDeadline: Date | null };
export type PlanResult = { ok: true; value: MeetingPlan } | { ok: false; problems: PlanProblem[] };

/**
 * Checks a plan as the organiser typed it. All problems are reported at once, each with the form
 * field it belongs to ("title", "slots", "slots.2.date", "slots.2", "agendaDeadline"), so a form can
 * mark every wrong field in one round trip. A slot time inside a DST gap moves to the first valid
 * instant (see zonedToUtc); an ambiguous one takes the earlier occurrence.
 */
export function validateMeetingPlan(input: {
  title: string;
  slots: readonly PlannedSlotInput[];
  agendaDeadline?: { date: string; time: string } | null;
  timeZone: string;
  now: Date;
}): PlanResult {
  const problems: PlanProblem[] = [];
  const title = input.title.trim();
  const titleLength = [...title].length;
  if (titleLength < TITLE_MIN || titleLength > TITLE_MAX) problems.push({ field: "title", code: "TITLE" });
  if (input.slots.length < MIN_SLOTS || input.slots.length > MAX_SLOTS)
    problems.push({ field: "slots", code: "SLOT_COUNT" });

  const slots: ValidSlot[] = [];
  const seen = new Set<number>();
  input.slots.forEach((raw, index) => {
    const parsed = PlannedSlotSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        const code = key === "date" || key === "time" || key === "" ? "BAD_DATE" : "BAD_SLOT";
        problems.push({ field: key ? `slots.${index}.${key}` : `slots.${index}`, code });
      }
      return;
    }
    const slot = parsed.data;
    const startsAt = zonedToUtc(slot.date, slot.time, input.timeZone);
    if (startsAt.getTime() <= input.now.getTime())
      problems.push({ field: `slots.${index}`, code: "SLOT_IN_PAST" });
    if (seen.has(startsAt.getTime())) problems.push({ field: `slots.${index}`, code: "DUPLICATE_SLOT" });
    seen.add(startsAt.getTime());
    const place = slot.place ?? null;
    const onlineUrl = slot.onlineUrl ?? null;
    const location = [place, onlineUrl].filter((part) => part !== null).join(" · ") || null;
    slots.push({ startsAt, durationMinutes: slot.durationMinutes, location, place, onlineUrl });
  });

  let agendaDeadline: Date | null = null;
  const deadline = input.agendaDeadline;
  if (deadline) {
    if (!isLocalDate(deadline.date.trim()) || !isLocalTime(deadline.time.trim())) {
      problems.push({ field: "agendaDeadline", code: "BAD_DATE" });
    } else {
      agendaDeadline = zonedToUtc(deadline.date.trim(), deadline.time.trim(), input.timeZone);
      const earliest = Math.min(...slots.map((s) => s.startsAt.getTime()));
      if (agendaDeadline.getTime() <= input.now.getTime())
        problems.push({ field: "agendaDeadline", code: "DEADLINE_IN_PAST" });
      else if (agendaDeadline.getTime() >= earliest)
        problems.push({ field: "agendaDeadline", code: "DEADLINE_AFTER_SLOT" });
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { title, slots, agendaDeadline } };
}

export const REMINDER_DAYS_BEFORE = [7, 1] as const;
export type MeetingReminder = { daysBefore: (typeof REMINDER_DAYS_BEFORE)[number]; at: Date };

/**
 * When to remind members of a scheduled meeting: 7 days and 1 day before, at the meeting's own
 * wall-clock time in the cluster zone (a 10:00 meeting is reminded at 10:00, even across a DST
 * change). Reminders already in the past when the meeting is scheduled are the caller's to skip.
 */
export function reminderTimes(startsAt: Date, timeZone: string): MeetingReminder[] {
  return REMINDER_DAYS_BEFORE.map((daysBefore) => ({
    daysBefore,
    at: addLocalDays(startsAt, -daysBefore, timeZone),
  }));
}

/** A meeting can be recorded from a little before it starts (the secretary opens the record). */
export const RECORD_OPENS_MINUTES_BEFORE = 120;

export function isRecordable(status: MeetingStatus, startsAt: Date | null, now: Date): boolean {
  if (status === "HELD") return true;
  if (status !== "SCHEDULED" || !startsAt) return false;
  return now.getTime() >= startsAt.getTime() - RECORD_OPENS_MINUTES_BEFORE * 60_000;
}

/** The latest instant a scheduled meeting may start and still be recorded now. */
export function recordableUntil(now: Date): Date {
  return new Date(now.getTime() + RECORD_OPENS_MINUTES_BEFORE * 60_000);
}
