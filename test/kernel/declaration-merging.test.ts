// Features add their message keys and failure reasons to the kernel's `Messages` and `FailureReasons`
// interfaces by declaration merging. Two features claiming one key or one reason must not compile,
// even when their English agrees: the registry refuses the same at run time (test/kernel/i18n.test.ts).
// These compile two small feature fragments against the real kernel files with the TypeScript compiler.
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const FEATURE_DIR = resolve("src/features/__merging_test__/messages");
const CATALOG = "../../../kernel/i18n/catalog.ts";
const RESULT = "../../../kernel/domain/result.ts";

const fragment = (owner: string, key: string, english: string) => `
import type { MessagesOf } from "${CATALOG}";
export const en = { "${key}": "${english}" } as const;
declare module "${CATALOG}" {
  interface Messages extends MessagesOf<"${owner}", typeof en> {}
}
`;

const reasons = (owner: string, reason: string) => `
import type { ReasonsOf } from "${RESULT}";
export const failures = ["${reason}"] as const;
declare module "${RESULT}" {
  interface FailureReasons extends ReasonsOf<"${owner}", typeof failures> {}
}
`;

const USE = `
import { fail, type Result } from "${RESULT}";
import { translator } from "${CATALOG}";
export const said: string = translator("en")("a.key");
export const refused: Result<number> = fail("A_REASON");
`;

/** Type-checks the virtual files (path under FEATURE_DIR → text) with the project's options; the errors. */
function compile(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  };
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(FEATURE_DIR, name), text]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile(name, language, ...rest)
      : ts.createSourceFile(name, text, language, true);
  };
  host.directoryExists = (name) =>
    name === FEATURE_DIR || name.startsWith(dirname(FEATURE_DIR)) || ts.sys.directoryExists(name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("declaration merging of message keys and failure reasons", () => {
  it("adds each feature's keys and reasons to MessageKey and FailureReason", () => {
    expect(
      compile({
        "one.ts": fragment("one", "a.key", "Hello") + reasons("one", "A_REASON"),
        "two.ts": fragment("two", "b.key", "Hello") + reasons("two", "B_REASON"),
        "use.ts": USE,
      }),
    ).toEqual([]);
  });

  it("does not compile a key nobody declared, nor a reason nobody declared", () => {
    const errors = compile({ "use.ts": USE });
    expect(errors.join("\n")).toContain('"a.key"');
    expect(errors.join("\n")).toContain('"A_REASON"');
  });

  it("does not compile one key claimed by two features, even with the same English", () => {
    const errors = compile({
      "one.ts": fragment("one", "a.key", "Hello"),
      "two.ts": fragment("two", "a.key", "Hello"),
    });
    expect(errors.join("\n")).toMatch(/Interface 'Messages' cannot simultaneously extend/);
  });

  it("does not compile a feature claiming a kernel key", () => {
    const errors = compile({ "one.ts": fragment("one", "app.name", "Ennakko") });
    expect(errors.join("\n")).toMatch(/Interface 'Messages' cannot simultaneously extend/);
  });

  it("does not compile one reason declared by two features, nor a kernel reason declared again", () => {
    const twice = compile({ "one.ts": reasons("one", "A_REASON"), "two.ts": reasons("two", "A_REASON") });
    expect(twice.join("\n")).toMatch(/Interface 'FailureReasons' cannot simultaneously extend/);
    const kernel = compile({ "one.ts": reasons("one", "FORBIDDEN") });
    expect(kernel.join("\n")).toMatch(/Interface 'FailureReasons' cannot simultaneously extend/);
  });
});
