// The delphi feature's expected refusals (rounds); each has an `error.<REASON>` message.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const failures = [
  /** No Delphi by that id, or none in this cluster that is still running. */
  "DELPHI_MISSING",
  /** The round asked about is not the open one (closed, or a later one opened). */
  "DELPHI_ROUND_CLOSED",
  "DELPHI_ALREADY_ANSWERED",
  /** A value the Delphi's scales do not accept (a forged button or form). */
  "DELPHI_BAD_RATING",
  /** Explaining a view: the member has not answered, or already explained it. */
  "DELPHI_NOTHING_TO_EXPLAIN",
  /** `delphi close` with no round open. */
  "DELPHI_NO_OPEN_ROUND",
  /** `delphi next` while a round is still open. */
  "DELPHI_ROUND_STILL_OPEN",
] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"delphi", typeof failures> {}
}
