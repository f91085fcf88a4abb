// Issue 13's rule "no import cycles anywhere in src/": a cycle, even a type-only one, means neither
// module can be read, moved or tested without the other, and it is how a port ends up knowing its
// callers.
import { describe, expect, it } from "vitest";
import { cyclicComponents, describeCycles, importGraph, importSpecifiers } from "./import-graph.ts";

describe("import cycles", () => {
  it("finds none in src/, counting type-only imports and re-exports", async () => {
    const graph = await importGraph("src");
    expect(graph.unresolved).toEqual([]);
    // The scan really read the tree and its import lines.
    expect(graph.files.length).toBeGreaterThan(200);
    expect([...graph.edges.values()].flat().length).toBeGreaterThan(1000);
    expect(describeCycles(graph.edges)).toEqual([]);
  });

  it("reads type-only imports, re-exports and multi-line imports, and skips commented ones", () => {
    const text = [
      'import type { A } from "./a.ts";',
      "import {",
      "  b,",
      "  type B,",
      '} from "./b.ts";',
      'export type { C } from "./c.ts";',
      'export * from "./d.ts";',
      'import "./e.ts";',
      '// import { f } from "./f.ts";',
      "const g = \"import { g } from './g.ts'\";",
    ].join("\n");
    expect(importSpecifiers(text)).toEqual(["./a.ts", "./b.ts", "./c.ts", "./d.ts", "./e.ts"]);
  });

  it("names every cycle of a component once, and nothing outside one", () => {
    // Today's knot in small: two cycles through the port, and one inside the pulse modules.
    const edges = new Map<string, string[]>([
      ["port.ts", ["use-case.ts", "sheet.ts"]],
      ["use-case.ts", ["context.ts", "leaf.ts"]],
      ["context.ts", ["port.ts"]],
      ["sheet.ts", ["pulses.ts", "leaf.ts"]],
      ["pulses.ts", ["sheet.ts", "context.ts"]],
      ["handler.ts", ["port.ts", "sheet.ts"]],
      ["self.ts", ["self.ts"]],
      ["leaf.ts", []],
    ]);
    expect(cyclicComponents(edges)).toEqual([
      ["context.ts", "port.ts", "pulses.ts", "sheet.ts", "use-case.ts"],
      ["self.ts"],
    ]);
    expect(describeCycles(edges)).toEqual([
      "context.ts → port.ts → sheet.ts → pulses.ts → context.ts",
      "context.ts → port.ts → use-case.ts → context.ts",
      "pulses.ts → sheet.ts → pulses.ts",
      "self.ts → self.ts",
    ]);
    // The port names no caller, the pulse modules point one way: no cycle is left.
    edges.set("port.ts", []);
    edges.set("sheet.ts", ["leaf.ts"]);
    edges.set("self.ts", []);
    expect(cyclicComponents(edges)).toEqual([]);
    expect(describeCycles(edges)).toEqual([]);
  });
});
