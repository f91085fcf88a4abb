// The ack figures of a burst: latency distribution (overall and per step), errors, acks later than
// Slack's deadline, throughput and CPU per request. Shared by the burst benchmarks, which differ only
// in their steps.
import { type Distribution, distribution, nsToMs } from "./stats.ts";
import type { Timed } from "./timed-post.ts";

export type AckSummary<K extends string> = {
  requests: number;
  errors: number;
  errorSamples: string[];
  late: number;
  ack: Distribution;
  byKind: Map<K, Distribution>;
  throughput: number;
  cpuPerRequest: number;
};

export function summariseAcks<K extends string>(
  shots: Array<Timed & { kind: string }>,
  cpuMs: number,
  kinds: readonly K[],
  deadlineMs: number,
): AckSummary<K> {
  const ok = shots.filter((s) => s.status === 200 && s.doneNs !== null);
  const latency = (s: Timed) => nsToMs(s.doneNs! - s.sentNs);
  let first = shots[0]?.sentNs ?? 0n;
  for (const s of shots) if (s.sentNs < first) first = s.sentNs;
  let last = first;
  for (const s of ok) if (s.doneNs! > last) last = s.doneNs!;
  const windowS = Number(last - first) / 1e9;
  const failed = shots.filter((s) => s.status !== 200);
  const byKind = new Map<K, Distribution>();
  for (const kind of kinds) byKind.set(kind, distribution(ok.filter((s) => s.kind === kind).map(latency)));
  return {
    requests: shots.length,
    errors: failed.length,
    errorSamples: [...new Set(failed.map((s) => s.error ?? `HTTP ${s.status}`))].slice(0, 3),
    late: ok.filter((s) => latency(s) > deadlineMs).length,
    ack: distribution(ok.map(latency)),
    byKind,
    throughput: windowS > 0 ? ok.length / windowS : Number.NaN,
    cpuPerRequest: shots.length > 0 ? cpuMs / shots.length : Number.NaN,
  };
}
