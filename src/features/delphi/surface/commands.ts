// The commands of Delphi rounds: create, answer, open round 2, close.
import type { CommandEntry } from "../../../kernel/feature-module.ts";

export const DELPHI_COMMANDS: readonly CommandEntry[] = [];
