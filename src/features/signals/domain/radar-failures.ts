// The signals feature's expected refusals (radar); each has an `error.<REASON>` message.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const radarFailures = [] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"signals-radar", typeof radarFailures> {}
}
