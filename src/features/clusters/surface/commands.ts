// The clusters feature's commands: help, setting a channel up, membership and roles, the time zone.
import { parseRole, ROLES, type Role } from "../../../kernel/domain/roles.ts";
import { type ArgsOutcome, command, type ParseContext } from "../../../kernel/feature-module.ts";
import { CATALOGS } from "../../../kernel/i18n/catalog.ts";
import { badUser, MENTION, type MentionedUser, readMention } from "../../../kernel/surface/mentions.ts";
import { helpHandler } from "./help.ts";
import { joinHandler, leaveHandler, membersHandler, roleHandler } from "./membership-handlers.ts";
import { setupCommandHandler } from "./setup-handlers.ts";
import { timeZoneCommand } from "./time-zone-handler.ts";

export const CLUSTER_COMMANDS = [
  command({ name: "help", args: [], summary: "What you can do here", requires: "anyone", run: helpHandler }),
  command<{ clusterName: string }>({
    name: "setup",
    args: [{ name: "name", kind: "rest" }],
    summary: "Bind this channel to a new cluster",
    requires: "anyone",
    // Only a channel without a cluster can be set up.
    helpShows: ({ clusterName }) => clusterName === null,
    parse: (rest, { usage }) => {
      const clusterName = rest.join(" ").trim();
      return clusterName ? { ok: true, args: { clusterName } } : usage;
    },
    run: (hc, { clusterName }) => setupCommandHandler(hc, clusterName),
  }),
  command({
    name: "members",
    args: [],
    summary: "List the cluster's members and roles",
    requires: "cluster.view",
    run: membersHandler,
  }),
  command({
    name: "join",
    args: [],
    summary: "Join this channel's cluster",
    requires: "anyone",
    // Needs a cluster to join, and is no news to its members.
    helpShows: ({ clusterName, role }) => clusterName !== null && role === null,
    run: joinHandler,
  }),
  command({
    name: "leave",
    args: [],
    summary: "Leave this channel's cluster",
    requires: "cluster.view",
    teamsMenu: false,
    run: leaveHandler,
  }),
  command<{ target: MentionedUser; role: Role }>({
    name: "role",
    args: [
      { name: "user", kind: "user" },
      { name: "role", kind: "role" },
    ],
    summary: "Give a member a role (chair or coordinator only)",
    requires: "cluster.manage-roles",
    teamsMenu: false,
    parse: parseRoleArgs,
    run: (hc, { target, role }) => roleHandler(hc, target, role),
  }),
  command<{ zone?: string }>({
    name: "timezone",
    args: [{ name: "Area/City", kind: "text", optional: true }],
    summary: "The cluster's time zone; chair or coordinator: change it",
    requires: "cluster.view",
    teamsMenu: false,
    parse: (rest, { usage }) => {
      if (rest.length > 1) return usage;
      return { ok: true, args: rest[0] ? { zone: rest[0] } : {} };
    },
    run: (hc, { zone }) => timeZoneCommand(hc, zone),
  }),
];

function parseRoleArgs(
  args: string[],
  { usage, t }: ParseContext,
): ArgsOutcome<{ target: MentionedUser; role: Role }> {
  // Display names may contain spaces inside the mention: rejoin everything but the last word.
  // A person and no role ("role @Mikko Mallikas"): the usage line, not "<@29:…" quoted back.
  if (args.length < 2 || MENTION.test(args.join(" "))) return usage;
  // A role may be named in several words ("vice ordförande"): everything after the mention.
  const afterMention = /^(<@[^>\s]*(?:\|[^>]*)?>)\s+(.+)$/.exec(args.join(" "));
  const named = afterMention && !afterMention[2]!.includes("<@") ? afterMention : null;
  const roleWord = named?.[2] ?? args.at(-1)!;
  const userToken = named?.[1] ?? args.slice(0, -1).join(" ");
  const target = readMention(userToken);
  if (!target) return badUser(userToken);
  const role = parseRole(roleWord) ?? roleNamed(roleWord);
  if (!role)
    // The roles are listed as the reader knows them (the parser takes these names too).
    return {
      ok: false,
      key: "parse.badRole",
      params: { value: roleWord.slice(0, 30), roles: ROLES.map((r) => t(`role.${r}`)).join(", ") },
    };
  return { ok: true, args: { target, role } };
}

/** A role by its name in any of our languages ("varapuheenjohtaja", "vice-chair"), as help shows it. */
function roleNamed(word: string): Role | undefined {
  const key = (w: string) =>
    w
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\s_-]+/g, "");
  return ROLES.find((role) => Object.values(CATALOGS).some((c) => key(c[`role.${role}`]) === key(word)));
}
