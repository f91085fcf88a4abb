import { describe, expect, it } from "vitest";
import { KERNEL_FAILURES } from "../../src/kernel/domain/result.ts";
import { ROLES } from "../../src/kernel/domain/roles.ts";
import type { FeatureModule, MessageFragments } from "../../src/kernel/feature-module.ts";
import { CATALOGS, type Params, translator } from "../../src/kernel/i18n/catalog.ts";
import { en as kernelEn } from "../../src/kernel/i18n/messages/en.ts";
import { fi as kernelFi } from "../../src/kernel/i18n/messages/fi.ts";
import { nl as kernelNl } from "../../src/kernel/i18n/messages/nl.ts";
import { sv as kernelSv } from "../../src/kernel/i18n/messages/sv.ts";
import { installFeatures, registry } from "../../src/kernel/registry.ts";
import { FEATURES } from "../../src/modules.ts";

const KERNEL: MessageFragments = { en: kernelEn, fi: kernelFi, sv: kernelSv, nl: kernelNl };
/** Every catalog fragment, by owner: the kernel's and each installed feature's. */
const FRAGMENTS: [string, MessageFragments][] = [
  ["kernel", KERNEL],
  ...registry().modules.flatMap((m): [string, MessageFragments][] =>
    m.messages ? [[m.name, m.messages]] : [],
  ),
];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(\}|, plural,)/g)].map((m) => m[1]).sort();

describe("message catalog", () => {
  const keys = Object.keys(CATALOGS.en).sort();

  it("is installed from the kernel's fragment and every feature's", () => {
    expect(FRAGMENTS.map(([owner]) => owner)).toEqual(["kernel", ...FEATURES.map((m) => m.name)]);
    expect(keys).toEqual(FRAGMENTS.flatMap(([, f]) => Object.keys(f.en)).sort());
  });

  describe.each(FRAGMENTS)("%s's fragment", (_owner, fragment) => {
    const english = Object.keys(fragment.en).sort();
    it.each(["fi", "sv", "nl"] as const)(
      "in %s has exactly the English keys, none empty, same placeholders",
      (locale) => {
        const catalog = fragment[locale];
        expect(Object.keys(catalog).sort()).toEqual(english);
        for (const key of english) {
          const text = catalog[key] ?? "";
          expect(text.trim(), key).not.toBe("");
          expect(placeholders(text), key).toEqual(placeholders(fragment.en[key] ?? ""));
        }
      },
    );
  });

  it.each(Object.entries(CATALOGS))("installed %s has exactly the English keys", (_locale, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(keys);
  });

  it("has a message for every role and command", () => {
    for (const role of ROLES) expect(keys).toContain(`role.${role}`);
    for (const command of registry().commands) expect(keys).toContain(`cmd.${command.name}`);
  });

  it("has a message in every language for every failure reason, in its owner's fragment", () => {
    expect([...registry().failures]).toEqual(
      expect.arrayContaining([...KERNEL_FAILURES, ...FEATURES.flatMap((m) => m.failures ?? [])]),
    );
    const owners: [string, readonly string[], MessageFragments | undefined][] = [
      ["kernel", KERNEL_FAILURES, KERNEL],
      ...FEATURES.map((m): [string, readonly string[], MessageFragments | undefined] => [
        m.name,
        m.failures ?? [],
        m.messages,
      ]),
    ];
    for (const [owner, reasons, fragment] of owners)
      for (const reason of reasons)
        for (const locale of ["en", "fi", "sv", "nl"] as const)
          expect(fragment?.[locale][`error.${reason}`], `${owner} ${locale} error.${reason}`).toBeTruthy();
    for (const reason of registry().failures)
      for (const catalog of Object.values(CATALOGS))
        expect(Object.keys(catalog), reason).toContain(`error.${reason}`);
  });

  it("refuses a message key or failure reason claimed twice", () => {
    const words = (key: string): MessageFragments => ({
      en: { [key]: "x" },
      fi: { [key]: "x" },
      sv: { [key]: "x" },
      nl: { [key]: "x" },
    });
    const first: FeatureModule = { name: "first", messages: words("twice.key") };
    expect(() => installFeatures([first, { name: "second", messages: words("twice.key") }])).toThrow(
      'features "first" and "second" both declare the message "twice.key"',
    );
    expect(() => installFeatures([{ name: "third", messages: words("app.name") }])).toThrow(
      'features "kernel" and "third" both declare the message "app.name"',
    );
    expect(() =>
      installFeatures([
        { name: "first", failures: ["MEASURE_CLOSED"] },
        { name: "second", failures: ["MEASURE_CLOSED"] },
      ]),
    ).toThrow('features "first" and "second" both declare the failure reason "MEASURE_CLOSED"');
    expect(() => installFeatures([{ name: "third", failures: ["FORBIDDEN"] }])).toThrow(
      'features "kernel" and "third" both declare the failure reason "FORBIDDEN"',
    );
    // A refused install leaves the installed words alone.
    expect(translator("fi")("join.done", { cluster: "Energia" })).toContain("Energia");
    expect(Object.keys(CATALOGS.en).sort()).toEqual(keys);
  });

  it("falls back to English for a key missing in a language", () => {
    const second: FeatureModule = {
      name: "second",
      messages: { en: { "only.english": "Hello {who}" }, fi: {}, sv: {}, nl: {} },
    };
    try {
      installFeatures([second]);
      // A key no real fragment has, so MessageKey does not know it.
      const t = translator("fi") as (key: string, params: Params) => string;
      expect(t("only.english", { who: "Eva" })).toBe("Hello Eva");
    } finally {
      installFeatures(FEATURES);
    }
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
