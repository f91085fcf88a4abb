// The commands of the signals radar.
import { type CommandEntry, command } from "../../../kernel/feature-module.ts";
import { signalsRadarCommand } from "./radar-handlers.ts";

export const SIGNAL_RADAR_COMMANDS: readonly CommandEntry[] = [
  command<{ category?: string }>({
    name: "signals",
    args: [{ name: "category", kind: "text", optional: true }],
    summary: "The signals radar: by category and age, strongest first",
    requires: "cluster.view",
    teamsMenu: false,
    // One optional word: a PESTEL category in any of the four languages.
    parse: (rest, { usage }) => {
      if (rest.length > 1) return usage;
      return { ok: true, args: rest[0] ? { category: rest[0] } : {} };
    },
    run: (hc, { category }) => signalsRadarCommand(hc, category),
  }),
];
