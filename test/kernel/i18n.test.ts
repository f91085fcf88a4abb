import { describe, expect, it } from "vitest";
import { FAILURE_REASONS } from "../../src/kernel/domain/result.ts";
import { ROLES } from "../../src/kernel/domain/roles.ts";
import { CATALOGS, translator } from "../../src/kernel/i18n/catalog.ts";
import { en } from "../../src/kernel/i18n/en.ts";
import { registry } from "../../src/kernel/registry.ts";

describe("message catalog", () => {
  const keys = Object.keys(en).sort();

  it.each(Object.entries(CATALOGS))(
    "%s has exactly the English keys, none empty, same placeholders",
    (_locale, catalog) => {
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const key of keys) {
        const text = catalog[key as keyof typeof en];
        expect(text.trim(), key).not.toBe("");
        const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(\}|, plural,)/g)].map((m) => m[1]).sort();
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
      }
    },
  );

  it("has a message for every failure reason, role and command", () => {
    for (const reason of FAILURE_REASONS) expect(keys).toContain(`error.${reason}`);
    for (const role of ROLES) expect(keys).toContain(`role.${role}`);
    for (const command of registry().commands) expect(keys).toContain(`cmd.${command.name}`);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translator("fi")("join.done", { cluster: "Energia" })).toBe(
      "Tervetuloa klusteriin *Energia*! Liityit jäseneksi.",
    );
    expect(translator("nl")("role.done", { user: "Eva" })).toBe("Eva is nu *{role}* in *{cluster}*.");
  });

  // Issue 12: "1 decisions", "1 päätöstä", "1 nya åtgärder", "1 besluiten".
  it.each([
    ["en", "1 decision, 1 new measure", "2 decisions, 3 new measures"],
    ["fi", "1 päätös, 1 uusi toimenpide", "2 päätöstä, 3 uutta toimenpidettä"],
    ["sv", "1 beslut, 1 ny åtgärd", "2 beslut, 3 nya åtgärder"],
    ["nl", "1 besluit, 1 nieuwe actie", "2 besluiten, 3 nieuwe acties"],
  ] as const)("%s counts with the language's plural forms", (locale, one, other) => {
    const t = translator(locale);
    expect(t("minutes.formIntro", { title: "K", version: 1, decisions: 1, measures: 1 })).toContain(one);
    expect(t("minutes.formIntro", { title: "K", version: 1, decisions: 2, measures: 3 })).toContain(other);
  });

  it("says 1 answer, 1 response and 1 week in the singular in every language", () => {
    expect(translator("en")("pulse.results.answers", { n: 1 })).toBe("1 answer.");
    expect(translator("en")("pulse.results.answers", { n: 0 })).toBe("0 answers.");
    expect(translator("nl")("pulse.results.answers", { n: 1 })).toBe("1 antwoord.");
    expect(translator("fi")("pulse.results.answers", { n: 1 })).toBe("1 vastaus.");
    expect(translator("sv")("pulse.created", { title: "P", invited: 1, opens: "x", closes: "y" })).toContain(
      "1 medlem får",
    );
    expect(translator("fi")("cycle.kickoffWeeks", { weeks: 1, zone: "Z" })).toContain("1 viikko ennen");
  });

  it("asks for a number where a count is expected (typed parameters)", () => {
    const t = translator("en");
    // @ts-expect-error a count must be a number: its plural form is chosen from it
    expect(t("pulse.results.answers", { n: "1" })).toContain("{n, plural");
    // @ts-expect-error a count cannot be left out
    expect(t("pulse.results.answers", {})).toContain("{n, plural");
  });

  it("never writes a bare count before a plural noun: every count message has plural forms", () => {
    const bareCount =
      /(?<!\/)\{(n|count|invited|decisions|measures|days|weeks|hours|selections)\} (?!(min|more|muuta|till)\b)[a-zäöå]{3,}/u;
    for (const [locale, catalog] of Object.entries(CATALOGS))
      for (const [key, text] of Object.entries(catalog))
        expect(text, `${locale} ${key}`).not.toMatch(bareCount);
  });
});
