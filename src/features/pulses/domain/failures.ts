// The pulses feature's expected refusals; each has an `error.<REASON>` message in its catalog fragment.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const failures = [
  "PULSE_NOT_FOUND",
  "PULSE_NOT_OPEN",
  "PULSE_CLOSED",
  "NOT_IN_AUDIENCE",
  "PULSE_ALREADY_SUBMITTED",
  "RESPONSE_NOT_FOUND",
  "INVALID_ANSWER",
  "UNKNOWN_QUESTION",
  "NO_PREVIOUS_PULSE",
  "PULSE_NEEDS_SKILLS",
  "RESULTS_NOT_AVAILABLE",
] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"pulses", typeof failures> {}
}
