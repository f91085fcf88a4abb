// `/cluster <command> [args]` text → a typed command, or the message that explains what was wrong.
// Platforms normalise user mentions to `<@ID>` or `<@ID|name>` before this runs.
import { parseRole, ROLES, type Role } from "../domain/roles.ts";
import { CATALOGS, type MessageKey, type Params } from "../i18n/catalog.ts";
import { COMMANDS, type CommandName, type CommandSpec, usageOf } from "./commands.ts";

export type MentionedUser = { userId: string; displayName?: string };

export type ParsedCommand =
  | {
      name: Exclude<
        CommandName,
        | MinutesCommand
        | "setup"
        | "role"
        | "measures"
        | "stakeholder"
        | "language"
        | "erase"
        | "forum setup"
        | "cycle"
        | "link"
      >;
    }
  | { name: "link"; code?: string; me?: true }
  | { name: "cycle"; edit?: { term: string; start: string; end: string } }
  | { name: "measures"; filter?: string }
  | { name: MinutesCommand; meeting?: string }
  | { name: "stakeholder"; type: string }
  | { name: "language"; locale?: string }
  | { name: "erase"; target: MentionedUser }
  | { name: "setup"; clusterName: string }
  | { name: "forum setup"; forumName: string }
  | { name: "role"; target: MentionedUser; role: Role };

type MinutesCommand = "minutes" | "minutes draft" | "minutes approve";

export type ParseOutcome =
  | { ok: true; command: ParsedCommand }
  | { ok: false; key: MessageKey; params: Params };

const MENTION = /^<@([A-Za-z0-9:_.-]+)(?:\|([^>]*))?>$/;

export function parseCommand(text: string): ParseOutcome {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const head = words[0];
  if (!head) return { ok: false, key: "parse.empty", params: {} };
  const spec = longestMatch(words);
  if (!spec)
    return (
      nearestTo(words) ?? { ok: false, key: "parse.unknownCommand", params: { word: head.slice(0, 40) } }
    );
  const rest = words.slice(spec.name.split(" ").length);
  const usage = { ok: false as const, key: "parse.usage" as const, params: { usage: usageOf(spec) } };
  switch (spec.name) {
    case "setup": {
      const clusterName = rest.join(" ").trim();
      return clusterName ? { ok: true, command: { name: "setup", clusterName } } : usage;
    }
    case "forum setup": {
      const forumName = rest.join(" ").trim();
      return forumName ? { ok: true, command: { name: "forum setup", forumName } } : usage;
    }
    case "role":
      return parseRoleArgs(rest, usage);
    case "language":
      if (rest.length > 1) return usage;
      return { ok: true, command: rest[0] ? { name: "language", locale: rest[0] } : { name: "language" } };
    case "erase":
      return parseEraseArgs(rest, usage);
    case "minutes":
    case "minutes draft":
    case "minutes approve": {
      // `[meeting]`: a title (may have spaces) or the start of the meeting's id.
      const meeting = rest.join(" ").trim();
      return { ok: true, command: meeting ? { name: spec.name, meeting } : { name: spec.name } };
    }
    case "measures":
      // The filter is optional: plain `measures` lists the open ones.
      if (rest.length > 1) return usage;
      return { ok: true, command: rest[0] ? { name: "measures", filter: rest[0] } : { name: "measures" } };
    case "cycle":
      // Without words: show the terms; `cycle <term> <MM-DD> <MM-DD>` edits one.
      if (rest.length === 0) return { ok: true, command: { name: "cycle" } };
      if (rest.length !== 3) return usage;
      return {
        ok: true,
        command: { name: "cycle", edit: { term: rest[0]!, start: rest[1]!, end: rest[2]! } },
      };
    case "link":
      // `link` issues a channel code, `link me` an account code; anything else is a code to accept
      // (people paste it with or without the dash, sometimes split by a space).
      if (rest.length === 0) return { ok: true, command: { name: "link" } };
      if (rest.length === 1 && rest[0]!.toLowerCase() === "me")
        return { ok: true, command: { name: "link", me: true } };
      return rest.length <= 2 ? { ok: true, command: { name: "link", code: rest.join("") } } : usage;
    case "stakeholder":
      return rest.length === 1 ? { ok: true, command: { name: "stakeholder", type: rest[0]! } } : usage;
    default:
      // Extra words after a command without arguments are most likely a typo of a longer command.
      if (rest.length > 0) return nearestTo(words, spec) ?? usage;
      return {
        ok: true,
        command: {
          name: spec.name as Exclude<
            CommandName,
            | MinutesCommand
            | "setup"
            | "role"
            | "measures"
            | "stakeholder"
            | "language"
            | "erase"
            | "forum setup"
            | "cycle"
            | "link"
          >,
        },
      };
  }
}

