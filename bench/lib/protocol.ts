// What the benchmark's processes say to each other (see ipc.ts and child.ts).
export const BENCH_BOT_TOKEN = "xoxb-bench-token";
export const SLACK_EVENTS_PATH = "/slack/events";

/** What the parent reads back from the fake Slack API: enough to count replies and time them. */
export type CallSummary = { method: string; at: number; body?: Record<string, unknown> };
export type CallsQuery = { from: number; bodiesOf?: string[] };
export type CallsAnswer = { total: number; calls: CallSummary[] };
export type BotStats = { warnings: number; errors: number; firstProblems: string[] };
