// The chairs' forum's commands: bind a channel as the forum, and the report across clusters.
import { command } from "../../../kernel/feature-module.ts";
import { chairsReportCommand, forumSetupCommand } from "./handlers.ts";

export const FORUM_COMMANDS = [
  command<{ forumName: string }>({
    name: "forum setup",
    args: [{ name: "name", kind: "rest" }],
    summary: "Bind this channel as the chairs' forum of all clusters",
    requires: "forum.report",
    teamsMenu: false,
    inForum: true,
    parse: (rest, { usage }) => {
      const forumName = rest.join(" ").trim();
      return forumName ? { ok: true, args: { forumName } } : usage;
    },
    run: (hc, { forumName }) => forumSetupCommand(hc, forumName),
  }),
  command({
    name: "chairs report",
    args: [],
    summary: "The clusters side by side: skill demand, measures, meetings (chairs' forum)",
    requires: "forum.report",
    teamsMenu: false,
    inForum: true,
    run: chairsReportCommand,
  }),
];
