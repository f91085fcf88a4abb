// The minutes feature's expected refusals; each has an `error.<REASON>` message in its catalog fragment.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const failures = [
  "NO_HELD_MEETING",
  "MINUTES_MEETING_NOT_FOUND",
  "MINUTES_NOT_APPROVED",
  "MINUTES_ALREADY_APPROVED",
] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"minutes", typeof failures> {}
}
