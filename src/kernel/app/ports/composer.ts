// Notifications are written in the same transaction as the change that causes them (outbox), and
// in the recipient's language. The app says *what* happened; the surface, injected here, says it.

import type { MeasureStatus } from "../../../features/measures/index.ts";
import type {
  CycleComparison,
  PulseSheet,
  QuestionDefinition,
  QuestionSummary,
  ResponseRate,
} from "../../../features/pulses/index.ts";
import type { CycleTerm } from "../../domain/cycle-terms.ts";
import type { Locale } from "../../domain/locale.ts";
import type { ViewPayload } from "./chat-gateway.ts";

export type NotificationMessage =
  | {
      type: "measure.assigned";
      measureId: string;
      title: string;
      description: string | null;
      dueDate: string;
      clusterName: string;
      assignedBy: string;
    }
  | {
      type: "measure.changed";
      measureId: string;
      title: string;
      clusterName: string;
      ownerName: string;
      status: MeasureStatus;
      progress: number;
      note: string | null;
      changedBy: string;
    }
  | {
      type: "measure.reminder";
      kind: "due-soon" | "due-today" | "overdue";
      measureId: string;
      title: string;
      dueDate: string;
      clusterName: string;
    }
  | {
      type: "measure.escalation";
      measureId: string;
      title: string;
      dueDate: string;
      clusterName: string;
      ownerName: string;
    }
  | {
      type: "cluster.digest";
      clusterName: string;
      changed: { title: string; status: MeasureStatus; progress: number }[];
      slipping: { title: string; ownerName: string; dueDate: string; status: MeasureStatus }[];
    }
  | { type: "poll.nudge"; meetingId: string; title: string; clusterName: string }
  | { type: "poll.all-answered"; meetingId: string; title: string; clusterName: string }
  | {
      type: "meeting.invitation";
      change: "scheduled" | "rescheduled" | "cancelled";
      icsUid: string;
      title: string;
      startsAt: Date;
      location: string | null;
      clusterName: string;
      timeZone: string;
    }
  | {
      type: "meeting.reminder";
      daysBefore: number;
      title: string;
      startsAt: Date;
      location: string | null;
      clusterName: string;
      timeZone: string;
    }
  | PulseNotification
  /** Download links to files (exports) the person asked for, sent to their personal chat. */
  | {
      type: "files.ready";
      /** `url`: the link, or the slot the outbox worker fills with a freshly minted link as it sends. */
      files: { title: string; filename: string; url: string }[];
      comment: string;
      validHours: number;
    }
  /** The channel on the other platform no longer belongs to the cluster (`by`: where it was unlinked). */
  | { type: "cluster.unlinked"; clusterName: string; by: string }
  /** A term is near: the cluster's organisers get one-click actions to start it. */
  | ({ type: "cycle.kickoff" } & CycleKickoffMessage);

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

/** A pulse's messages: the personal answer sheet, the channel's announcement, reminders, results. */
export type PulseNotification =
  | { type: "pulse.invitation"; sheet: PulseSheet }
  | {
      type: "pulse.opened";
      pulseId: string;
      title: string;
      clusterName: string;
      closesAt: Date;
      timeZone: string;
      invited: number;
      anonymous: boolean;
    }
  | {
      type: "pulse.reminder";
      pulseId: string;
      title: string;
      clusterName: string;
      closesAt: Date;
      timeZone: string;
      anonymous: boolean;
    }
  | {
      type: "pulse.results";
      pulseId: string;
      title: string;
      clusterName: string;
      respondents: number;
      rate: ResponseRate;
      anonymous: boolean;
      /** Live results of a pulse still open. */
      live: boolean;
      previousTitle: string | null;
    }
  | {
      type: "pulse.question-result";
      pulseTitle: string;
      number: number;
      question: QuestionDefinition;
      summary: QuestionSummary;
      comparison: CycleComparison | null;
      previousTitle: string | null;
    };

export type NotificationType = NotificationMessage["type"];

export interface Composer {
  compose(message: NotificationMessage, locale: Locale): ViewPayload;
  /**
   * The public link to a stored download (`token` as only the link carries it), or undefined when
   * the bot has no public URL (PUBLIC_URL) and so cannot hand out links to itself.
   */
  downloadUrl?(token: string, filename: string): string | undefined;
}
