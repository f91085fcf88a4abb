// The commands of Delphi results: charts, agenda proposals, CSV.
import { type CommandEntry, command } from "../../../kernel/feature-module.ts";
import { delphiExportCommand, delphiResultsCommand } from "./results-handlers.ts";

export const DELPHI_RESULT_COMMANDS: readonly CommandEntry[] = [
  command({
    name: "delphi results",
    args: [],
    summary: "Post the latest Delphi's results to the channel, with charts",
    requires: "cluster.view",
    teamsMenu: false,
    run: delphiResultsCommand,
  }),
  command<{ round?: number }>({
    name: "delphi export",
    args: [{ name: "round", kind: "text", optional: true }],
    summary: "The latest Delphi's figures, ratings and reasons as CSV files",
    requires: "pulse.export",
    teamsMenu: false,
    parse: (rest, { usage }) => {
      if (rest.length === 0) return { ok: true, args: {} };
      const round = Number(rest[0]);
      return rest.length === 1 && Number.isInteger(round) && round >= 1 && round <= 1000
        ? { ok: true, args: { round } }
        : usage;
    },
    run: (hc, { round }) => delphiExportCommand(hc, round),
  }),
];
