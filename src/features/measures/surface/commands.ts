// The measures feature's commands: give a member a measure, and the register.
import { command } from "../../../kernel/feature-module.ts";
import { measureAddCommand, measuresCommand } from "./handlers.ts";

export const MEASURE_COMMANDS = [
  command({
    name: "measure add",
    args: [],
    summary: "Give a member a measure with a due date",
    requires: "measure.assign",
    run: measureAddCommand,
  }),
  command<{ filter?: string }>({
    name: "measures",
    args: [{ name: "open|mine|overdue|all", kind: "text", optional: true }],
    summary: "The measures register",
    requires: "cluster.view",
    // The filter is optional: plain `measures` lists the open ones.
    parse: (rest, { usage }) => {
      if (rest.length > 1) return usage;
      return { ok: true, args: rest[0] ? { filter: rest[0] } : {} };
    },
    run: (hc, { filter }) => measuresCommand(hc, filter),
  }),
];
