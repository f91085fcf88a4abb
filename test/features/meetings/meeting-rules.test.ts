import { describe, expect, it } from "vitest";
import {
  canTransition,
  isAgendaOpen,
  MEETING_STATUSES,
  type PlannedSlotInput,
  PlannedSlotSchema,
  reminderTimes,
  validateMeetingPlan,
} from "../../../src/features/meetings/domain/meeting-rules.ts";

const HKI = "Europe/Helsinki";
const now = new Date("2027-02-01T10:00:00Z");
const slot = (date: string, time = "10:00", extra: Partial<PlannedSlotInput> = {}): PlannedSlotInput => ({
  date,
  time,
  durationMinutes: 120,
  ...extra,
});
const plan = (overrides: Partial<Parameters<typeof validateMeetingPlan>[0]> = {}) =>
  validateMeetingPlan({
    title: "Kevät 2027",
    slots: [slot("2027-03-09"), slot("2027-03-10")],
    timeZone: HKI,
    now,
    ...overrides,
  });
const codes = (result: ReturnType<typeof validateMeetingPlan>) =>
  result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`);

describe("meeting status transitions", () => {
  it("allows only the cycle's moves", () => {
    const allowed = MEETING_STATUSES.flatMap((from) =>
      MEETING_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "POLLING->SCHEDULED",
        "POLLING->CANCELLED",
        "SCHEDULED->SCHEDULED",
        "SCHEDULED->HELD",
        "SCHEDULED->CANCELLED",
      ].sort(),
    );
  });
});

describe("validateMeetingPlan", () => {
  it("converts slots from the cluster's local time and keeps place and link", () => {
    const result = plan({
      title: "  Kevät 2027  ",
      slots: [
        slot("2027-03-09", "10:00", { place: "Rovaniemi, Lapin materiaalipankki", onlineUrl: "" }),
        slot("2027-04-01", "13:30", {
          durationMinutes: "90",
          onlineUrl: "https://meet.example/abc",
          place: " ",
        }),
        slot("2027-04-02", "09:00", { place: "Kemi", onlineUrl: "https://meet.example/x" }),
      ],
      agendaDeadline: { date: "2027-03-01", time: "16:00" },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.title).toBe("Kevät 2027");
    const [winter, summer, both] = result.value.slots;
    expect(winter).toEqual({
      startsAt: new Date("2027-03-09T08:00:00Z"),
      durationMinutes: 120,
      location: "Rovaniemi, Lapin materiaalipankki",
      place: "Rovaniemi, Lapin materiaalipankki",
      onlineUrl: null,
    });
    // After the spring change Helsinki is UTC+3.
    expect(summer?.startsAt).toEqual(new Date("2027-04-01T10:30:00Z"));
    expect(summer?.durationMinutes).toBe(90);
    expect(summer?.location).toBe("https://meet.example/abc");
    expect(both?.location).toBe("Kemi · https://meet.example/x");
    expect(result.value.agendaDeadline).toEqual(new Date("2027-03-01T14:00:00Z"));
  });

  it("has no deadline when none is given", () => {
    const result = plan({ agendaDeadline: null });
    expect(result.ok && result.value.agendaDeadline).toBeNull();
  });

  it("checks the title length", () => {
    expect(codes(plan({ title: " K " }))).toEqual(["title:TITLE"]);
    expect(codes(plan({ title: "x".repeat(121) }))).toEqual(["title:TITLE"]);
    expect(plan({ title: "ä".repeat(120) }).ok).toBe(true);
  });

  it("wants 2 to 10 slots", () => {
    expect(codes(plan({ slots: [slot("2027-03-09")] }))).toEqual(["slots:SLOT_COUNT"]);
    const eleven = Array.from({ length: 11 }, (_, i) => slot(`2027-03-${String(10 + i)}`));
    expect(codes(plan({ slots: eleven }))).toEqual(["slots:SLOT_COUNT"]);
    expect(plan({ slots: eleven.slice(0, 10) }).ok).toBe(true);
  });

  it("refuses past and duplicate slots", () => {
    expect(codes(plan({ slots: [slot("2027-02-01", "11:00"), slot("2027-03-09")] }))).toEqual([
      "slots.0:SLOT_IN_PAST",
    ]);
    // 12:00 in Helsinki on Feb 1st is exactly `now`: not in the future.
    expect(codes(plan({ slots: [slot("2027-02-01", "12:00"), slot("2027-03-09")] }))).toEqual([
      "slots.0:SLOT_IN_PAST",
    ]);
    const dup = plan({
      slots: [slot("2027-03-09"), slot("2027-03-10"), slot("2027-03-09", "10:00", { durationMinutes: 60 })],
    });
    expect(codes(dup)).toEqual(["slots.2:DUPLICATE_SLOT"]);
  });

  it("names bad dates, times and slot details by field", () => {
    const result = plan({
      slots: [
        slot("2027-02-30"),
        slot("2027-03-10", "25:00"),
        slot("2027-03-11", "10:00", { durationMinutes: 10 }),
        slot("2027-03-12", "10:00", { onlineUrl: "http://insecure.example" }),
        slot("2027-03-13", "10:00", { place: "p".repeat(201) }),
        slot("2027-03-14", "10:00", { onlineUrl: "javascript:alert(1)" }),
      ],
    });
    expect(codes(result)).toEqual([
      "slots.0.date:BAD_DATE",
      "slots.1.time:BAD_DATE",
      "slots.2.durationMinutes:BAD_SLOT",
      "slots.3.onlineUrl:BAD_SLOT",
      "slots.4.place:BAD_SLOT",
      "slots.5.onlineUrl:BAD_SLOT",
    ]);
  });

  it("wants the agenda deadline in the future and before the earliest slot", () => {
    expect(codes(plan({ agendaDeadline: { date: "2027-01-31", time: "12:00" } }))).toEqual([
      "agendaDeadline:DEADLINE_IN_PAST",
    ]);
    expect(codes(plan({ agendaDeadline: { date: "2027-03-09", time: "10:00" } }))).toEqual([
      "agendaDeadline:DEADLINE_AFTER_SLOT",
    ]);
    expect(codes(plan({ agendaDeadline: { date: "2027-03-20", time: "10:00" } }))).toEqual([
      "agendaDeadline:DEADLINE_AFTER_SLOT",
    ]);
    expect(codes(plan({ agendaDeadline: { date: "2027-03-32", time: "10:00" } }))).toEqual([
      "agendaDeadline:BAD_DATE",
    ]);
    expect(plan({ agendaDeadline: { date: "2027-03-09", time: "09:59" } }).ok).toBe(true);
  });

  it("reports every problem at once", () => {
    const result = plan({
      title: "",
      slots: [slot("2026-12-24")],
      agendaDeadline: { date: "2027-01-01", time: "08:00" },
    });
    expect(codes(result)).toEqual([
      "title:TITLE",
      "slots:SLOT_COUNT",
      "slots.0:SLOT_IN_PAST",
      "agendaDeadline:DEADLINE_IN_PAST",
    ]);
  });

  it("moves a slot typed inside the DST gap to the first valid instant", () => {
    const result = plan({ slots: [slot("2027-03-28", "03:30"), slot("2027-03-29")] });
    expect(result.ok && result.value.slots[0]?.startsAt).toEqual(new Date("2027-03-28T01:00:00Z"));
  });

  it("parses form text for the duration", () => {
    expect(
      PlannedSlotSchema.parse(slot("2027-03-09", "10:00", { durationMinutes: "45" })).durationMinutes,
    ).toBe(45);
    expect(PlannedSlotSchema.safeParse(slot("2027-03-09", "10:00", { durationMinutes: "" })).success).toBe(
      false,
    );
  });
});

describe("agenda and reminders", () => {
  it("keeps the agenda open until the deadline", () => {
    const deadline = new Date("2027-03-01T14:00:00Z");
    expect(isAgendaOpen(deadline, new Date("2027-03-01T13:59:59Z"))).toBe(true);
    expect(isAgendaOpen(deadline, deadline)).toBe(false);
    expect(isAgendaOpen(null, new Date("2099-01-01T00:00:00Z"))).toBe(true);
  });

  it("reminds 7 days and 1 day before at the same local hour, across the DST change", () => {
    // 10:00 EEST on April 1st; a week earlier Helsinki was still on EET.
    const startsAt = new Date("2027-04-01T07:00:00Z");
    expect(reminderTimes(startsAt, HKI)).toEqual([
      { daysBefore: 7, at: new Date("2027-03-25T08:00:00Z") },
      { daysBefore: 1, at: new Date("2027-03-31T07:00:00Z") },
    ]);
  });
});
