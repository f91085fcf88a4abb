// The pure parts of signals capture: the PESTEL list (the schema's enum), links a member may leave,
// the card's tally, and what a "Save as signal" carries from a message (text, author, link).
import { describe, expect, it } from "vitest";
import {
  isWebLink,
  PESTEL_CATEGORIES,
  tallyRatings,
} from "../../../src/features/signals/domain/signal-rules.ts";
import { attributed } from "../../../src/features/signals/surface/signal-form.ts";
import { PestelCategory } from "../../../src/generated/prisma/enums.ts";
import { IntentSchema } from "../../../src/kernel/surface/intent.ts";
import { messageShortcutValue } from "../../../src/kernel/surface/message-shortcut.ts";
import { archiveLink } from "../../../src/platforms/slack/parse-shortcut.ts";

describe("signal rules", () => {
  it("offers exactly the schema's PESTEL categories", () => {
    expect([...PESTEL_CATEGORIES].sort()).toEqual(Object.values(PestelCategory).sort());
  });

  it("takes http(s) links only", () => {
    for (const ok of ["https://example.org/a?b=c", "http://example.org"]) expect(isWebLink(ok)).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "ftp://example.org/f",
      "file:///etc/passwd",
      "example.org",
      "https://",
      "https://exa mple.org",
      `https://example.org/${"x".repeat(500)}`,
    ])
      expect(isWebLink(bad), bad).toBe(false);
  });

  it("tallies n and mean per criterion, over the ratings that gave one", () => {
    expect(tallyRatings([])).toEqual({
      plausibility: { n: 0, mean: null },
      significance: { n: 0, mean: null },
    });
    expect(
      tallyRatings([
        { plausibility: 5, significance: 5 },
        { plausibility: 2, significance: 4 },
        { plausibility: 3, significance: null },
      ]),
    ).toEqual({ plausibility: { n: 3, mean: 10 / 3 }, significance: { n: 2, mean: 4.5 } });
  });
});

describe("a message as a signal", () => {
  it("carries the author and the link, and still fits an intent however long the message", () => {
    const origin = {
      source: "slack:C1:1700000000.000100",
      link: "https://x.slack.com/archives/C1/p1",
      author: "Aino",
    };
    for (const text of ["short", "x".repeat(50_000), '"'.repeat(5000)]) {
      const value = messageShortcutValue(text, origin);
      expect(IntentSchema.safeParse({ kind: "action", actionId: "a", value }).success).toBe(true);
      expect(JSON.parse(value)).toMatchObject(origin);
    }
    // A link too long to carry whole is left out, never cut.
    expect(JSON.parse(messageShortcutValue("t", { link: `https://x.org/${"a".repeat(600)}` }))).toEqual({
      text: "t",
    });
  });

  it("attributes the text to its author, within the field's limit", () => {
    expect(attributed("  We saw this ", "Aino")).toBe("Aino: We saw this");
    expect(attributed("We saw this", undefined)).toBe("We saw this");
    expect(attributed("x".repeat(2000), "Aino")).toHaveLength(1000);
  });

  it("builds the Slack permalink of a message, and of a reply in a thread", () => {
    expect(archiveLink("lapland", "C-ENERGY", "1700000000.000100")).toBe(
      "https://lapland.slack.com/archives/C-ENERGY/p1700000000000100",
    );
    expect(archiveLink("lapland", "C1", "1700000001.000200", "1700000000.000100")).toBe(
      "https://lapland.slack.com/archives/C1/p1700000001000200?thread_ts=1700000000.000100&cid=C1",
    );
    expect(archiveLink(undefined, "C1", "1700000000.000100")).toBeUndefined();
    expect(archiveLink("evil.com/x", "C1", "1700000000.000100")).toBeUndefined();
  });
});
