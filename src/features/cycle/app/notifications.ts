// The notification of the cycle rhythm: kind and payload (merged into the kernel's table).
import type {} from "../../../kernel/app/ports/composer.ts";
import type { CycleTerm } from "../../../kernel/domain/cycle-terms.ts";

/** A term is near (schedule-cycle-kickoffs.ts): what its kickoff message says. */
export type CycleKickoffMessage = {
  clusterId: string;
  clusterName: string;
  /** The chairs' forum gets "Plan the meeting" only. */
  forum: boolean;
  term: CycleTerm;
  /** Local date the term opens, in the cluster's zone. */
  opens: string;
  closes: string;
};

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    /** A term is near: the cluster's organisers get one-click actions to start it. */
    "cycle.kickoff": CycleKickoffMessage;
  }
}
