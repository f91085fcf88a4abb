import { describe, expect, it } from "vitest";
import { toLocale } from "../../src/kernel/domain/locale.ts";
import { can, parseRole, wouldLoseLastChair } from "../../src/kernel/domain/roles.ts";

describe("roles", () => {
  it("gives role management to chairs and coordinators only", () => {
    expect(can("CHAIR", "cluster.manage-roles")).toBe(true);
    expect(can("COORDINATOR", "cluster.manage-roles")).toBe(true);
    for (const role of ["VICE_CHAIR", "SECRETARY", "MEMBER", "OBSERVER"] as const)
      expect(can(role, "cluster.manage-roles")).toBe(false);
    expect(can("OBSERVER", "cluster.view")).toBe(true);
    expect(can("OBSERVER", "pulse.answer")).toBe(false);
  });

  it("parses role words people type", () => {
    expect(parseRole("vice-chair")).toBe("VICE_CHAIR");
    expect(parseRole("Secretary")).toBe("SECRETARY");
    expect(parseRole("boss")).toBeUndefined();
  });

  it("protects the last chair", () => {
    expect(wouldLoseLastChair(1, "CHAIR", "MEMBER")).toBe(true);
    expect(wouldLoseLastChair(1, "CHAIR", null)).toBe(true);
    expect(wouldLoseLastChair(2, "CHAIR", null)).toBe(false);
    expect(wouldLoseLastChair(1, "MEMBER", null)).toBe(false);
    expect(wouldLoseLastChair(1, "CHAIR", "CHAIR")).toBe(false);
  });

  it("maps platform locales", () => {
    expect(toLocale("fi-FI")).toBe("fi");
    expect(toLocale("sv_SE")).toBe("sv");
    expect(toLocale("nl-BE")).toBe("nl");
    expect(toLocale("de-DE")).toBeUndefined();
  });
});