/**
 * A typo of a command ("meeting plann", "memebrs"): the command whose name is closest to what was
 * typed (as many words as the name has), if it is at most two letters off. Not `matched` itself.
 */
function nearestTo(words: string[], matched?: CommandSpec): ParseOutcome | null {
  let best: { spec: CommandSpec; distance: number } | null = null;
  for (const spec of COMMANDS as readonly CommandSpec[]) {
    if (spec === matched) continue;
    const typed = words.slice(0, spec.name.split(" ").length).join(" ").toLowerCase();
    const distance = editDistance(typed, spec.name);
    if (distance <= 2 && distance < spec.name.length / 2 && (!best || distance < best.distance))
      best = { spec, distance };
  }
  return best ? { ok: false, key: "parse.didYouMean", params: { usage: usageOf(best.spec) } } : null;
}

/** Levenshtein distance, for short command names. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

/** "meeting plan" wins over "meeting": the command whose every word matches, longest first. */
function longestMatch(words: string[]): CommandSpec | undefined {
  const lower = words.map((w) => w.toLowerCase());
  return (COMMANDS as readonly CommandSpec[])
    .filter((c) => c.name.split(" ").every((part, i) => lower[i] === part))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

/** "… is not a person", quoting what was typed as a person reads it: mentions by name, never raw ids. */
function badUser(token: string): ParseOutcome {
  const readable = token
    .replace(/<@[^|>\s]*\|([^>]*)>?/g, "@$1")
    .replace(/<@[^>\s]*>?/g, "@…")
    .slice(0, 60);
  return { ok: false, key: "parse.badUser", params: { value: readable } };
}

function parseRoleArgs(args: string[], usage: ParseOutcome): ParseOutcome {
  // Display names may contain spaces inside the mention: rejoin everything but the last word.
  // A person and no role ("role @Mikko Mallikas"): the usage line, not "<@29:…" quoted back.
  if (args.length < 2 || MENTION.test(args.join(" "))) return usage;
  // A role may be named in several words ("vice ordförande"): everything after the mention.
  const afterMention = /^(<@[^>\s]*(?:\|[^>]*)?>)\s+(.+)$/.exec(args.join(" "));
  const named = afterMention && !afterMention[2]!.includes("<@") ? afterMention : null;
  const roleWord = named?.[2] ?? args.at(-1)!;
  const userToken = named?.[1] ?? args.slice(0, -1).join(" ");
  const mention = MENTION.exec(userToken);
  if (!mention) return badUser(userToken);
  const role = parseRole(roleWord) ?? roleNamed(roleWord);
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

/** A role by its name in any of our languages ("varapuheenjohtaja", "vice-chair"), as help shows it. */
function roleNamed(word: string): Role | undefined {
  const key = (w: string) =>
    w
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\s_-]+/g, "");
  return ROLES.find((role) => Object.values(CATALOGS).some((c) => key(c[`role.${role}`]) === key(word)));
}

function parseEraseArgs(args: string[], usage: ParseOutcome): ParseOutcome {
  if (args.length === 0) return usage;
  const userToken = args.join(" ");
  const mention = MENTION.exec(userToken);
  if (!mention) return badUser(userToken);
  const target: MentionedUser = mention[2]
    ? { userId: mention[1]!, displayName: mention[2] }
    : { userId: mention[1]! };
  return { ok: true, command: { name: "erase", target } };
}
