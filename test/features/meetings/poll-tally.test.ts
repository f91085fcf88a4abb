import { describe, expect, it } from "vitest";
import {
  type PollVote,
  type SlotAnswer,
  tallyPoll,
} from "../../../src/features/meetings/domain/poll-tally.ts";

const slots = [
  { id: "tue", startsAt: new Date("2027-03-09T08:00:00Z") },
  { id: "wed", startsAt: new Date("2027-03-10T08:00:00Z") },
  { id: "thu", startsAt: new Date("2027-03-11T08:00:00Z") },
];
const members = ["anna", "bo", "cecilia", "dirk"];
const votes = (rows: [string, string, SlotAnswer][]): PollVote[] =>
  rows.map(([personId, slotId, answer]) => ({ personId, slotId, answer }));

describe("tallyPoll", () => {
  it("counts answers per slot and names the voters in member order", () => {
    const tally = tallyPoll({
      slots,
      memberIds: members,
      votes: votes([
        ["bo", "tue", "YES"],
        ["anna", "tue", "YES"],
        ["cecilia", "tue", "NO"],
        ["anna", "wed", "IF_NEED_BE"],
      ]),
    });
    const tue = tally.slots[0]!;
    expect(tue.counts).toEqual({ yes: 2, ifNeedBe: 0, no: 1 });
    expect(tue.voters).toEqual({ yes: ["anna", "bo"], ifNeedBe: [], no: ["cecilia"] });
    expect(tue.unansweredIds).toEqual(["dirk"]);
    expect(tally.slots[1]!.counts).toEqual({ yes: 0, ifNeedBe: 1, no: 0 });
    expect(tally.slots.map((s) => s.slotId)).toEqual(["tue", "wed", "thu"]);
    expect(tally.respondentIds).toEqual(["anna", "bo", "cecilia"]);
    expect(tally.pendingIds).toEqual(["dirk"]);
    expect(tally.everyoneAnswered).toBe(false);
    expect(tally.best?.slotId).toBe("tue");
  });

  it("suggests most yes, then most if-need-be, then fewest no, then the earliest", () => {
    const best = (rows: [string, string, SlotAnswer][]) =>
      tallyPoll({ slots, memberIds: members, votes: votes(rows) }).best?.slotId;
    expect(best([["anna", "thu", "YES"]])).toBe("thu");
    expect(
      best([
        ["anna", "tue", "YES"],
        ["anna", "thu", "YES"],
        ["bo", "thu", "IF_NEED_BE"],
      ]),
    ).toBe("thu");
    expect(
      best([
        ["anna", "tue", "YES"],
        ["anna", "wed", "YES"],
        ["bo", "tue", "NO"],
      ]),
    ).toBe("wed");
    // Full tie: the earliest, whatever order the slots came in.
    const reversed = tallyPoll({ slots: [...slots].reverse(), memberIds: members, votes: [] });
    expect(reversed.best?.slotId).toBe("tue");
  });

  it("ignores votes of people who are no longer members and votes for unknown slots", () => {
    const tally = tallyPoll({
      slots,
      memberIds: ["anna"],
      votes: votes([
        ["left-the-cluster", "wed", "YES"],
        ["left-the-cluster", "thu", "YES"],
        ["anna", "tue", "IF_NEED_BE"],
        ["anna", "gone-slot", "YES"],
      ]),
    });
    expect(tally.slots.map((s) => s.counts.yes)).toEqual([0, 0, 0]);
    expect(tally.best?.slotId).toBe("tue");
    expect(tally.respondentIds).toEqual(["anna"]);
  });

  it("lets a changed answer replace the earlier one", () => {
    const tally = tallyPoll({
      slots,
      memberIds: ["anna"],
      votes: votes([
        ["anna", "wed", "NO"],
        ["anna", "wed", "YES"],
      ]),
    });
    expect(tally.slots[1]!.counts).toEqual({ yes: 1, ifNeedBe: 0, no: 0 });
  });

  it("knows when everyone has answered every slot", () => {
    const all = members.flatMap((m) => slots.map((s): [string, string, SlotAnswer] => [m, s.id, "NO"]));
    expect(tallyPoll({ slots, memberIds: members, votes: votes(all) }).everyoneAnswered).toBe(true);
    const missingOne = all.slice(1);
    const partial = tallyPoll({ slots, memberIds: members, votes: votes(missingOne) });
    expect(partial.everyoneAnswered).toBe(false);
    expect(partial.pendingIds).toEqual([]); // anna answered two of three slots: not nudged
    expect(partial.slots[0]!.unansweredIds).toEqual(["anna"]);
  });

  it("handles an empty poll and an empty cluster", () => {
    const empty = tallyPoll({ slots: [], memberIds: members, votes: [] });
    expect(empty.best).toBeNull();
    expect(empty.everyoneAnswered).toBe(false);
    expect(empty.pendingIds).toEqual(members);
    const nobody = tallyPoll({ slots, memberIds: [], votes: [] });
    expect(nobody.everyoneAnswered).toBe(false);
    expect(nobody.best?.slotId).toBe("tue");
  });
});
