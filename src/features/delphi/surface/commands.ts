// The commands of Delphi rounds: create, close the open round, open the next one, finish.
import { type CommandEntry, command } from "../../../kernel/feature-module.ts";
import {
  delphiCloseCommand,
  delphiFinishCommand,
  delphiNewCommand,
  delphiNextCommand,
  parseNextArgs,
} from "./delphi-handlers.ts";

export const DELPHI_COMMANDS: readonly CommandEntry[] = [
  command({
    name: "delphi new",
    args: [],
    summary: "Start a Delphi: statements the members rate anonymously, round after round",
    requires: "delphi.manage",
    // Teams shows at most 10 commands per menu, all taken: typed, it works the same.
    teamsMenu: false,
    run: delphiNewCommand,
  }),
  command({
    name: "delphi close",
    args: [],
    summary: "Close the open Delphi round now",
    requires: "delphi.manage",
    teamsMenu: false,
    run: delphiCloseCommand,
  }),
  command<{ date?: string; time?: string }>({
    name: "delphi next",
    args: [
      { name: "YYYY-MM-DD", kind: "text", optional: true },
      { name: "HH:MM", kind: "text", optional: true },
    ],
    summary: "Open the next Delphi round (closing on the date given, or in a week)",
    requires: "delphi.manage",
    teamsMenu: false,
    parse: (rest, { usage }) => parseNextArgs(rest) ?? usage,
    run: delphiNextCommand,
  }),
  command({
    name: "delphi finish",
    args: [],
    summary: "End the Delphi: no more rounds",
    requires: "delphi.manage",
    teamsMenu: false,
    run: delphiFinishCommand,
  }),
];
