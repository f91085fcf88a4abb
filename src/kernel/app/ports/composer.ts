// Notifications are written in the same transaction as the change that causes them (outbox), and
// in the recipient's language. The app says *what* happened; the surface, injected here, says it.
//
// The kernel knows no notification by name: each feature declares its kinds by merging them into
// `Notifications` from its `app/notifications.ts`, and writes them in its `surface/notifications.ts`.

import type { Locale } from "../../domain/locale.ts";
import type { ViewPayload } from "./chat-gateway.ts";

/**
 * Kind → what its message carries besides `type`. Empty here; features add their kinds with
 * `declare module "…/kernel/app/ports/composer.ts" { interface Notifications { "x.y": {…} } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the features' declaration merging
export interface Notifications {}

export type NotificationType = keyof Notifications;

/** One of the declared kinds, discriminated by `type` (a switch on `message.type` narrows it). */
export type NotificationMessage = {
  [K in NotificationType]: { type: K } & Notifications[K];
}[NotificationType];

/** The link to a stored download (`token` as only the link carries it), or undefined without a public URL. */
export type DownloadUrl = (token: string, filename: string) => string | undefined;

export interface Composer {
  compose(message: NotificationMessage, locale: Locale): ViewPayload;
  /**
   * The public link to a stored download (`token` as only the link carries it), or undefined when
   * the bot has no public URL (PUBLIC_URL) and so cannot hand out links to itself.
   */
  downloadUrl?: DownloadUrl;
}
