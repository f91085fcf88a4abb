// The commands of signals: save from a message or a command, rate, link.
import type { CommandEntry } from "../../../kernel/feature-module.ts";

export const SIGNAL_COMMANDS: readonly CommandEntry[] = [];
