// The `/cluster …` grammar, shared by Slack (slash command text) and Teams (message to the bot).
// Manifests are checked against this table in test/manifests, so a new command appears in both.
import type { Capability } from "../domain/roles.ts";
import type { MessageKey, Translate } from "../i18n/catalog.ts";

export const SLASH_COMMAND = "/cluster";

export type ArgSpec = { name: string; kind: "text" | "user" | "role" | "rest"; optional?: true };

export type CommandSpec = {
  /** Words after `/cluster`, e.g. "help" or "role". */
  name: string;
  args: readonly ArgSpec[];
  /** English one-liner used in manifests; users see the localised text from the catalog. */
  summary: string;
  /** Who sees it in `help`; the use case enforces the same rule. */
  requires: "anyone" | Capability;
  /** Teams' command menu holds at most 10 commands per scope; rarely used ones stay out of it. */
  teamsMenu?: false;
};

export const COMMANDS = [
  { name: "help", args: [], summary: "What you can do here", requires: "anyone" },
  {
    name: "setup",
    args: [{ name: "name", kind: "rest" }],
    summary: "Bind this channel to a new cluster",
    requires: "anyone",
  },
  { name: "members", args: [], summary: "List the cluster's members and roles", requires: "cluster.view" },
  { name: "join", args: [], summary: "Join this channel's cluster", requires: "anyone" },
  {
    name: "leave",
    args: [],
    summary: "Leave this channel's cluster",
    requires: "cluster.view",
    teamsMenu: false,
  },
  {
    name: "role",
    args: [
      { name: "user", kind: "user" },
      { name: "role", kind: "role" },
    ],
    summary: "Give a member a role (chair or coordinator only)",
    requires: "cluster.manage-roles",
    teamsMenu: false,
  },
  { name: "status", args: [], summary: "The cluster at a glance", requires: "cluster.view" },
  {
    name: "cycle",
    args: [
      { name: "term", kind: "text", optional: true },
      { name: "MM-DD", kind: "text", optional: true },
      { name: "MM-DD", kind: "text", optional: true },
    ],
    summary: "The cluster's terms; chair or coordinator: change one",
    requires: "cluster.view",
    teamsMenu: false,
  },
  {
    name: "meeting plan",
    args: [],
    summary: "Plan the next meeting with a date poll",
    requires: "meeting.plan",
  },
  { name: "meeting", args: [], summary: "The open date poll or the next meeting", requires: "cluster.view" },
  {
    name: "meeting reschedule",
    args: [],
    summary: "Move the scheduled meeting",
    requires: "meeting.plan",
    teamsMenu: false,
  },
  {
    name: "meeting cancel",
    args: [],
    summary: "Cancel the scheduled meeting",
    requires: "meeting.plan",
    teamsMenu: false,
  },
  {
    name: "measure add",
    args: [],
    summary: "Give a member a measure with a due date",
    requires: "measure.assign",
  },
  {
    name: "measures",
    args: [{ name: "open|mine|overdue|all", kind: "text", optional: true }],
    summary: "The measures register",
    requires: "cluster.view",
  },
  {
    name: "agenda",
    args: [],
    summary: "The next meeting's agenda, with open measures to follow up",
    requires: "cluster.view",
    teamsMenu: false,
  },
  {
    name: "agenda add",
    args: [],
    summary: "Propose an item for the next meeting's agenda",
    requires: "agenda.propose",
    teamsMenu: false,
  },
  {
    name: "record",
    args: [],
    summary: "Record the meeting: attendance, decisions, agenda outcomes",
    requires: "meeting.record",
    teamsMenu: false,
  },
  {
    name: "decide",
    args: [],
    summary: "Record a decision of the meeting",
    requires: "meeting.record",
    teamsMenu: false,
  },
  {
    name: "pulse new",
    args: [],
    summary: "Send a skill-need pulse to the members",
    requires: "pulse.manage",
  },
  {
    name: "pulse copy",
    args: [],
    summary: "Send the previous cycle's pulse again, with new dates",
    requires: "pulse.manage",
    teamsMenu: false,
  },
  {
    name: "pulse status",
    args: [],
    summary: "Response rate of the latest pulse",
    requires: "cluster.view",
    teamsMenu: false,
  },
  {
    name: "pulse results",
    args: [],
    summary: "Results of the latest pulse, with charts",
    requires: "cluster.view",
    teamsMenu: false,
  },
  {
    name: "pulse close",
    args: [],
    summary: "Close the latest pulse now and post its results",
    requires: "pulse.manage",
    teamsMenu: false,
  },
  {
    name: "pulse export",
    args: [],
    summary: "The latest pulse's answers and summary as CSV files",
    requires: "pulse.export",
    teamsMenu: false,
  },
  {
    name: "stakeholder",
    args: [{ name: "business|education|public|research", kind: "text" }],
    summary: "Say which side of the cluster you represent",
    requires: "cluster.view",
    teamsMenu: false,
  },
  {
    name: "forum setup",
    args: [{ name: "name", kind: "rest" }],
    summary: "Bind this channel as the chairs' forum of all clusters",
    requires: "forum.report",
    teamsMenu: false,
  },
  {
    name: "chairs report",
    args: [],
    summary: "The clusters side by side: skill demand, measures, meetings (chairs' forum)",
    requires: "forum.report",
    teamsMenu: false,
  },
  {
    name: "language",
    args: [{ name: "fi|sv|en|nl", kind: "text", optional: true }],
    summary: "The language Ennakko uses with you",
    requires: "anyone",
    teamsMenu: false,
  },
  {
    name: "my-data",
    args: [],
    summary: "Everything Ennakko stores about you, as JSON and CSV files",
    requires: "anyone",
    teamsMenu: false,
  },
  {
    name: "home",
    args: [],
    summary: "Your home: what waits for you in all your clusters",
    requires: "anyone",
    teamsMenu: false,
  },
  {
    name: "erase",
    args: [{ name: "user", kind: "user" }],
    summary: "Erase a member's personal data (chair or coordinator only)",
    requires: "member.erase",
    teamsMenu: false,
  },
  {
    name: "minutes",
    args: [{ name: "meeting", kind: "rest", optional: true }],
    summary: "The approved minutes as DOCX and Markdown, and the measures as CSV",
    requires: "cluster.view",
    teamsMenu: false,
  },
  {
    name: "minutes draft",
    args: [{ name: "meeting", kind: "rest", optional: true }],
    summary: "Draft the minutes of a meeting and edit them in a form",
    requires: "meeting.record",
    teamsMenu: false,
  },
  {
    name: "minutes approve",
    args: [{ name: "meeting", kind: "rest", optional: true }],
    summary: "Approve the minutes and post them to the channel",
    requires: "meeting.record",
    teamsMenu: false,
  },
  {
    name: "link",
    args: [{ name: "me|code", kind: "text", optional: true }],
    summary:
      "Bridge the cluster to a channel on the other platform; `link me`: link your Slack and Teams accounts; `link <code>`: accept a code",
    requires: "anyone",
    teamsMenu: false,
  },
  {
    name: "unlink",
    args: [],
    summary: "End the bridge: the cluster keeps only this channel (chair or coordinator)",
    requires: "cluster.configure",
    teamsMenu: false,
  },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]["name"];

/** The commands offered in Teams' command menu (the manifest's commandLists). */
export const TEAMS_MENU = (COMMANDS as readonly CommandSpec[]).filter((c) => c.teamsMenu !== false);

export function usageOf(spec: CommandSpec): string {
  const args = spec.args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`)).join(" ");
  return `${SLASH_COMMAND} ${spec.name}${args ? ` ${args}` : ""}`;
}

/**
 * The usage line in the reader's language: placeholders (`<name>`, `[meeting]`) are translated;
 * the words the parser takes as they are (`open|mine`, `fi|sv`, `me`) stay as typed.
 */
export function localUsageOf(spec: CommandSpec, t: Translate): string {
  const word = (w: string) => (ARG_LABELS.has(w) ? t(`arg.${w}` as MessageKey) : w);
  const name = (a: ArgSpec) => a.name.split("|").map(word).join("|");
  const args = spec.args.map((a) => (a.optional ? `[${name(a)}]` : `<${name(a)}>`)).join(" ");
  return `${SLASH_COMMAND} ${spec.name}${args ? ` ${args}` : ""}`;
}
const ARG_LABELS = new Set(["name", "user", "role", "term", "MM-DD", "meeting", "code"]);
