// What the dispatcher reports about every interaction it handled, for logs and metrics. The kernel
// defines the shape; src/metrics implements an observer (the kernel imports no metrics library).
import type { Envelope } from "./intent.ts";

/**
 * ok: a handler answered. refused: a form came back with errors (nothing written). repeated: a replay
 * of a delivery already handled. malformed: the platform's payload did not validate. error: the
 * handler threw (the person got an apology).
 */
export type InteractionOutcome = "ok" | "refused" | "repeated" | "malformed" | "error";

export type InteractionReport = {
  platform: Envelope["actor"]["platform"] | "unknown";
  kind: Envelope["intent"]["kind"] | "unknown";
  outcome: InteractionOutcome;
  durationMs: number;
  /** The cluster a use case acted in, when one did. */
  clusterId?: string;
};

export type InteractionObserver = (report: InteractionReport) => void;
