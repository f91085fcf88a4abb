// The minutes feature's commands. `[meeting]`: a title (may have spaces) or the start of the
// meeting's id; without it, the latest held meeting.
import { command, type ParseContext } from "../../../kernel/feature-module.ts";
import { minutesApproveCommand, minutesCommand, minutesDraftCommand } from "./handlers.ts";

type MeetingArg = { meeting?: string };
const meetingArg = (rest: string[], _context: ParseContext) => {
  const meeting = rest.join(" ").trim();
  return { ok: true as const, args: meeting ? { meeting } : {} };
};

export const MINUTES_COMMANDS = [
  command<MeetingArg>({
    name: "minutes",
    args: [{ name: "meeting", kind: "rest", optional: true }],
    summary: "The approved minutes as DOCX and Markdown, and the measures as CSV",
    requires: "cluster.view",
    teamsMenu: false,
    parse: meetingArg,
    run: (hc, { meeting }) => minutesCommand(hc, meeting),
  }),
  command<MeetingArg>({
    name: "minutes draft",
    args: [{ name: "meeting", kind: "rest", optional: true }],
    summary: "Draft the minutes of a meeting and edit them in a form",
    requires: "meeting.record",
    teamsMenu: false,
    parse: meetingArg,
    run: (hc, { meeting }) => minutesDraftCommand(hc, meeting),
  }),
  command<MeetingArg>({
    name: "minutes approve",
    args: [{ name: "meeting", kind: "rest", optional: true }],
    summary: "Approve the minutes and post them to the channel",
    requires: "meeting.record",
    teamsMenu: false,
    parse: meetingArg,
    run: (hc, { meeting }) => minutesApproveCommand(hc, { meeting }),
  }),
];
