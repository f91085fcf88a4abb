// The delphi feature's expected refusals (results); each has an `error.<REASON>` message.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const resultsFailures = [] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"delphi-results", typeof resultsFailures> {}
}
