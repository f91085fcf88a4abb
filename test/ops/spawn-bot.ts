// Runs `src/main.ts` as its own process, as an operator would start it (through tsx, so the tests need
// no build), and collects what it prints. Every process started here is killed in `killAll`.
import { type ChildProcess, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { eventually } from "../support/eventually.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(resolve(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

export type BotProcess = {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null if killed by a signal). */
  exited: Promise<number | null>;
  /** Waits until stdout or stderr contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
};

const live = new Set<ChildProcess>();

export function spawnBot(
  env: Record<string, string>,
  entry: "src/main.ts" | "src/migrate-main.ts" = "src/main.ts",
): BotProcess {
  const child = spawn(process.execPath, ["--import", TSX, resolve(ROOT, entry)], {
    // Not the checkout: no developer's .env is read.
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH ?? "",
      TZ: process.env.TZ ?? "UTC",
      ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((done, fail) => {
    child.once("error", fail);
    child.once("exit", (code) => {
      live.delete(child);
      done(code);
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(text, timeoutMs = 60_000) {
      await eventually(() => {
        // Log lines are on stdout, the guide and start-up failures on stderr: look at both.
        if (out.includes(text) || err.includes(text)) return true;
        if (child.exitCode !== null)
          throw new Error(`exited (${child.exitCode}) before "${text}":\n${out}\n${err}`);
        return undefined;
      }, timeoutMs);
    },
  };
}

export async function killAll(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((done) => {
          child.once("exit", () => done());
          if (!child.kill("SIGKILL")) done();
        }),
    ),
  );
}

/** A stack trace line ("    at fn (file:line)"): a start-up failure must not print one. */
export const STACK_LINE = /^\s+at .+[:(]/m;
