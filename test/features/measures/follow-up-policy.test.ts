import { describe, expect, it } from "vitest";
import {
  type MeasureStatus,
  measureNotifications,
} from "../../../src/features/measures/domain/follow-up-policy.ts";
import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  FollowUpSettingsSchema,
} from "../../../src/kernel/domain/cluster-settings.ts";
import { isWithinWorkingHours, nextWorkingTime } from "../../../src/kernel/domain/working-hours.ts";
import { utcToZoned, zonedToUtc } from "../../../src/kernel/domain/zoned-time.ts";

const HKI = "Europe/Helsinki";
const HOUR = 3_600_000;
const hours = DEFAULT_FOLLOW_UP_SETTINGS.workingHours;
const at = (date: string, time: string, zone = HKI) => zonedToUtc(date, time, zone);
const local = (instant: Date, zone = HKI) => {
  const z = utcToZoned(instant, zone);
  return `${z.date} ${z.time}`;
};

const notify = (
  now: Date,
  dueDate: string,
  extra: Partial<Parameters<typeof measureNotifications>[0]> = {},
) =>
  measureNotifications({
    measureId: "m1",
    dueDate,
    status: "STARTED",
    now,
    timeZone: HKI,
    settings: DEFAULT_FOLLOW_UP_SETTINGS,
    ...extra,
  });

/** Ticks the clock hourly like the scheduler and records when each key is first seen (outbox insert). */
function travel(
  from: Date,
  days: number,
  dueDate: string,
  extra: Partial<Parameters<typeof notify>[2]> = {},
) {
  const firstSeen = new Map<string, Date>();
  for (let t = from.getTime(); t <= from.getTime() + days * 24 * HOUR; t += HOUR) {
    for (const n of notify(new Date(t), dueDate, extra)) {
      expect(n.notBefore.getTime()).toBeLessThanOrEqual(t);
      if (!firstSeen.has(n.key)) firstSeen.set(n.key, new Date(t));
    }
  }
  return firstSeen;
}

describe("follow-up settings", () => {
  it("fills every default from an empty object", () => {
    expect(FollowUpSettingsSchema.parse({})).toEqual({
      remindDaysBefore: 7,
      escalateAfterOverdueDays: 14,
      workingHours: { start: "08:00", end: "18:00", days: [1, 2, 3, 4, 5] },
      digestEveryDays: 7,
    });
  });

  it("keeps inner defaults when only part of the working hours is set", () => {
    const settings = FollowUpSettingsSchema.parse({ workingHours: { start: "09:00", days: [5, 1, 1] } });
    expect(settings.workingHours).toEqual({ start: "09:00", end: "18:00", days: [1, 5] });
  });

  it("rejects nonsense", () => {
    expect(FollowUpSettingsSchema.safeParse({ workingHours: { start: "18:00", end: "08:00" } }).success).toBe(
      false,
    );
    expect(FollowUpSettingsSchema.safeParse({ workingHours: { days: [] } }).success).toBe(false);
    expect(FollowUpSettingsSchema.safeParse({ workingHours: { days: [0] } }).success).toBe(false);
    expect(FollowUpSettingsSchema.safeParse({ remindDaysBefore: 0 }).success).toBe(false);
    expect(FollowUpSettingsSchema.safeParse({ escalateAfterOverdueDays: 2.5 }).success).toBe(false);
  });
});

