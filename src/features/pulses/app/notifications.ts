// A pulse's notifications: the personal answer sheet, the channel's announcement, reminders, results
// (merged into the kernel's table).
import type { NotificationMessage } from "../../../kernel/app/ports/composer.ts";
import type { CycleComparison, QuestionSummary, ResponseRate } from "../domain/aggregate.ts";
import type { QuestionDefinition } from "../domain/question-types.ts";
import type { PulseSheet } from "./pulse-sheet-shape.ts";

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    "pulse.invitation": { sheet: PulseSheet };
    "pulse.opened": {
      pulseId: string;
      title: string;
      clusterName: string;
      closesAt: Date;
      timeZone: string;
      invited: number;
      anonymous: boolean;
    };
    "pulse.reminder": {
      pulseId: string;
      title: string;
      clusterName: string;
      closesAt: Date;
      timeZone: string;
      anonymous: boolean;
    };
    "pulse.results": {
      pulseId: string;
      title: string;
      clusterName: string;
      respondents: number;
      rate: ResponseRate;
      anonymous: boolean;
      /** Live results of a pulse still open. */
      live: boolean;
      previousTitle: string | null;
    };
    "pulse.question-result": {
      pulseTitle: string;
      number: number;
      question: QuestionDefinition;
      summary: QuestionSummary;
      comparison: CycleComparison | null;
      previousTitle: string | null;
    };
  }
}

export type PulseNotificationType =
  | "pulse.invitation"
  | "pulse.opened"
  | "pulse.reminder"
  | "pulse.results"
  | "pulse.question-result";

/** A pulse's messages, discriminated by `type`. */
export type PulseNotification = Extract<NotificationMessage, { type: PulseNotificationType }>;
