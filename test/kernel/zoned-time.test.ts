// Run under a non-UTC process zone (npm test sets TZ): these answers must not depend on it.
import { describe, expect, it } from "vitest";
import {
  addDaysToDate,
  addLocalDays,
  daysBetweenDates,
  formatInZone,
  isLocalDate,
  isLocalTime,
  startOfLocalDay,
  utcToZoned,
  weekdayOf,
  zoneAbbreviation,
  zonedToUtc,
} from "../../src/kernel/domain/zoned-time.ts";

const HKI = "Europe/Helsinki";
const AMS = "Europe/Amsterdam";
const iso = (d: Date) => d.toISOString();
const HOUR = 3_600_000;

describe("zonedToUtc / utcToZoned in Europe/Helsinki", () => {
  it("converts ordinary winter and summer times", () => {
    expect(iso(zonedToUtc("2027-03-10", "10:00", HKI))).toBe("2027-03-10T08:00:00.000Z");
    expect(iso(zonedToUtc("2027-07-01", "10:00", HKI))).toBe("2027-07-01T07:00:00.000Z");
    expect(utcToZoned(new Date("2027-07-01T07:00:00Z"), HKI)).toEqual({
      date: "2027-07-01",
      time: "10:00",
      weekday: 4,
      offsetMinutes: 180,
    });
  });

  it("springs forward on 2027-03-28: 03:00 local jumps to 04:00", () => {
    expect(utcToZoned(new Date("2027-03-28T00:59:00Z"), HKI)).toMatchObject({
      time: "02:59",
      offsetMinutes: 120,
    });
    expect(utcToZoned(new Date("2027-03-28T01:00:00Z"), HKI)).toMatchObject({
      date: "2027-03-28",
      time: "04:00",
      weekday: 7,
      offsetMinutes: 180,
    });
    expect(iso(zonedToUtc("2027-03-28", "02:59", HKI))).toBe("2027-03-28T00:59:00.000Z");
    expect(iso(zonedToUtc("2027-03-28", "04:00", HKI))).toBe("2027-03-28T01:00:00.000Z");
  });

  it("moves a time inside the gap forward to the first valid instant", () => {
    for (const time of ["03:00", "03:01", "03:30", "03:59"]) {
      const instant = zonedToUtc("2027-03-28", time, HKI);
      expect(iso(instant)).toBe("2027-03-28T01:00:00.000Z");
      expect(utcToZoned(instant, HKI).time).toBe("04:00");
    }
  });

  it("falls back on 2027-10-31 and takes the earlier of the repeated hour", () => {
    // 03:30 happens at 00:30Z (EEST, +3) and again at 01:30Z (EET, +2).
    expect(utcToZoned(new Date("2027-10-31T00:30:00Z"), HKI)).toMatchObject({
      time: "03:30",
      offsetMinutes: 180,
    });
    expect(utcToZoned(new Date("2027-10-31T01:30:00Z"), HKI)).toMatchObject({
      time: "03:30",
      offsetMinutes: 120,
    });
    expect(iso(zonedToUtc("2027-10-31", "03:30", HKI))).toBe("2027-10-31T00:30:00.000Z");
    expect(iso(zonedToUtc("2027-10-31", "02:59", HKI))).toBe("2027-10-30T23:59:00.000Z");
    expect(iso(zonedToUtc("2027-10-31", "04:00", HKI))).toBe("2027-10-31T02:00:00.000Z");
  });

  it("round-trips every quarter hour over both DST weekends", () => {
    for (const start of ["2027-03-27T00:00:00Z", "2027-10-30T00:00:00Z"]) {
      for (let t = Date.parse(start); t < Date.parse(start) + 72 * HOUR; t += HOUR / 4) {
        const local = utcToZoned(new Date(t), HKI);
        const back = zonedToUtc(local.date, local.time, HKI).getTime();
        // Only the second pass through the repeated hour maps back to its first pass.
        if (back !== t) expect(back).toBe(t - HOUR);
        expect(utcToZoned(new Date(back), HKI).time).toBe(local.time);
      }
    }
  });

  it("handles a US gap the same way", () => {
    expect(iso(zonedToUtc("2027-03-14", "02:30", "America/New_York"))).toBe("2027-03-14T07:00:00.000Z");
  });

  it("rejects malformed dates and times", () => {
    expect(() => zonedToUtc("2027-02-29", "10:00", HKI)).toThrow(RangeError);
    expect(() => zonedToUtc("2027-03-10", "24:00", HKI)).toThrow(RangeError);
    expect(() => zonedToUtc("10.3.2027", "10:00", HKI)).toThrow(RangeError);
    expect(() => zonedToUtc("2027-03-10", "10:00", "Mars/Olympus")).toThrow(RangeError);
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2027-13-01")).toBe(false);
    expect(isLocalTime("23:59")).toBe(true);
    expect(isLocalTime("9:00")).toBe(false);
  });
});

