// The cycle feature's commands: the cluster at a glance (status), and its terms (show, change one).
import { command } from "../../../kernel/feature-module.ts";
import { cycleCommand } from "./handlers.ts";
import { statusHandler } from "./status-handler.ts";

type CycleEdit = { edit?: { term: string; start: string; end: string } };

export const CYCLE_COMMANDS = [
  command({
    name: "status",
    args: [],
    summary: "The cluster at a glance",
    requires: "cluster.view",
    run: statusHandler,
  }),
  command<CycleEdit>({
    name: "cycle",
    args: [
      { name: "term", kind: "text", optional: true },
      { name: "MM-DD", kind: "text", optional: true },
      { name: "MM-DD", kind: "text", optional: true },
    ],
    summary: "The cluster's terms; chair or coordinator: change one",
    requires: "cluster.view",
    teamsMenu: false,
    inForum: true,
    // Without words: show the terms; `cycle <term> <MM-DD> <MM-DD>` edits one.
    parse: (rest, { usage }) => {
      if (rest.length === 0) return { ok: true, args: {} };
      if (rest.length !== 3) return usage;
      return { ok: true, args: { edit: { term: rest[0]!, start: rest[1]!, end: rest[2]! } } };
    },
    run: (hc, { edit }) => cycleCommand(hc, edit),
  }),
];
