// The people feature's expected refusals; each has an `error.<REASON>` message in its catalog fragment.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const failures = ["ERASE_SELF"] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"people", typeof failures> {}
}
