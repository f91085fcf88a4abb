// The pulses feature's commands: send a pulse (new or a copy), follow it, close it, export it, and
// say which side of the cluster one represents.
import { command } from "../../../kernel/feature-module.ts";
import {
  pulseCloseCommand,
  pulseExportCommand,
  pulseResultsCommand,
  pulseStatusCommand,
  stakeholderCommand,
} from "./admin-handlers.ts";
import { pulseCopyCommand, pulseNewCommand } from "./form-handlers.ts";

export const PULSE_COMMANDS = [
  command({
    name: "pulse new",
    args: [],
    summary: "Send a skill-need pulse to the members",
    requires: "pulse.manage",
    run: pulseNewCommand,
  }),
  command({
    name: "pulse copy",
    args: [],
    summary: "Send the previous cycle's pulse again, with new dates",
    requires: "pulse.manage",
    teamsMenu: false,
    run: pulseCopyCommand,
  }),
  command({
    name: "pulse status",
    args: [],
    summary: "Response rate of the latest pulse",
    requires: "cluster.view",
    teamsMenu: false,
    run: pulseStatusCommand,
  }),
  command({
    name: "pulse results",
    args: [],
    summary: "Results of the latest pulse, with charts",
    requires: "cluster.view",
    teamsMenu: false,
    run: pulseResultsCommand,
  }),
  command({
    name: "pulse close",
    args: [],
    summary: "Close the latest pulse now and post its results",
    requires: "pulse.manage",
    teamsMenu: false,
    run: pulseCloseCommand,
  }),
  command({
    name: "pulse export",
    args: [],
    summary: "The latest pulse's answers and summary as CSV files",
    requires: "pulse.export",
    teamsMenu: false,
    run: pulseExportCommand,
  }),
  command<{ type: string }>({
    name: "stakeholder",
    args: [{ name: "business|education|public|research", kind: "text" }],
    summary: "Say which side of the cluster you represent",
    requires: "cluster.view",
    teamsMenu: false,
    parse: (rest, { usage }) => (rest.length === 1 ? { ok: true, args: { type: rest[0]! } } : usage),
    run: (hc, { type }) => stakeholderCommand(hc, type),
  }),
];
