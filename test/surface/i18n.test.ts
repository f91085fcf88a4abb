import { describe, expect, it } from "vitest";
import { FAILURE_REASONS } from "../../src/domain/result.ts";
import { ROLES } from "../../src/domain/roles.ts";
import { COMMANDS } from "../../src/surface/commands.ts";
import { CATALOGS, translator } from "../../src/surface/i18n/catalog.ts";
import { en } from "../../src/surface/i18n/en.ts";

describe("message catalog", () => {
  const keys = Object.keys(en).sort();

  it.each(Object.entries(CATALOGS))(
    "%s has exactly the English keys, none empty, same placeholders",
    (_locale, catalog) => {
      expect(Object.keys(catalog).sort()).toEqual(keys);
      for (const key of keys) {
        const text = catalog[key as keyof typeof en];
        expect(text.trim(), key).not.toBe("");
        const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
      }
    },
  );

  it("has a message for every failure reason, role and command", () => {
    for (const reason of FAILURE_REASONS) expect(keys).toContain(`error.${reason}`);
    for (const role of ROLES) expect(keys).toContain(`role.${role}`);
    for (const command of COMMANDS) expect(keys).toContain(`cmd.${command.name}`);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translator("fi")("join.done", { cluster: "Energia" })).toBe(
      "Tervetuloa klusteriin *Energia*! Liityit jäseneksi.",
    );
    expect(translator("nl")("role.done", { user: "Eva" })).toBe("Eva is nu *{role}* in *{cluster}*.");
  });
});
