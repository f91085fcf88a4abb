// The agenda feature's expected refusals; each has an `error.<REASON>` message in its catalog fragment.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const failures = ["NO_UPCOMING_MEETING", "AGENDA_CLOSED", "AGENDA_ITEM_NOT_FOUND"] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"agenda", typeof failures> {}
}
