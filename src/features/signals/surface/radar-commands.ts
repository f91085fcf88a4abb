// The commands of the signals radar.
import type { CommandEntry } from "../../../kernel/feature-module.ts";

export const SIGNAL_RADAR_COMMANDS: readonly CommandEntry[] = [];
