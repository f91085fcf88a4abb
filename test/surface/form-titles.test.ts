// Slack cuts nothing itself: a modal title over 24 characters is refused, so the renderer clipped it
// with "…" ("Kopioi edellinen pulssiky…"). Every form title, in every language, must fit whole.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS, type MessageKey } from "../../src/kernel/i18n/catalog.ts";
import { SLACK_LIMITS } from "../../src/platforms/slack/render-block-kit.ts";

/** The catalog keys the forms use as titles: `formId: …` followed by `title: t("key")`. */
function formTitleKeys(): string[] {
  const keys = new Set<string>();
  const dirs = readdirSync("src/features").map((feature) => join("src/features", feature, "surface"));
  for (const dir of dirs.filter((d) => existsSync(d)))
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      for (const m of source.matchAll(/formId:[^\n]*\n\s*title: (?:hc\.)?t\("([\w.]+)"\)/g)) keys.add(m[1]!);
    }
  return [...keys].sort();
}

describe("form titles", () => {
  const keys = formTitleKeys();
  it("finds the forms' titles", () => {
    expect(keys).toContain("pulse.copy.title");
    expect(keys.length).toBeGreaterThan(10);
  });
  for (const [locale, catalog] of Object.entries(CATALOGS))
    it(`fit a Slack modal title whole in ${locale}`, () => {
      const long = keys
        .map((key) => [key, catalog[key as MessageKey]] as const)
        .filter(([, title]) => title.length > SLACK_LIMITS.modalTitle);
      expect(long).toEqual([]);
    });
});
