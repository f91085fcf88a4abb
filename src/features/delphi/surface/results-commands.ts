// The commands of Delphi results: charts, agenda proposals, CSV.
import type { CommandEntry } from "../../../kernel/feature-module.ts";

export const DELPHI_RESULT_COMMANDS: readonly CommandEntry[] = [];
