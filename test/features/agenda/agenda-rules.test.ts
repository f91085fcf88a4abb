import { describe, expect, it } from "vitest";
import {
  acceptsAgendaItems,
  curatedStatus,
  moveInOrder,
  orderAgenda,
} from "../../../src/features/agenda/domain/agenda-rules.ts";
import { isRecordable } from "../../../src/features/meetings/domain/meeting-rules.ts";

const at = (iso: string) => new Date(iso);

describe("agenda rules", () => {
  it("takes items while the meeting is upcoming and before its deadline", () => {
    const deadline = at("2027-03-20T14:00:00Z");
    expect(acceptsAgendaItems("POLLING", deadline, at("2027-03-20T13:59:59.999Z"))).toBe(true);
    expect(acceptsAgendaItems("SCHEDULED", deadline, deadline)).toBe(false);
    expect(acceptsAgendaItems("SCHEDULED", null, at("2030-01-01T00:00:00Z"))).toBe(true);
    expect(acceptsAgendaItems("HELD", null, at("2027-01-01T00:00:00Z"))).toBe(false);
    expect(acceptsAgendaItems("CANCELLED", null, at("2027-01-01T00:00:00Z"))).toBe(false);
  });

  it("applies a curation only where it makes sense", () => {
    expect(curatedStatus("PROPOSED", { kind: "accept" })).toBe("ACCEPTED");
    expect(curatedStatus("ACCEPTED", { kind: "accept" })).toBeNull();
    expect(curatedStatus("DEFERRED", { kind: "accept" })).toBe("ACCEPTED");
    expect(curatedStatus("PROPOSED", { kind: "up" })).toBeNull();
    expect(curatedStatus("DISCUSSED", { kind: "reject" })).toBeNull();
    expect(curatedStatus("REJECTED", { kind: "timebox", minutes: 10 })).toBeNull();
  });

  it("moves one step, and not past either end", () => {
    expect(moveInOrder(["a", "b", "c"], "c", "up")).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
    expect(moveInOrder(["a", "b"], "x", "down")).toEqual(["a", "b"]);
  });

  it("moves only an item still where the clicked button showed it (a double click moves once)", () => {
    expect(moveInOrder(["a", "b", "c"], "c", "up", 3)).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "c", "b"], "c", "up", 3)).toEqual(["a", "c", "b"]);
    expect(moveInOrder(["a", "b", "c"], "a", "down", 1)).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["b", "a", "c"], "a", "down", 1)).toEqual(["b", "a", "c"]);
  });

  it("reads accepted items in the chair's order, proposals by votes then age", () => {
    const item = (
      id: string,
      status: "ACCEPTED" | "PROPOSED",
      position: number | null,
      votes: number,
      t: number,
    ) => ({
      id,
      status,
      position,
      votes,
      createdAt: new Date(t),
    });
    const ordered = orderAgenda([
      item("p-old", "PROPOSED", null, 1, 1),
      item("a2", "ACCEPTED", 2, 9, 2),
      item("p-top", "PROPOSED", null, 3, 3),
      item("a1", "ACCEPTED", 1, 0, 4),
      item("p-new", "PROPOSED", null, 1, 5),
    ]);
    expect(ordered.accepted.map((i) => i.id)).toEqual(["a1", "a2"]);
    expect(ordered.proposed.map((i) => i.id)).toEqual(["p-top", "p-old", "p-new"]);
  });

  it("opens a scheduled meeting for recording two hours before it starts", () => {
    const starts = at("2027-03-26T08:00:00Z");
    expect(isRecordable("SCHEDULED", starts, at("2027-03-26T05:59:59.999Z"))).toBe(false);
    expect(isRecordable("SCHEDULED", starts, at("2027-03-26T06:00:00Z"))).toBe(true);
    expect(isRecordable("POLLING", null, at("2027-03-26T09:00:00Z"))).toBe(false);
    expect(isRecordable("HELD", starts, at("2020-01-01T00:00:00Z"))).toBe(true);
    expect(isRecordable("CANCELLED", starts, at("2027-03-27T00:00:00Z"))).toBe(false);
  });
});
