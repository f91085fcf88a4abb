// The notifications of meetings and their date polls: kinds and payloads (merged into the kernel's table).
import type {} from "../../../kernel/app/ports/composer.ts";

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    "poll.nudge": { meetingId: string; title: string; clusterName: string };
    "poll.all-answered": { meetingId: string; title: string; clusterName: string };
    "meeting.invitation": {
      change: "scheduled" | "rescheduled" | "cancelled";
      icsUid: string;
      title: string;
      startsAt: Date;
      location: string | null;
      clusterName: string;
      timeZone: string;
    };
    "meeting.reminder": {
      daysBefore: number;
      title: string;
      startsAt: Date;
      location: string | null;
      clusterName: string;
      timeZone: string;
    };
  }
}
