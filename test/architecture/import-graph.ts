// The import graph of src/, for the architecture tests. Import lines are read with TypeScript's own
// pre-processor rather than a regular expression, so `import type`, `export … from`, side-effect and
// dynamic imports all count (a type-only cycle still knots the modules together for a reader), and an
// import written in a comment or a string does not.
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import ts from "typescript";

export type ImportGraph = {
  /** Every .ts file under the root, as "src/…" paths. */
  files: string[];
  /** File → the files its relative imports resolve to (src/generated targets included). */
  edges: Map<string, string[]>;
  /** File → the packages it imports by bare name ("zod", "node:fs", "@slack/bolt"). */
  packages: Map<string, string[]>;
  /** "file imports spec" for relative imports that name no file: the scan would miss an edge. */
  unresolved: string[];
};

/** Every .ts file under `dir` (src/generated left out), sorted. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? e.name === "generated"
          ? []
          : sourceFiles(join(dir, e.name))
        : e.name.endsWith(".ts")
          ? [join(dir, e.name)]
          : [],
    ),
  );
  return nested.flat().sort();
}

/** The module specifiers a source text imports or re-exports from, in order of appearance. */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The graph of `root` (a path relative to the working directory, as the tests run from the repo). */
export async function importGraph(root = "src"): Promise<ImportGraph> {
  const files = await sourceFiles(root);
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets: string[] = [];
    const bare: string[] = [];
    for (const spec of importSpecifiers(await readFile(file, "utf8"))) {
      if (!spec.startsWith(".")) {
        bare.push(spec);
        continue;
      }
      const target = join(dirname(file), spec);
      // Generated code (Prisma client) is gitignored and imports nothing of ours: a leaf.
      if (known.has(target) || target.startsWith(join(root, "generated") + "/")) targets.push(target);
      else unresolved.push(`${file} imports ${spec}`);
    }
    edges.set(file, [...new Set(targets)]);
    packages.set(file, [...new Set(bare)]);
  }
  return { files, edges, packages, unresolved };
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cyclicComponents(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) components.push(component.sort());
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * For each import inside a cyclic component, the shortest cycle that runs through it, without
 * repeats: a component can hold several cycles, and every import that closes one is named in at
 * least one. "a → b → a" style.
 */
export function describeCycles(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  for (const component of cyclicComponents(edges)) {
    const inside = new Set(component);
    for (const from of component) {
      for (const to of edges.get(from) ?? []) {
        if (!inside.has(to)) continue;
        const back = shortestPath(edges, inside, to, from);
        if (!back) continue; // cannot happen inside a component; kept for the type
        const cycle = [from, ...back.slice(0, -1)];
        // The same cycle reached through another of its imports: keep the rotation from its least file.
        const least = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(least), ...cycle.slice(0, least)];
        found.add([...rotated, rotated[0]].join(" → "));
      }
    }
  }
  return [...found].sort();
}

/** Breadth-first path [from, …, to] using only files in `inside`; [from] when from is to. */
function shortestPath(
  edges: ReadonlyMap<string, readonly string[]>,
  inside: ReadonlySet<string>,
  from: string,
  to: string,
): string[] | undefined {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const v = queue.shift()!;
    if (v === to) {
      const path = [v];
      while (path[0] !== from) path.unshift(previous.get(path[0]!)!);
      return path;
    }
    for (const w of edges.get(v) ?? []) {
      if (!inside.has(w) || previous.has(w)) continue;
      previous.set(w, v);
      queue.push(w);
    }
  }
  return undefined;
}
