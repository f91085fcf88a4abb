// The ack table both Slack benchmarks print: the bot, the bare-Bolt baseline of the same requests,
// and their ratio, so the two reports read the same way.
import { type Distribution, fmt, table } from "./stats.ts";

export type AckRow = {
  requests: number;
  errors: number;
  /** Acks later than Slack's deadline. */
  late: number;
  ack: Pick<Distribution, "p50" | "p90" | "p99" | "max">;
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
  const ratio = (a: number, b: number) => (b > 0 ? `${fmt(a / b)}×` : "–");
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
        ratio(bot.ack.p50, base.ack.p50),
        ratio(bot.ack.p90, base.ack.p90),
        ratio(bot.ack.p99, base.ack.p99),
        ratio(bot.ack.max, base.ack.max),
        "",
        ratio(bot.cpuPerRequest, base.cpuPerRequest),
      ],
    ],
  );
}
