import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestedDeeperThan, parseJsonObject } from "../../src/http/read-body.ts";

const nested = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

describe("parseJsonObject", () => {
  it("accepts an object and refuses null, arrays, scalars and broken JSON", () => {
    expect(parseJsonObject('{"type":"message"}')).toEqual({ ok: true, value: { type: "message" } });
    for (const text of ["null", "[]", "1", '"x"', "true", "{"])
      expect(parseJsonObject(text)).toMatchObject({ ok: false, status: 400 });
  });

  it("accepts 64 levels of nesting and refuses 65 without parsing them", () => {
    expect(parseJsonObject(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`).ok).toBe(true);
    expect(parseJsonObject(`{"a":${nested(MAX_JSON_DEPTH)}}`)).toEqual({
      ok: false,
      status: 400,
      error: "JSON nested deeper than 64 levels",
    });
  });
});

describe("nestedDeeperThan", () => {
  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(nestedDeeperThan(JSON.stringify({ text: '[[[{{{"[[[' }), 1)).toBe(false);
    expect(nestedDeeperThan(JSON.stringify({ text: "\\", a: [[1]] }), 2)).toBe(true);
  });

  it("measures a million levels without recursion", () => {
    expect(nestedDeeperThan(nested(1_000_000), 64)).toBe(true);
  });
});
