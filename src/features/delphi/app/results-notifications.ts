// The channel messages of a Delphi's results (merged into the kernel's table of notifications): the
// statements two to a message, the first message opening with the overview. Two, because Slack draws
// at most two charts in a message and each statement has one.
import type { NotificationMessage } from "../../../kernel/app/ports/composer.ts";
import type { StatementSummary } from "../domain/results-summary.ts";
import type { Scales } from "../domain/scales.ts";

export type DelphiResultsOverview = {
  title: string;
  clusterName: string;
  rounds: number[];
  statements: number;
  consensusCount: number;
  disagreements: { position: number; text: string }[];
};

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    "delphi.results": {
      delphiId: string;
      scales: Scales;
      rounds: number[];
      /** The first message only. */
      overview: DelphiResultsOverview | null;
      statements: StatementSummary[];
    };
  }
}

export type DelphiResultsNotification = Extract<NotificationMessage, { type: "delphi.results" }>;
