// The meetings feature: planning a meeting with a date poll, finalising, rescheduling or cancelling it, reminders and calendar files.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { meetingJobs } from "./app/jobs.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { MEETING_COMMANDS } from "./surface/commands.ts";
import { meetingNotifications } from "./surface/notifications.ts";
import { MEETING_ACTIONS, MEETING_FORMS } from "./surface/routes.ts";

export const meetings: FeatureModule = {
  name: "meetings",
  commands: MEETING_COMMANDS,
  actions: MEETING_ACTIONS,
  forms: MEETING_FORMS,
  notifications: meetingNotifications,
  jobs: meetingJobs,
  messages,
  failures,
};

export { CALENDAR_MIME } from "./app/icalendar.ts";

// What other features use of this one.
export { meetingCalendarFile } from "./app/meeting-calendar-file.ts";
export { claimInteraction, markHeld, meetingToRecord, upcomingMeeting } from "./app/meetings.ts";
export { isRecordable, type MeetingStatus } from "./domain/meeting-rules.ts";
export { meetingPlanCommand } from "./surface/handlers.ts";
export { whenText } from "./surface/poll-view.ts";
