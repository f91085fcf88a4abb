// The bridge feature's commands: `link` issues a channel code, `link me` an account code, `link <code>`
// accepts one; `unlink` ends the bridge.
import { can } from "../../../kernel/domain/roles.ts";
import { command } from "../../../kernel/feature-module.ts";
import { linkCommand, unlinkCommand } from "./handlers.ts";

type LinkArgs = { code?: string; me?: true };

export const BRIDGE_COMMANDS = [
  command<LinkArgs>({
    name: "link",
    args: [{ name: "me|code", kind: "text", optional: true }],
    summary:
      "Bridge the cluster to a channel on the other platform; `link me`: link your Slack and Teams accounts; `link <code>`: accept a code",
    requires: "anyone",
    teamsMenu: false,
    personal: true,
    // In a cluster's channel `link` bridges the cluster, which only its chair or coordinator may do;
    // a member links their own accounts in the personal chat.
    helpShows: ({ clusterName, role }) =>
      clusterName === null || (role !== null && can(role, "cluster.configure")),
    // People paste a code with or without the dash, sometimes split by a space.
    parse: (rest, { usage }) => {
      if (rest.length === 0) return { ok: true, args: {} };
      if (rest.length === 1 && rest[0]!.toLowerCase() === "me") return { ok: true, args: { me: true } };
      return rest.length <= 2 ? { ok: true, args: { code: rest.join("") } } : usage;
    },
    run: (hc, args) => linkCommand(hc, args),
  }),
  command({
    name: "unlink",
    args: [],
    summary: "End the bridge: the cluster keeps only this channel (chair or coordinator)",
    requires: "cluster.configure",
    teamsMenu: false,
    run: unlinkCommand,
  }),
];