describe("working hours", () => {
  it("knows the inside from the outside", () => {
    expect(isWithinWorkingHours(at("2027-05-05", "08:00"), HKI, hours)).toBe(true);
    expect(isWithinWorkingHours(at("2027-05-05", "17:59"), HKI, hours)).toBe(true);
    expect(isWithinWorkingHours(at("2027-05-05", "18:00"), HKI, hours)).toBe(false);
    expect(isWithinWorkingHours(at("2027-05-05", "07:59"), HKI, hours)).toBe(false);
    expect(isWithinWorkingHours(at("2027-05-08", "10:00"), HKI, hours)).toBe(false); // Saturday
  });

  it("moves evenings, nights and weekends to the next working morning", () => {
    const inside = at("2027-05-05", "11:15");
    expect(nextWorkingTime(inside, HKI, hours)).toBe(inside);
    expect(local(nextWorkingTime(at("2027-05-05", "20:00"), HKI, hours))).toBe("2027-05-06 08:00");
    expect(local(nextWorkingTime(at("2027-05-06", "06:30"), HKI, hours))).toBe("2027-05-06 08:00");
    expect(local(nextWorkingTime(at("2027-05-07", "18:00"), HKI, hours))).toBe("2027-05-10 08:00");
    expect(local(nextWorkingTime(at("2027-05-08", "10:00"), HKI, hours))).toBe("2027-05-10 08:00");
    expect(local(nextWorkingTime(at("2027-05-09", "23:59"), HKI, hours))).toBe("2027-05-10 08:00");
  });

  it("lands on 08:00 local across a DST weekend", () => {
    // Spring: Saturday on EET (+2), Monday on EEST (+3).
    expect(nextWorkingTime(at("2027-03-27", "12:00"), HKI, hours).toISOString()).toBe(
      "2027-03-29T05:00:00.000Z",
    );
    // Autumn: Saturday on EEST, Monday on EET.
    expect(nextWorkingTime(at("2027-10-30", "12:00"), HKI, hours).toISOString()).toBe(
      "2027-11-01T06:00:00.000Z",
    );
  });

  it("uses the zone it is given, with custom days", () => {
    const ny = "America/New_York";
    const friday1500Helsinki = at("2027-05-07", "15:00"); // 08:00 in New York
    expect(isWithinWorkingHours(friday1500Helsinki, ny, hours)).toBe(true);
    const sundayOnly = { start: "10:00", end: "12:00", days: [7] };
    expect(local(nextWorkingTime(at("2027-05-05", "10:00", ny), ny, sundayOnly), ny)).toBe(
      "2027-05-09 10:00",
    );
  });
});

