// The signals feature's expected refusals (capture and rating); each has an `error.<REASON>` message.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const failures = [
  "SIGNAL_NOT_FOUND",
  "SIGNAL_NO_PLANNED_MEETING",
  "SIGNAL_MEASURE_NOT_FOUND",
  "SIGNAL_NO_OPEN_MEASURES",
] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"signals", typeof failures> {}
}
