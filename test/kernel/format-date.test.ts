// Issue 12: due dates and term windows showed as `2027-02-02` and `02-01 – 05-31`, and the status card
// mixed two date styles. Every date a person reads goes through src/kernel/surface/format-date.ts.
import { describe, expect, it } from "vitest";
import { cycleTermsView } from "../../src/features/cycle/surface/cycle-view.ts";
import { measureListView } from "../../src/features/measures/surface/measure-views.ts";
import { formatInZone } from "../../src/kernel/domain/zoned-time.ts";
import { translator } from "../../src/kernel/i18n/catalog.ts";
import { formatDay, formatLocalDate, formatMonthDay } from "../../src/kernel/surface/format-date.ts";

describe("one date formatter", () => {
  it("writes a calendar date in each language, never as ISO, and never the day before", () => {
    expect(formatLocalDate("2027-02-02", "en")).toBe("Tue, 2 Feb 2027");
    expect(formatLocalDate("2027-02-02", "fi")).toBe("ti 2.2.2027");
    for (const locale of ["en", "fi", "sv", "nl"] as const) {
      expect(formatLocalDate("2027-02-02", locale)).not.toContain("2027-02-02");
      expect(formatLocalDate("2027-02-02", locale)).toContain("2");
    }
  });

  it("writes a term window's day of the year as a day and a month", () => {
    expect(formatMonthDay("02-01", "en")).toBe("1 Feb");
    expect(formatMonthDay("05-31", "fi")).toBe("31.5.");
    expect(formatMonthDay("02-29", "sv")).toBe("29 feb.");
    expect(formatMonthDay("12-24", "nl")).toBe("24 dec");
  });

  it("writes the day of an instant in the cluster's zone, in the same style as the other dates", () => {
    // 22:30 UTC on 1 Feb is already 2 Feb in Helsinki.
    const instant = new Date("2027-02-01T22:30:00Z");
    expect(formatDay(instant, "en", "Europe/Helsinki")).toBe(formatLocalDate("2027-02-02", "en"));
    expect(formatDay(instant, "fi", "Europe/Helsinki")).toBe(
      formatInZone(instant, "fi", "Europe/Helsinki", "date"),
    );
  });
});

describe("views use it", () => {
  it("the terms card shows '1.2. – 31.5.' in Finnish, not '02-01 – 05-31'", () => {
    const view = cycleTermsView(
      {
        clusterName: "Energia",
        timeZone: "Europe/Helsinki",
        kickoffWeeksBefore: 3,
        terms: [{ name: "spring", start: "02-01", end: "05-31" }],
      },
      translator("fi"),
      undefined,
      "fi",
    );
    const lines = view.elements.map((e) => ("text" in e ? e.text : ""));
    expect(lines).toContain("• kevät: 1.2. – 31.5.");
    // Only the hint that shows what to type keeps the MM-DD form.
    expect(lines.filter((l) => l.includes("02-01"))).toEqual([translator("fi")("cycle.editHint")]);
  });

  it("the measures register shows a due date in the reader's language", () => {
    const view = measureListView(
      "Energia",
      {
        rows: [
          {
            id: "m1",
            title: "Hitsauskurssi",
            ownerName: "Olli",
            dueDate: "2027-02-02",
            status: "PLANNED",
            progress: 0,
            overdue: false,
          } as never,
        ],
        total: 1,
        offset: 0,
        pageSize: 20,
      },
      "open",
      translator("fi"),
      "fi",
    );
    const shown = JSON.stringify(view.elements);
    expect(shown).toContain("ti 2.2.2027");
    expect(shown).not.toContain("2027-02-02");
  });
});
