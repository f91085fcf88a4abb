// The bridge feature's expected refusals; each has an `error.<REASON>` message in its catalog fragment.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const failures = [
  "NEEDS_PERSONAL_CHAT",
  "LINK_CODE_INVALID",
  "LINK_CODE_EXPIRED",
  "LINK_CODE_USED",
  "CLUSTER_ALREADY_BRIDGED",
  "CLUSTER_PLATFORM_TAKEN",
  "LINK_SAME_PLATFORM",
  "ALREADY_LINKED",
  "NOT_BRIDGED",
] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"bridge", typeof failures> {}
}
