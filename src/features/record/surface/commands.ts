// The record feature's commands: record the meeting, and record one decision.
import { command } from "../../../kernel/feature-module.ts";
import { decideCommand, recordCommand } from "./handlers.ts";

export const RECORD_COMMANDS = [
  command({
    name: "record",
    args: [],
    summary: "Record the meeting: attendance, decisions, agenda outcomes",
    requires: "meeting.record",
    teamsMenu: false,
    run: recordCommand,
  }),
  command({
    name: "decide",
    args: [],
    summary: "Record a decision of the meeting",
    requires: "meeting.record",
    teamsMenu: false,
    run: (hc) => decideCommand(hc),
  }),
];
