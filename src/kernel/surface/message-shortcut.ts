// "Record as decision" on a message: a Slack message shortcut and a Teams message action, both
// declared in the manifests. The platform turns one into an action intent with this id and the
// message's text; the feature that registered the id (record) handles it like a button.
export const MESSAGE_SHORTCUT_ACTION = "ennakko.record.from-message";

/** The longest decision text a message brings along (a decision's own limit). */
export const MESSAGE_SHORTCUT_TEXT_MAX = 2000;

/** The value of a message-shortcut intent: the message text (clipped to fit) and where it is. */
export function messageShortcutValue(messageText: string, source?: string): string {
  const max = 1900;
  let clipped = messageText.trim().slice(0, MESSAGE_SHORTCUT_TEXT_MAX);
  let value = JSON.stringify(source ? { text: clipped, source } : { text: clipped });
  while (value.length > max && clipped.length > 0) {
    clipped = clipped.slice(0, Math.max(0, clipped.length - (value.length - max) - 1));
    value = JSON.stringify(source ? { text: clipped, source } : { text: clipped });
  }
  return value;
}