describe("local days", () => {
  it("keeps 10:00 local across the spring and autumn changes", () => {
    const before = zonedToUtc("2027-03-27", "10:00", HKI);
    const after = addLocalDays(before, 1, HKI);
    expect(iso(after)).toBe("2027-03-28T07:00:00.000Z");
    expect(after.getTime() - before.getTime()).toBe(23 * HOUR);
    expect(utcToZoned(addLocalDays(before, 7, HKI), HKI)).toMatchObject({
      date: "2027-04-03",
      time: "10:00",
    });
    const autumn = zonedToUtc("2027-10-30", "10:00", HKI);
    expect(addLocalDays(autumn, 1, HKI).getTime() - autumn.getTime()).toBe(25 * HOUR);
    expect(iso(addLocalDays(after, -1, HKI))).toBe(iso(before));
  });

  it("finds the start of the local day, not of the UTC day", () => {
    // 23:30 UTC on the 27th is already 01:30 on the 28th in Helsinki.
    expect(iso(startOfLocalDay(new Date("2027-03-27T23:30:00Z"), HKI))).toBe("2027-03-27T22:00:00.000Z");
    expect(iso(startOfLocalDay(new Date("2027-03-28T12:00:00Z"), HKI))).toBe("2027-03-27T22:00:00.000Z");
    expect(iso(startOfLocalDay(new Date("2027-03-29T12:00:00Z"), HKI))).toBe("2027-03-28T21:00:00.000Z");
  });

  it("does calendar arithmetic on dates", () => {
    expect(addDaysToDate("2027-03-31", 1)).toBe("2027-04-01");
    expect(addDaysToDate("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetweenDates("2027-03-25", "2027-04-01")).toBe(7);
    expect(weekdayOf("2027-03-29")).toBe(1);
    expect(weekdayOf("2027-03-28")).toBe(7);
  });
});

describe("formatInZone", () => {
  const meeting = zonedToUtc("2027-03-10", "10:00", HKI);

  it("shows the cluster's own time without a zone label", () => {
    expect(formatInZone(meeting, "fi", HKI, "dateTime", HKI)).toBe("ke 10.3.2027 klo 10.00");
    expect(formatInZone(meeting, "en", HKI, "dateTime", HKI)).toMatch(/^Wed,? 10 Mar 2027,? 10:00$/);
    expect(formatInZone(meeting, "fi", HKI, "date")).toBe("ke 10.3.2027");
  });

  it("shows a viewer in Amsterdam their own hour, labelled with their zone", () => {
    expect(formatInZone(meeting, "fi", AMS, "dateTime", HKI)).toBe("ke 10.3.2027 klo 09.00 CET");
    expect(formatInZone(meeting, "en", AMS, "dateTime", HKI)).toMatch(/10 Mar 2027,? 09:00 CET$/);
    expect(formatInZone(meeting, "nl", AMS, "dateTime", HKI)).toMatch(/^wo 10 mrt 2027,? 09:00 CET$/);
    expect(formatInZone(meeting, "sv", AMS, "time", HKI)).toBe("09.00 CET");
    const summer = zonedToUtc("2027-06-15", "10:00", HKI);
    expect(formatInZone(summer, "en", AMS, "time", HKI)).toBe("09:00 CEST");
    expect(formatInZone(summer, "en", HKI, "time", AMS)).toBe("10:00 EEST");
  });

  it("falls back to a UTC offset where no abbreviation is common", () => {
    expect(zoneAbbreviation(meeting, "Asia/Kolkata")).toBe("UTC+5:30");
    expect(zoneAbbreviation(meeting, "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(meeting, "America/Sao_Paulo")).toBe("UTC-3");
  });
});
