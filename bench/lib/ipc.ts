// A tiny request/reply protocol over the fork() IPC channel: the benchmark keeps the bot, the
// baseline and the fake Slack API each in its own process, so none of them shares an event loop
// with the load generator (PGlite runs synchronously on the event loop of whoever hosts it).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export type Role = "fake-slack" | "fake-connector" | "bot" | "baseline";
export type ReadyInfo = Record<string, string | number>;

type ToChild = { type: "call"; id: number; op: string; arg?: unknown };
type FromChild =
  | { type: "ready"; info: ReadyInfo }
  | { type: "failed"; error: string }
  | { type: "reply"; id: number; ok: true; result: unknown }
  | { type: "reply"; id: number; ok: false; error: string };

const CHILD_ENTRY = fileURLToPath(new URL("./child.ts", import.meta.url));
const START_TIMEOUT_MS = 60_000;

export class ChildHandle {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private exited = false;

  private constructor(
    readonly role: Role,
    private readonly proc: ChildProcess,
    readonly info: ReadyInfo,
  ) {
    proc.on("message", (raw) => {
      const m = raw as FromChild;
      if (m.type !== "reply") return;
      const waiter = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) waiter?.resolve(m.result);
      else waiter?.reject(new Error(`${role}: ${m.error}`));
    });
    proc.on("error", (error) => process.stderr.write(`${role}: ${error.message}\n`));
    proc.on("exit", (code) => {
      this.exited = true;
      for (const w of this.pending.values()) w.reject(new Error(`${role} exited (${code}) before answering`));
      this.pending.clear();
    });
  }

  /** Forks bench/lib/child.ts in `role` (tsx's loader is inherited through execArgv) and waits until it listens. */
  static spawn(role: Role, env: Record<string, string> = {}): Promise<ChildHandle> {
    const proc = fork(CHILD_ENTRY, [role], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error(`${role} did not start within ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      const fail = (error: Error) => {
        clearTimeout(timer);
        proc.kill();
        reject(error);
      };
      proc.once("error", fail);
      proc.once("exit", (code) => fail(new Error(`${role} exited (${code}) during start-up`)));
      proc.on("message", function onMessage(raw) {
        const m = raw as FromChild;
        if (m.type === "failed") return fail(new Error(`${role} failed to start: ${m.error}`));
        if (m.type !== "ready") return;
        clearTimeout(timer);
        proc.off("message", onMessage);
        proc.removeAllListeners("exit");
        proc.removeAllListeners("error");
        resolve(new ChildHandle(role, proc, m.info));
      });
    });
  }

  call<T>(op: string, arg?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.role} is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.proc.send({ type: "call", id, op, arg } satisfies ToChild);
    });
  }

  /** Asks the child to close cleanly; kills it if it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.proc.once("exit", () => resolve()));
    this.call("stop").catch(() => {});
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** The children of one benchmark run, so that a failure still stops every one started so far. */
export class ChildGroup {
  private readonly children: ChildHandle[] = [];

  async spawn(role: Role, env: Record<string, string> = {}): Promise<ChildHandle> {
    const child = await ChildHandle.spawn(role, env);
    this.children.push(child);
    return child;
  }

  /**
   * Normally all stopped already; after a failure this still lets the bot close PGlite and remove its
   * temporary DATA_DIR (SIGKILL after `graceMs`).
   */
  stopAll(graceMs = 5_000): Promise<void> {
    return Promise.all(this.children.map((child) => child.stop(graceMs))).then(() => {});
  }
}

export type Handlers = Record<string, (arg: unknown) => unknown>;

/** Child side: answer calls from the parent; "stop" runs its handler, answers, then exits. */
export function serve(info: ReadyInfo, handlers: Handlers): void {
  const send = (m: FromChild) =>
    new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
  process.on("message", async (raw) => {
    const m = raw as ToChild;
    if (m.type !== "call") return;
    const handler = handlers[m.op];
    try {
      if (!handler) throw new Error(`unknown op ${m.op}`);
      const result = await handler(m.arg);
      await send({ type: "reply", id: m.id, ok: true, result: result ?? null });
    } catch (error) {
      await send({
        type: "reply",
        id: m.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      });
    }
    if (m.op === "stop") process.exit(0);
  });
  void send({ type: "ready", info });
}

export function reportStartFailure(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send?.({ type: "failed", error: message } satisfies FromChild, undefined, {}, () =>
    process.exit(1),
  );
}
