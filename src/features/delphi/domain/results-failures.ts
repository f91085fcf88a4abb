// The delphi feature's expected refusals (results); each has an `error.<REASON>` message.
import type { ReasonsOf } from "../../../kernel/domain/result.ts";

export const resultsFailures = [
  /** The cluster has no Delphi yet. */
  "DELPHI_RESULTS_NO_DELPHI",
  /** The Delphi's first round is still open: no figures leave the answer sheets before it closes. */
  "DELPHI_RESULTS_NOT_YET",
  /** `delphi export <round>` names a round that has not closed (or does not exist). */
  "DELPHI_RESULTS_ROUND_NOT_CLOSED",
  /** A button names a statement that is not (or no longer) in this cluster. */
  "DELPHI_RESULTS_STATEMENT_NOT_FOUND",
  /** A forged or stale "propose" click on a statement the group did not keep disagreeing on. */
  "DELPHI_RESULTS_NOT_DISPUTED",
] as const;

// Adds these reasons to FailureReason; another feature declaring one of them does not compile.
declare module "../../../kernel/domain/result.ts" {
  interface FailureReasons extends ReasonsOf<"delphi-results", typeof resultsFailures> {}
}
