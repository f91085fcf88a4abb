// `/cluster <command> [args]` text → a command of an installed feature with its arguments, or the
// message that explains what was wrong, in the reader's language. The grammar is the features' command
// tables (src/kernel/registry.ts): this file knows no command by name.
import type { ArgsOutcome, CommandEntry, ParsedCommand } from "../feature-module.ts";
import { type MessageKey, type Params, type Translate, translator } from "../i18n/catalog.ts";
import { registry } from "../registry.ts";
import { localUsageOf } from "./commands.ts";

export type { MentionedUser } from "./mentions.ts";
export type { ParsedCommand };

export type ParseOutcome =
  | { ok: true; command: ParsedCommand }
  | { ok: false; key: MessageKey; params: Params };

/** `t`: the reader's translator, so usage lines and choices are named as the reader knows them. */
export function parseCommand(
  text: string,
  t: Translate = translator("en"),
  commands: readonly CommandEntry[] = registry().commands,
): ParseOutcome {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const head = words[0];
  if (!head) return { ok: false, key: "parse.empty", params: {} };
  const entry = longestMatch(commands, words);
  if (!entry)
    return (
      nearestTo(commands, words, t) ?? {
        ok: false,
        key: "parse.unknownCommand",
        params: { word: head.slice(0, 40) },
      }
    );
  const rest = words.slice(entry.name.split(" ").length);
  const usage: ArgsOutcome<never> = {
    ok: false,
    key: "parse.usage",
    params: { usage: localUsageOf(entry, t) },
  };
  if (!entry.parse)
    // Extra words after a command without arguments are most likely a typo of a longer command.
    return rest.length > 0
      ? (nearestTo(commands, words, t, entry) ?? usage)
      : { ok: true, command: { name: entry.name } };
  const parsed = entry.parse(rest, { usage, t });
  return parsed.ok ? { ok: true, command: { ...parsed.args, name: entry.name } } : parsed;
}

/**
 * A typo of a command ("meeting plann", "memebrs"): the command whose name is closest to what was
 * typed (as many words as the name has), if it is at most two letters off. Not `matched` itself.
 */
function nearestTo(
  commands: readonly CommandEntry[],
  words: string[],
  t: Translate,
  matched?: CommandEntry,
): ParseOutcome | null {
  let best: { entry: CommandEntry; distance: number } | null = null;
  for (const entry of commands) {
    if (entry === matched) continue;
    const typed = words.slice(0, entry.name.split(" ").length).join(" ").toLowerCase();
    const distance = editDistance(typed, entry.name);
    if (distance <= 2 && distance < entry.name.length / 2 && (!best || distance < best.distance))
      best = { entry, distance };
  }
  return best ? { ok: false, key: "parse.didYouMean", params: { usage: localUsageOf(best.entry, t) } } : null;
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
function longestMatch(commands: readonly CommandEntry[], words: string[]): CommandEntry | undefined {
  const lower = words.map((w) => w.toLowerCase());
  return commands
    .filter((c) => c.name.split(" ").every((part, i) => lower[i] === part))
    .sort((a, b) => b.name.length - a.name.length)[0];
}
