// The ack table both Slack benchmarks print: the bot, the bare-Bolt baseline of the same requests,
// and their ratio, so the two reports read the same way.
import { type Distribution, fmt, table } from "./stats.ts";

export type AckRow = {
  requests: number;
  errors: number;
  /** Acks later than Slack's deadline. */
  late: number;
  ack: Percentiles;
  throughput: number;
  cpuPerRequest: number;
};

export function ackComparisonTable(
  rows: { bot: AckRow; base: AckRow },
  labels: { bot: string; base: string; errors: string; deadlineMs: number },
): string {
  const row = (name: string, s: AckRow) => [
    name,
    String(s.requests),
    String(s.errors),
    String(s.late),
    fmt(s.ack.p50),
    fmt(s.ack.p90),
    fmt(s.ack.p99),
    fmt(s.ack.max),
    fmt(s.throughput, 1),
    fmt(s.cpuPerRequest, 2),
  ];
  const { bot, base } = rows;
  return table(
    [
      "target",
      "requests",
      labels.errors,
      `>${labels.deadlineMs / 1000} s`,
      "p50",
      "p90",
      "p99",
      "max",
      "req/s",
      "CPU ms/req",
    ],
    [
      row(labels.bot, bot),
      row(labels.base, base),
      [
        "bot / baseline",
        "",
        "",
        "",
        ...percentileRatios(bot.ack, base.ack),
        "",
        ratio(bot.cpuPerRequest, base.cpuPerRequest),
      ],
    ],
  );
}

/** `a / b` as "1.34×", or "–" when there is nothing to divide by. */
export const ratio = (a: number, b: number): string => (b > 0 ? `${fmt(a / b)}×` : "–");

type Percentiles = Pick<Distribution, "p50" | "p90" | "p99" | "max">;

/** The cells p50, p90, p99 and max of `a` over `b`. */
export function percentileRatios(a: Percentiles, b: Percentiles): string[] {
  return [ratio(a.p50, b.p50), ratio(a.p90, b.p90), ratio(a.p99, b.p99), ratio(a.max, b.max)];
}
