// Notifications are written in the same transaction as the change that causes them (outbox), and
// in the recipient's language. The app says *what* happened; the surface, injected here, says it.

import type { MeasureStatus } from "../../domain/follow-up-policy.ts";
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
    };

export interface Composer {
  compose(message: NotificationMessage, locale: Locale): ViewPayload;
}
