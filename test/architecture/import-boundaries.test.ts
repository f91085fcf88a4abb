// ARCHITECTURE.md's dependency rules, read from the import lines of src/ (the import cycles have their
// own test). The house: src/kernel (shared, feature-free), src/features/<feature> (one folder per
// capability, each reachable only through its index.ts), horizontal folders (platforms, db, log,
// config, exports, http, jobs) and the wiring (bot.ts, main.ts, modules.ts).
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { type ImportGraph, importGraph, sourceFiles } from "./import-graph.ts";

const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1] ?? null;
const isFeatureIndex = (file: string) => /^src\/features\/[^/]+\/index\.ts$/.test(file);
const isDomain = (file: string) => /^src\/(kernel|features\/[^/]+)\/domain\//.test(file);

/** "file imports target" for every relative import that breaks `rule`. */
function offending(graph: ImportGraph, rule: (from: string, to: string) => boolean): string[] {
  return graph.files.flatMap((from) =>
    (graph.edges.get(from) ?? []).filter((to) => !rule(from, to)).map((to) => `${from} imports ${to}`),
  );
}

describe("import boundaries", () => {
  it("keeps the SDKs inside their platform folder", async () => {
    const graph = await importGraph("src");
    const problems: string[] = [];
    for (const file of graph.files)
      for (const spec of graph.packages.get(file) ?? []) {
        if (/^(botbuilder|botframework-)/.test(spec) && !file.startsWith("src/platforms/teams/"))
          problems.push(`${file} imports ${spec}`);
        if (spec.startsWith("@slack/") && !file.startsWith("src/platforms/slack/"))
          problems.push(`${file} imports ${spec}`);
      }
    expect(graph.files.length).toBeGreaterThan(150); // the scan really read the tree
    expect(problems).toEqual([]);
  });

  it("lets a feature reach another feature only through that feature's index.ts", async () => {
    const graph = await importGraph("src");
    const problems = offending(graph, (from, to) => {
      const own = featureOf(from);
      const other = featureOf(to);
      if (!other || other === own) return true;
      return isFeatureIndex(to);
    });
    expect(problems).toEqual([]);
  });

  it("keeps a feature's own files off its index.ts (the index is the door for others)", async () => {
    const graph = await importGraph("src");
    const problems = offending(
      graph,
      (from, to) => !(isFeatureIndex(to) && featureOf(from) === featureOf(to) && !isFeatureIndex(from)),
    );
    expect(problems).toEqual([]);
  });

  it("keeps the kernel and the platforms free of features: they are horizontal", async () => {
    // The kernel may use the database client and the logger; the platforms the kernel; neither knows
    // a feature by name (features register their tables at start-up).
    const graph = await importGraph("src");
    const horizontal = (f: string) => f.startsWith("src/kernel/") || f.startsWith("src/platforms/");
    const problems = offending(graph, (from, to) => !(horizontal(from) && featureOf(to) !== null));
    const kernelOutward = offending(
      graph,
      (from, to) => !from.startsWith("src/kernel/") || /^src\/(kernel|db|log|generated)\//.test(to),
    );
    expect(problems).toEqual([]);
    expect(kernelOutward).toEqual([]);
  });

  it("keeps domain/ folders pure: their own feature's domain, the kernel's domain and zod only", async () => {
    // Domain rules are pure: no I/O (node:*), no Prisma (src/generated), no SDK, nothing of app,
    // surface or db. zod is pure validation and how the domain states its rules' shapes.
    const graph = await importGraph("src");
    const domain = graph.files.filter(isDomain);
    expect(domain.length).toBeGreaterThan(15);
    const problems = [
      ...offending(
        graph,
        (from, to) =>
          !isDomain(from) ||
          to.startsWith("src/kernel/domain/") ||
          (isDomain(to) && featureOf(to) === featureOf(from)),
      ),
      ...domain.flatMap((file) =>
        (graph.packages.get(file) ?? []).filter((p) => p !== "zod").map((p) => `${file} imports ${p}`),
      ),
    ];
    expect(graph.unresolved).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("keeps app/ free of surface/ and of the platforms", async () => {
    const graph = await importGraph("src");
    const isApp = (f: string) => /^src\/(kernel|features\/[^/]+)\/app\//.test(f);
    const problems = offending(
      graph,
      (from, to) => !isApp(from) || !(/\/surface\//.test(to) || to.startsWith("src/platforms/")),
    );
    expect(problems).toEqual([]);
  });

  it("reads process.env only in src/config", async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles("src")) {
      if (file.startsWith("src/config/")) continue;
      if ((await readFile(file, "utf8")).includes("process.env")) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
