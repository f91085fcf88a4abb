// Single timed requests (hrtime, response read to the end) for benchmarks whose requests depend on
// earlier answers, and an open-loop replay of such a run's requests at the same offsets (e.g. against
// the bare-Bolt baseline), so both targets get the same payloads on the same schedule.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export type Timed = {
  /** Departure (hrtime, ns) and wall clock at departure (ms), to compare with the fake's timestamps. */
  sentNs: bigint;
  sentWallMs: number;
  /** Response fully read (hrtime, ns), or null on a network error or timeout. */
  doneNs: bigint | null;
  status: number | null;
  /** The response body (an ack's body: empty, or e.g. a view_submission's response_action). */
  body: string;
  error: string | null;
};

/** `keepAlive: false` opens a connection per request (and closes it after the response). */
export function keepAliveAgent(keepAlive = true): Agent {
  return new Agent({ keepAlive, maxSockets: Number.POSITIVE_INFINITY, scheduling: "lifo" });
}

export function timedPost(
  agent: Agent,
  port: number,
  path: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Timed> {
  return new Promise((resolve) => {
    const shot: Timed = { sentNs: 0n, sentWallMs: 0, doneNs: null, status: null, body: "", error: null };
    let settled = false;
    const end = (status: number | null, error: string | null, text = "") => {
      if (settled) return;
      settled = true;
      shot.doneNs = status === null ? null : process.hrtime.bigint();
      shot.status = status;
      shot.error = error;
      shot.body = text;
      resolve(shot);
    };
    const req = request(
      {
        agent,
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("end", () =>
          end(
            res.statusCode ?? 0,
            res.statusCode === 200 ? null : `HTTP ${res.statusCode}`,
            Buffer.concat(chunks).toString("utf8"),
          ),
        );
        res.once("error", (e) => end(null, e.message));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.once("error", (e) => end(null, e.message));
    shot.sentWallMs = performance.timeOrigin + performance.now();
    shot.sentNs = process.hrtime.bigint();
    req.end(body);
  });
}

export type Planned = { offsetNs: bigint; kind: string; body: string };
export type Replayed = Timed & { kind: string; scheduledNs: bigint };

/**
 * Sends each planned request at start + offset whatever happened to the others (open loop); `sign`
 * gives its headers at departure (a fresh signature timestamp).
 */
export function replay(
  port: number,
  path: string,
  plan: readonly Planned[],
  sign: (body: string) => Record<string, string>,
  timeoutMs: number,
): Promise<Replayed[]> {
  const agent = keepAliveAgent();
  const sorted = [...plan].sort((a, b) => (a.offsetNs < b.offsetNs ? -1 : a.offsetNs > b.offsetNs ? 1 : 0));
  const pending: Promise<Replayed>[] = [];
  const startNs = process.hrtime.bigint() + 20_000_000n;
  let next = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = process.hrtime.bigint();
      while (next < sorted.length && startNs + sorted[next]!.offsetNs <= now) {
        const p = sorted[next]!;
        const scheduledNs = startNs + p.offsetNs;
        pending.push(
          timedPost(agent, port, path, p.body, sign(p.body), timeoutMs).then((t) => ({
            ...t,
            kind: p.kind,
            scheduledNs,
          })),
        );
        next += 1;
      }
      if (next < sorted.length) {
        const waitMs = Number(startNs + sorted[next]!.offsetNs - process.hrtime.bigint()) / 1e6;
        setTimeout(tick, Math.max(0, Math.floor(waitMs)));
      } else
        void Promise.all(pending).then((shots) => {
          agent.destroy();
          resolve(shots);
        });
    };
    if (sorted.length === 0) resolve([]);
    else tick();
  });
}

export type Probe = { sentNs: bigint; ms: number | null };

/**
 * GETs `path` (e.g. /healthz) one at a time, every `everyMs`, until stopped: a request that does no
 * work, so its latency shows how long the server's event loop keeps new requests waiting.
 */
export function probe(port: number, path: string, everyMs: number): () => Promise<Probe[]> {
  const agent = keepAliveAgent();
  const probes: Probe[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const sentNs = process.hrtime.bigint();
      const ms = await new Promise<number | null>((resolve) => {
        const req = request({ agent, host: "127.0.0.1", port, path, method: "GET" }, (res) => {
          res.resume();
          res.once("end", () => resolve(Number(process.hrtime.bigint() - sentNs) / 1e6));
          res.once("error", () => resolve(null));
        });
        req.setTimeout(30_000, () => req.destroy(new Error("probe timed out")));
        req.once("error", () => resolve(null));
        req.end();
      });
      probes.push({ sentNs, ms });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    agent.destroy();
    return probes;
  };
}
