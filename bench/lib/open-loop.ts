// Open-loop load: request i leaves at start + i/rate whatever happened to earlier requests, so a
// slow server cannot slow the generator down and hide its own latency (coordinated omission).
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export type Outgoing = { kind: string; replyId: string; body: string; headers: Record<string, string> };

export type Shot = {
  index: number;
  warmup: boolean;
  kind: string;
  replyId: string;
  /** Planned departure and actual departure (hrtime, ns); the difference is the generator's own lag. */
  scheduledNs: bigint;
  sentNs: bigint;
  /** Wall clock at departure (ms, sub-ms precision), to compare with the fake Slack API's timestamps. */
  sentWallMs: number;
  /** Response fully read (hrtime, ns), or null on a network error or timeout. */
  doneNs: bigint | null;
  status: number | null;
  error: string | null;
};

export type OpenLoopOptions = {
  port: number;
  path: string;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  timeoutMs: number;
  /** Builds request i at its departure time (fresh signature timestamp). */
  build(index: number, warmup: boolean): Outgoing;
};

export async function runOpenLoop(o: OpenLoopOptions): Promise<Shot[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, scheduling: "lifo" });
  const warmupCount = Math.round(o.rate * o.warmupSeconds);
  const total = warmupCount + Math.round(o.rate * o.seconds);
  const intervalNs = BigInt(Math.round(1e9 / o.rate));
  const shots: Shot[] = [];
  let finished = 0;
  let next = 0;

  return new Promise<Shot[]>((resolve) => {
    const settle = () => {
      finished += 1;
      if (next === total && finished === total) {
        agent.destroy();
        resolve(shots);
      }
    };

    const fire = (index: number, scheduledNs: bigint) => {
      const warmup = index < warmupCount;
      const out = o.build(index, warmup);
      const shot: Shot = {
        index,
        warmup,
        kind: out.kind,
        replyId: out.replyId,
        scheduledNs,
        sentNs: 0n,
        sentWallMs: 0,
        doneNs: null,
        status: null,
        error: null,
      };
      shots.push(shot);
      let settled = false;
      const end = (status: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        shot.doneNs = status === null ? null : process.hrtime.bigint();
        shot.status = status;
        shot.error = error;
        settle();
      };
      const req = request(
        {
          agent,
          host: "127.0.0.1",
          port: o.port,
          path: o.path,
          method: "POST",
          headers: { ...out.headers, "content-length": String(Buffer.byteLength(out.body)) },
        },
        (res) => {
          res.resume();
          res.once("end", () =>
            end(res.statusCode ?? 0, res.statusCode === 200 ? null : `HTTP ${res.statusCode}`),
          );
          res.once("error", (e) => end(null, e.message));
        },
      );
      req.setTimeout(o.timeoutMs, () => req.destroy(new Error(`no response within ${o.timeoutMs} ms`)));
      req.once("error", (e) => end(null, e.message));
      shot.sentWallMs = performance.timeOrigin + performance.now();
      shot.sentNs = process.hrtime.bigint();
      req.end(out.body);
    };

    const startNs = process.hrtime.bigint() + 20_000_000n;
    const tick = () => {
      const now = process.hrtime.bigint();
      // Send everything that is due; a late timer sends the backlog at once rather than dropping it.
      while (next < total && startNs + BigInt(next) * intervalNs <= now) {
        fire(next, startNs + BigInt(next) * intervalNs);
        next += 1;
      }
      if (next < total) {
        const waitMs = Number(startNs + BigInt(next) * intervalNs - process.hrtime.bigint()) / 1e6;
        setTimeout(tick, Math.max(0, Math.floor(waitMs)));
      }
    };
    tick();
  });
}
