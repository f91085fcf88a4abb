// The meetings feature's commands: plan a meeting with a date poll, show it, move or cancel it.
// They all run in the chairs' forum too: the forum plans its own twice-yearly meeting.
import { command } from "../../../kernel/feature-module.ts";
import { cancelCommand, rescheduleCommand } from "./change-handlers.ts";
import { meetingPlanCommand, meetingShowHandler } from "./handlers.ts";

export const MEETING_COMMANDS = [
  command({
    name: "meeting plan",
    args: [],
    summary: "Plan the next meeting with a date poll",
    requires: "meeting.plan",
    inForum: true,
    run: meetingPlanCommand,
  }),
  command({
    name: "meeting",
    args: [],
    summary: "The open date poll or the next meeting",
    requires: "cluster.view",
    inForum: true,
    run: meetingShowHandler,
  }),
  command({
    name: "meeting reschedule",
    args: [],
    summary: "Move the scheduled meeting",
    requires: "meeting.plan",
    teamsMenu: false,
    inForum: true,
    run: rescheduleCommand,
  }),
  command({
    name: "meeting cancel",
    args: [],
    summary: "Cancel the scheduled meeting",
    requires: "meeting.plan",
    teamsMenu: false,
    inForum: true,
    run: cancelCommand,
  }),
];
