// The words of every notification the app enqueues, in the recipient's language: each kind is
// written by the feature that declares it (its `notifications` table), looked up in the registry.

import type { Composer, NotificationMessage } from "../app/ports/composer.ts";
import type { Locale } from "../domain/locale.ts";
import type { ComposerOptions } from "../feature-module.ts";
import { registry } from "../registry.ts";
import { downloadLink } from "./links.ts";
import type { View } from "./view.ts";

export function createComposer(options: ComposerOptions = {}): Composer {
  return {
    compose: (message, locale) => composeNotification(message, locale, options),
    downloadUrl: (token, filename) => downloadLink(options.publicUrl, token, filename),
  };
}

/** Without a public URL: what tests and tools use. */
export const surfaceComposer: Composer = createComposer();

export function composeNotification(
  message: NotificationMessage,
  locale: Locale,
  options: ComposerOptions = {},
): View {
  const compose = registry().notifications.get(message.type);
  // A programming error, not a user's: a kind declared in a feature's types but no feature writes it.
  if (!compose) throw new Error(`no installed feature composes the notification "${message.type}"`);
  return compose(message, locale, options);
}
