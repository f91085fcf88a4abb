// The fake Slack API (bench/lib/child.ts fake-slack) seen from the load generator, for benchmarks
// whose simulated people wait for what the bot sent them before their next click: every caller
// registers what it expects *before* sending the request that causes it, and one pump polls the fake
// over IPC for all of them (with the bodies of exactly the calls someone waits for).
import type { ChildHandle } from "./ipc.ts";
import type { CallSummary, CallsAnswer } from "./protocol.ts";

type Waiter = {
  method: string;
  match: (call: CallSummary) => boolean;
  resolve(call: CallSummary): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
};

export class SlackSide {
  private cursor = 0;
  /** Every call polled so far, in order; bodies only where a waiter or a poll asked for them. */
  readonly seen: CallSummary[] = [];
  private readonly waiters = new Set<Waiter>();
  private pumping = false;

  constructor(
    readonly child: ChildHandle,
    readonly url: string,
    readonly apiUrl: string,
    /** Pause between polls while someone waits (ms). */
    private readonly pollEveryMs = 15,
  ) {}

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** Fetches calls that arrived since the last poll, with the bodies of `bodiesOf`. */
  async poll(bodiesOf: string[] = []): Promise<CallSummary[]> {
    const { total, calls } = await this.child.call<CallsAnswer>("calls", { from: this.cursor, bodiesOf });
    this.cursor = total;
    this.seen.push(...calls);
    return calls;
  }

  /** Bodies of calls already polled (e.g. a second reply to one response_url), fetched again. */
  async bodiesOf(methods: string[]): Promise<CallSummary[]> {
    if (methods.length === 0) return [];
    const { calls } = await this.child.call<CallsAnswer>("calls", { from: 0, bodiesOf: methods });
    return calls.filter((c) => c.body !== undefined);
  }

  /**
   * The next call to `method` (with its body) that satisfies `match`. Register before sending the
   * request that causes it: calls polled earlier are not looked at.
   */
  expect(method: string, timeoutMs: number, match: (call: CallSummary) => boolean = () => true) {
    return new Promise<CallSummary>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`no ${method} within ${timeoutMs / 1000} s`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      void this.pump();
    });
  }

  /** The private reply the bot posts to response_url `id`. */
  expectReply(id: string, timeoutMs: number): Promise<CallSummary> {
    return this.expect(`response_url:${id}`, timeoutMs);
  }

  /** Waits until `count` calls to `method` have been polled in all (bodies included), or throws. */
  async waitForCount(method: string, count: number, timeoutMs: number): Promise<CallSummary[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.poll([method]);
      const found = this.seen.filter((c) => c.method === method);
      if (found.length >= count) return found;
      if (Date.now() > deadline)
        throw new Error(
          `fake Slack API: waited ${timeoutMs / 1000} s for ${count} × ${method}, got ${found.length}`,
        );
      await sleep(200);
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.size > 0) {
        const methods = [...new Set([...this.waiters].map((w) => w.method))];
        let calls: CallSummary[];
        try {
          calls = await this.poll(methods);
        } catch (error) {
          for (const w of this.waiters) {
            clearTimeout(w.timer);
            w.reject(error instanceof Error ? error : new Error(String(error)));
          }
          this.waiters.clear();
          return;
        }
        for (const call of calls) {
          if (call.body === undefined) continue;
          for (const w of this.waiters) {
            if (w.method !== call.method || !w.match(call)) continue;
            clearTimeout(w.timer);
            this.waiters.delete(w);
            w.resolve(call);
            break;
          }
        }
        if (this.waiters.size > 0) await sleep(this.pollEveryMs);
      }
    } finally {
      this.pumping = false;
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
