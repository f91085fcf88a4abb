// What the benchmark's processes say to each other (see ipc.ts and child.ts).
export const BENCH_BOT_TOKEN = "xoxb-bench-token";
export const SLACK_EVENTS_PATH = "/slack/events";

/** What the parent reads back from the fake Slack API: enough to count replies and time them. */
export type CallSummary = { method: string; at: number; body?: Record<string, unknown> };
/** Calls from index `from` on; with the bodies of these methods (Slack) or operations (Teams). */
export type CallsQuery = { from: number; bodiesOf?: string[] };
export type CallsAnswer = { total: number; calls: CallSummary[] };
export type BotStats = { warnings: number; errors: number; firstProblems: string[] };

/** What the parent reads back from the fake Bot Framework Connector (Teams): sends, replies, PUT updates. */
export type ConnectorCallSummary = {
  operation: string;
  conversationId?: string;
  activityId?: string;
  answeredId?: string;
  status: number;
  /** The activity the bot sent, only for the operations asked for (`bodiesOf`). */
  body?: Record<string, unknown>;
};
export type ConnectorCallsAnswer = { total: number; calls: ConnectorCallSummary[] };
