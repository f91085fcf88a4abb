// ARCHITECTURE.md's dependency rule, read from the import lines of src/.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { importGraph, importSpecifiers, sourceFiles } from "./import-graph.ts";

async function importsOf(file: string): Promise<string[]> {
  return importSpecifiers(await readFile(file, "utf8"));
}

const layer = (file: string) => relative("src", file).split("/")[0]!;

describe("import boundaries", () => {
  it("keeps domain and app free of platforms, and botbuilder inside platforms/teams", async () => {
    const problems: string[] = [];
    let seen = 0;
    for (const file of await sourceFiles("src")) {
      const from = layer(file);
      for (const spec of await importsOf(file)) {
        seen += 1;
        const platformPackage = /^(@slack\/|botbuilder|botframework-|@microsoft\/)/.test(spec);
        if (spec.startsWith("botbuilder") || spec.startsWith("botframework-")) {
          if (!file.startsWith("src/platforms/teams/")) problems.push(`${file} imports ${spec}`);
        }
        if (spec.startsWith("@slack/") && !file.startsWith("src/platforms/slack/"))
          problems.push(`${file} imports ${spec}`);
        if (
          (from === "domain" || from === "app" || from === "surface") &&
          (platformPackage || spec.includes("/platforms/"))
        ) {
          problems.push(`${file} (${from}) imports ${spec}`);
        }
        if (
          from === "domain" &&
          (spec.includes("/app/") ||
            spec.includes("/surface/") ||
            spec.includes("/db/") ||
            spec.includes("/generated/"))
        ) {
          problems.push(`${file} (domain) imports ${spec}`);
        }
        if (from === "app" && spec.includes("/surface/")) problems.push(`${file} (app) imports ${spec}`);
      }
    }
    expect(seen).toBeGreaterThan(100); // the scan really read the import lines
    expect(problems).toEqual([]);
  });

  it("keeps src/domain importing only src/domain and zod", async () => {
    // Domain rules are pure: no I/O (node:*), no Prisma (src/generated), no SDK, nothing of app,
    // surface or db. zod is pure validation and how the domain states its rules' shapes.
    const pure = new Set(["zod"]);
    const graph = await importGraph("src");
    const domain = graph.files.filter((f) => f.startsWith("src/domain/"));
    expect(domain.length).toBeGreaterThan(10);
    const problems = domain.flatMap((file) => [
      ...(graph.edges.get(file) ?? [])
        .filter((t) => !t.startsWith("src/domain/"))
        .map((t) => `${file} imports ${t}`),
      ...(graph.packages.get(file) ?? []).filter((p) => !pure.has(p)).map((p) => `${file} imports ${p}`),
    ]);
    expect(graph.unresolved).toEqual([]);
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
