// People named in a command: platforms normalise user mentions to `<@ID>` or `<@ID|name>` before
// the parser runs. A refusal quotes what was typed as a person reads it: names, never raw ids.
import type { ArgsOutcome } from "../feature-module.ts";

export type MentionedUser = { userId: string; displayName?: string };

export const MENTION = /^<@([A-Za-z0-9:_.-]+)(?:\|([^>]*))?>$/;

/** The person a whole token mentions, or null. */
export function readMention(token: string): MentionedUser | null {
  const mention = MENTION.exec(token);
  if (!mention) return null;
  return mention[2] ? { userId: mention[1]!, displayName: mention[2] } : { userId: mention[1]! };
}

/** "… is not a person", quoting what was typed as a person reads it: mentions by name, never raw ids. */
export function badUser(token: string): ArgsOutcome<never> {
  const readable = token
    .replace(/<@[^|>\s]*\|([^>]*)>?/g, "@$1")
    .replace(/<@[^>\s]*>?/g, "@…")
    .slice(0, 60);
  return { ok: false, key: "parse.badUser", params: { value: readable } };
}
