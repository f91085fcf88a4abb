// The shape of a `/cluster …` command, shared by Slack (slash command text) and Teams (message to the
// bot). Each feature declares its own commands (src/features/<f>/surface/commands.ts); the manifests
// are checked against the installed table in test/manifests, so a new command appears in both.
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
  /** Also runs in the person's personal chat with the bot (where Teams takes it without @mention). */
  personal?: true;
};

/** The commands offered in Teams' command menu (the manifest's commandLists). */
export const teamsMenu = (commands: readonly CommandSpec[]): CommandSpec[] =>
  commands.filter((c) => c.teamsMenu !== false);

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
