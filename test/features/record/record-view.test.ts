// The meeting record's notification text: a summary a screen reader can use, not the heading alone.
import { describe, expect, it } from "vitest";
import type { MeetingRecord } from "../../../src/features/record/app/load-meeting-record.ts";
import { recordView } from "../../../src/features/record/surface/record-view.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";

const record: MeetingRecord = {
  meeting: { id: "m1", title: "Spring meeting", status: "HELD", startsAt: null, location: null },
  cluster: { id: "c1", name: "Energy", timeZone: "Europe/Helsinki", locale: "en" },
  members: [
    { personId: "p1", name: "Aino", present: true },
    { personId: "p2", name: "Olli", present: true },
    { personId: "p3", name: "Emma", present: false },
  ],
  decisions: [{ id: "d1", text: "Start the welding course", itemTitle: "Welders" }],
  items: [
    { id: "i1", title: "Welders", kind: "TOPIC", status: "DISCUSSED" },
    { id: "i2", title: "Hydrogen skills", kind: "TOPIC", status: "DEFERRED" },
  ] as MeetingRecord["items"],
};

describe("the meeting record view", () => {
  it("gives notifications the attendance, the decision count and each item's outcome", () => {
    const { fallback } = recordView(record, translator("en"), "en");
    expect(fallback).toContain("Present (2): Aino, Olli");
    expect(fallback).toContain("Decisions*: 1");
    expect(fallback).toContain("• 1. Welders — ");
    expect(fallback).toContain("• 2. Hydrogen skills — ");
  });
});