describe("measureNotifications", () => {
  it("pings a week before, on the day, weekly while overdue, and escalates once", () => {
    // Due Wednesday 2027-03-31, three days after the spring change.
    const seen = travel(at("2027-03-20", "00:00"), 42, "2027-03-31");
    const when = Object.fromEntries([...seen].map(([key, date]) => [key, local(date)]));
    expect(when).toEqual({
      "measure:m1:due-7d": "2027-03-24 08:00",
      "measure:m1:due-0d": "2027-03-31 08:00",
      "measure:m1:overdue-w1": "2027-04-07 08:00",
      "measure:m1:overdue-w2": "2027-04-14 08:00",
      "measure:m1:escalate": "2027-04-14 08:00",
      "measure:m1:overdue-w3": "2027-04-21 08:00",
      "measure:m1:overdue-w4": "2027-04-28 08:00",
    });
  });

  it("never pings on a weekend or in the evening: a Saturday due date is told on Monday morning", () => {
    // Due Saturday 2027-05-15: both the 7-day and the due-date ping fall on a Saturday.
    const seen = travel(at("2027-05-08", "00:00"), 10, "2027-05-15");
    expect([...seen.keys()]).toEqual(["measure:m1:due-7d", "measure:m1:due-0d"]);
    expect(local(seen.get("measure:m1:due-7d")!)).toBe("2027-05-10 08:00");
    expect(local(seen.get("measure:m1:due-0d")!)).toBe("2027-05-17 08:00");
    for (const first of seen.values()) {
      expect(isWithinWorkingHours(first, HKI, hours)).toBe(true);
    }
    expect(notify(at("2027-05-15", "20:00"), "2027-05-15").map((n) => n.kind)).toEqual(["due-soon"]);
    const monday = notify(at("2027-05-17", "08:00"), "2027-05-15");
    expect(monday).toEqual([
      { key: "measure:m1:due-0d", kind: "due-today", notBefore: at("2027-05-17", "08:00") },
    ]);
  });

  it("holds the due-date ping through the night until 08:00", () => {
    const kinds = (date: string, time: string) => notify(at(date, time), "2027-05-12").map((n) => n.kind);
    expect(kinds("2027-05-11", "20:00")).toEqual(["due-soon"]);
    expect(kinds("2027-05-12", "00:00")).toEqual(["due-soon"]);
    expect(kinds("2027-05-12", "07:59")).toEqual(["due-soon"]);
    expect(kinds("2027-05-12", "08:00")).toEqual(["due-today"]);
  });

  it("keeps 08:00 local in the DST week", () => {
    // Due on the spring-change Sunday: the day ping waits for Monday 08:00 EEST.
    const seen = travel(at("2027-03-19", "00:00"), 12, "2027-03-28");
    expect(seen.get("measure:m1:due-7d")!.toISOString()).toBe("2027-03-22T06:00:00.000Z");
    expect(seen.get("measure:m1:due-0d")!.toISOString()).toBe("2027-03-29T05:00:00.000Z");
  });

  it("sends only the current owner ping after downtime, plus the escalation", () => {
    const result = notify(at("2027-04-20", "12:00"), "2027-03-31");
    expect(result.map((n) => n.key)).toEqual(["measure:m1:overdue-w2", "measure:m1:escalate"]);
    expect(result[0]!.notBefore).toEqual(at("2027-04-14", "08:00"));
  });

  it("stops everything once the measure is done or cancelled", () => {
    for (const status of ["DONE", "CANCELLED"] as MeasureStatus[]) {
      expect(notify(at("2027-03-30", "12:00"), "2027-03-31", { status })).toEqual([]);
      expect(notify(at("2027-06-01", "12:00"), "2027-03-31", { status })).toEqual([]);
    }
    for (const status of ["PLANNED", "BLOCKED"] as MeasureStatus[]) {
      expect(notify(at("2027-06-01", "12:00"), "2027-03-31", { status }).length).toBeGreaterThan(0);
    }
  });

  it("escalates after the configured number of overdue days", () => {
    const settings = { ...DEFAULT_FOLLOW_UP_SETTINGS, escalateAfterOverdueDays: 3 };
    // Due Monday 2027-05-03: escalation on Thursday 08:00.
    const kinds = (date: string, time: string) =>
      notify(at(date, time), "2027-05-03", { settings }).map((n) => n.kind);
    expect(kinds("2027-05-05", "23:00")).toEqual(["due-today"]);
    expect(kinds("2027-05-06", "07:59")).toEqual(["due-today"]);
    expect(kinds("2027-05-06", "08:00")).toEqual(["due-today", "escalate"]);
    expect(kinds("2027-05-12", "09:00")).toEqual(["overdue", "escalate"]);
  });

  it("uses the reminder distance from the settings", () => {
    const settings = { ...DEFAULT_FOLLOW_UP_SETTINGS, remindDaysBefore: 2 };
    expect(notify(at("2027-05-10", "12:00"), "2027-05-12", { settings }).map((n) => n.key)).toEqual([
      "measure:m1:due-7d", // the key names the stage, not the distance, so changing the setting never re-sends
    ]);
    expect(notify(at("2027-05-07", "12:00"), "2027-05-12", { settings })).toEqual([]);
  });

  it("skips the early reminder for a measure assigned after it would have gone out", () => {
    const createdAt = at("2027-05-10", "09:00");
    expect(notify(at("2027-05-10", "10:00"), "2027-05-12", { createdAt })).toEqual([]);
    expect(notify(at("2027-05-10", "10:00"), "2027-05-12").map((n) => n.kind)).toEqual(["due-soon"]);
    expect(notify(at("2027-05-12", "10:00"), "2027-05-12", { createdAt }).map((n) => n.kind)).toEqual([
      "due-today",
    ]);
  });

  it("respects the owner's own working hours when they live elsewhere", () => {
    const ny = "America/New_York";
    // Due Wednesday in Helsinki; at 08:00 Helsinki it is 01:00 in New York.
    expect(notify(at("2027-05-12", "08:00"), "2027-05-12", { recipientTimeZone: ny })).toEqual([
      { key: "measure:m1:due-7d", kind: "due-soon", notBefore: at("2027-05-05", "08:00", ny) },
    ]);
    const [day] = notify(at("2027-05-12", "08:00", ny), "2027-05-12", { recipientTimeZone: ny });
    expect(day?.kind).toBe("due-today");
    expect(day?.notBefore).toEqual(at("2027-05-12", "08:00", ny));
  });

  it("gives the same keys however often it is asked", () => {
    const now = at("2027-04-20", "12:00");
    expect(notify(now, "2027-03-31")).toEqual(notify(now, "2027-03-31"));
    expect(() => notify(now, "31.3.2027")).toThrow(RangeError);
  });
});
