// Actions on a message: "Record as decision" and "Save as signal", each a Slack message shortcut and a
// Teams message action, all declared in the manifests. The platform turns one into an action intent
// with the shortcut's action id and the message's text; the feature that registered the id (record,
// signals) handles it like a button.
export const MESSAGE_SHORTCUT_ACTION = "ennakko.record.from-message";
/** "Save as signal" on a message (signals feature). */
export const SIGNAL_SHORTCUT_ACTION = "ennakko.signal.from-message";

/** The longest decision text a message brings along (a decision's own limit). */
export const MESSAGE_SHORTCUT_TEXT_MAX = 2000;

/**
 * Where the message is and who wrote it. `source`: our own reference ("slack:C1:1700000000.000100");
 * `link`: a URL that opens the message (Slack permalink, Teams linkToMessage); `author`: the name of
 * whoever wrote it, so that text taken from it is never shown without its author.
 */
export type MessageOrigin = { source?: string; link?: string; author?: string };

/** The value of a message-shortcut intent: the message text (clipped to fit) and where it is. */
export function messageShortcutValue(messageText: string, origin?: string | MessageOrigin): string {
  const max = 1900;
  const where = typeof origin === "string" ? { source: origin } : { ...origin };
  // What does not fit is left out rather than cut: a cut link or name would be wrong.
  if ((where.link?.length ?? 0) > 500) delete where.link;
  if ((where.author?.length ?? 0) > 100) where.author = where.author?.slice(0, 100);
  const extra = Object.fromEntries(Object.entries(where).filter(([, v]) => v));
  let clipped = messageText.trim().slice(0, MESSAGE_SHORTCUT_TEXT_MAX);
  let value = JSON.stringify({ text: clipped, ...extra });
  while (value.length > max && clipped.length > 0) {
    clipped = clipped.slice(0, Math.max(0, clipped.length - (value.length - max) - 1));
    value = JSON.stringify({ text: clipped, ...extra });
  }
  return value;
}
