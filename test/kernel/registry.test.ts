// Installing the feature modules: what a compiler cannot check, the registry does at start-up.
import { afterAll, describe, expect, it } from "vitest";
import { command, type FeatureModule } from "../../src/kernel/feature-module.ts";
import { installFeatures, registry } from "../../src/kernel/registry.ts";
import { FEATURES } from "../../src/modules.ts";

const noop = async () => [];
const feature = (name: string, extra: Partial<FeatureModule> = {}): FeatureModule => ({ name, ...extra });

afterAll(() => {
  installFeatures(FEATURES);
});

describe("the feature registry", () => {
  it("installs the product's modules: every command, button and form has exactly one owner", () => {
    const installed = installFeatures(FEATURES);
    expect(installed.modules.map((m) => m.name)).toEqual(FEATURES.map((m) => m.name));
    expect(new Set(installed.commands.map((c) => c.name)).size).toBe(installed.commands.length);
    expect(installed.commands.length).toBeGreaterThan(30);
    expect(installed.actions.size).toBeGreaterThan(20);
    expect(installed.forms.size).toBeGreaterThan(10);
    expect(registry()).toBe(installed);
  });

  it.each([
    [
      "command",
      { commands: [command({ name: "help", args: [], summary: "x", requires: "anyone", run: noop })] },
    ],
    ["action", { actions: [{ ids: ["ennakko.join-cluster"], run: noop }] }],
    ["form", { forms: [{ ids: ["ennakko.setup-cluster"], run: noop }] }],
  ] as const)("refuses a second feature that claims a taken %s", (kind, claims) => {
    expect(() =>
      installFeatures([...FEATURES, feature("intruder", claims as Partial<FeatureModule>)]),
    ).toThrow(new RegExp(`"clusters" and "intruder" both declare the ${kind}`));
  });

  it("refuses two features of one name", () => {
    expect(() => installFeatures([...FEATURES, feature("pulses")])).toThrow(
      /both declare the feature "pulses"/,
    );
  });
});
