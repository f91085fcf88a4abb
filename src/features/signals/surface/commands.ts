// The commands of signals: save from a message or a command, rate, link.
import { type CommandEntry, command } from "../../../kernel/feature-module.ts";
import { signalCommand } from "./handlers.ts";

export const SIGNAL_COMMANDS: readonly CommandEntry[] = [
  command({
    name: "signal",
    args: [],
    summary: "Save a weak signal you noticed",
    requires: "signal.save",
    // Teams' menu is full (10); "Save as signal" on a message is the way in there.
    teamsMenu: false,
    run: (hc) => signalCommand(hc),
  }),
];
