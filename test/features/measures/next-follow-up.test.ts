// The due-driven tick trusts `nextFollowUpAt`: between now and that moment the policy has nothing
// new to say. Walked hour by hour through a measure's life, the pings the policy holds change only
// at the moments `nextFollowUpAt` named — in the cluster's zone and for an owner elsewhere.
import { describe, expect, it } from "vitest";
import {
  measureNotifications,
  nextFollowUpAt,
} from "../../../src/features/measures/domain/follow-up-policy.ts";
import { DEFAULT_FOLLOW_UP_SETTINGS } from "../../../src/kernel/domain/cluster-settings.ts";

const HOUR = 3_600_000;
const input = (now: Date, recipientTimeZone?: string) => ({
  measureId: "m1",
  dueDate: "2027-05-14",
  status: "STARTED" as const,
  now,
  timeZone: "Europe/Helsinki",
  settings: DEFAULT_FOLLOW_UP_SETTINGS,
  recipientTimeZone,
  createdAt: new Date("2027-04-01T08:00:00Z"),
});

describe("nextFollowUpAt", () => {
  it("names the next ping's moment: due-soon at 08:00 local a week before", () => {
    expect(nextFollowUpAt(input(new Date("2027-05-03T06:00:00Z")))).toEqual(new Date("2027-05-07T05:00:00Z"));
  });

  it("is null once the measure is closed", () => {
    expect(nextFollowUpAt({ ...input(new Date("2027-05-03T06:00:00Z")), status: "DONE" })).toBeNull();
  });

  for (const zone of [undefined, "America/New_York", "Asia/Tokyo"]) {
    it(`never misses a change of the policy's answer (owner zone ${zone ?? "the cluster's"})`, () => {
      const keys = (t: Date) =>
        measureNotifications(input(t, zone))
          .map((n) => n.key)
          .join(",");
      let t = new Date("2027-04-20T00:00:00Z");
      let next = nextFollowUpAt(input(t, zone));
      let held = keys(t);
      let changes = 0;
      for (let step = 0; step < 24 * 80; step += 1) {
        const later = new Date(t.getTime() + HOUR);
        const now = keys(later);
        if (now !== held) {
          // A change is only ever seen once the named moment has come.
          expect(next).not.toBeNull();
          expect(next!.getTime()).toBeLessThanOrEqual(later.getTime());
          changes += 1;
        }
        if (next && next.getTime() <= later.getTime()) next = nextFollowUpAt(input(later, zone));
        expect(next === null || next.getTime() > later.getTime()).toBe(true);
        held = now;
        t = later;
      }
      expect(changes).toBeGreaterThanOrEqual(8); // due-soon, due-today, escalate, the weekly overdue ones
    });
  }
});
