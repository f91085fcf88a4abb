import { describe, expect, it } from "vitest";
import { cleanStrings, cleanText } from "../../src/kernel/domain/clean-text.ts";

describe("cleanText", () => {
  it("drops NUL and other control characters but keeps tab and newlines", () => {
    expect(cleanText("a\u0000b\u0007c\u001bd\te\nf\r\ng\u007f")).toBe("abcd\te\nf\r\ng\u007f");
  });

  it("replaces lone surrogates with U+FFFD and keeps pairs (emoji)", () => {
    expect(cleanText("\ud800x\udc00y😀\ud83d")).toBe("\ufffdx\ufffdy😀\ufffd");
  });

  it("leaves ordinary text as it is", () => {
    const text = 'Vetytalous – åäö, 50 €, "quotes" & <tags>';
    expect(cleanText(text)).toBe(text);
  });
});

describe("cleanStrings", () => {
  it("cleans every string of an envelope-like value, keys included, and nothing else", () => {
    const when = new Date(0);
    expect(cleanStrings({ a: "x\u0000", b: ["y\ud800", 1, null], c: { "k\u0000": true, when } })).toEqual({
      a: "x",
      b: ["y\ufffd", 1, null],
      c: { k: true, when },
    });
  });
});
