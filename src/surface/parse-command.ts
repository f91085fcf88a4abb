// `/cluster <command> [args]` text → a typed command, or the message that explains what was wrong.
// Platforms normalise user mentions to `<@ID>` or `<@ID|name>` before this runs.
import { parseRole, ROLES, type Role } from "../domain/roles.ts";
import { COMMANDS, type CommandName, type CommandSpec, usageOf } from "./commands.ts";
import type { MessageKey, Params } from "./i18n/catalog.ts";

export type MentionedUser = { userId: string; displayName?: string };

export type ParsedCommand =
  | { name: Exclude<CommandName, "setup" | "role"> }
  | { name: "setup"; clusterName: string }
  | { name: "role"; target: MentionedUser; role: Role };

export type ParseOutcome =
  | { ok: true; command: ParsedCommand }
  | { ok: false; key: MessageKey; params: Params };

const MENTION = /^<@([A-Za-z0-9:_.-]+)(?:\|([^>]*))?>$/;

export function parseCommand(text: string): ParseOutcome {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [head, ...rest] = words;
  if (!head) return { ok: false, key: "parse.empty", params: {} };
  const spec = COMMANDS.find((c) => c.name === head.toLowerCase()) as CommandSpec | undefined;
  if (!spec) return { ok: false, key: "parse.unknownCommand", params: { word: head.slice(0, 40) } };
  const usage = { ok: false as const, key: "parse.usage" as const, params: { usage: usageOf(spec) } };
  switch (spec.name) {
    case "setup": {
      const clusterName = rest.join(" ").trim();
      return clusterName ? { ok: true, command: { name: "setup", clusterName } } : usage;
    }
    case "role":
      return parseRoleArgs(rest, usage);
    default:
      return { ok: true, command: { name: spec.name as Exclude<CommandName, "setup" | "role"> } };
  }
}

function parseRoleArgs(args: string[], usage: ParseOutcome): ParseOutcome {
  // Display names may contain spaces inside the mention: rejoin everything but the last word.
  if (args.length < 2) return usage;
  const roleWord = args.at(-1)!;
  const userToken = args.slice(0, -1).join(" ");
  const mention = MENTION.exec(userToken);
  if (!mention) return { ok: false, key: "parse.badUser", params: { value: userToken.slice(0, 60) } };
  const role = parseRole(roleWord);
  if (!role)
    return {
      ok: false,
      key: "parse.badRole",
      params: { value: roleWord.slice(0, 30), roles: ROLES.map((r) => r.toLowerCase()).join(", ") },
    };
  const target: MentionedUser = mention[2]
    ? { userId: mention[1]!, displayName: mention[2] }
    : { userId: mention[1]! };
  return { ok: true, command: { name: "role", target, role } };
}
