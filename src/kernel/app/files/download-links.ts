// Download links are minted when their message is sent, not when it is queued. A queued message holds
// a slot per link (`ennakko-download:<file id>`) and lists the files in its row; the outbox worker
// draws a fresh random token for each file as it sends, stores the token's SHA-256 on the file, and
// puts the link into the message it hands to the platform. The token exists only in memory and in
// the delivered message: no row (the outbox's included), no backup and no log line ever holds one.
//
// A retried delivery mints again and the earlier attempt's link stops working: a person who got a
// message whose delivery looked failed (a timeout) uses the one that arrives with the retry.
import type { ViewPayload } from "../ports/chat-gateway.ts";
import type { DownloadUrl } from "../ports/composer.ts";
import type { Tx } from "../tx.ts";
import { hashDownloadToken, MAX_DOWNLOADS, newDownloadToken } from "./download-files.ts";

const SLOT_PREFIX = "ennakko-download:";

/** What stands for the link to download file `id` in a queued message. */
export const downloadLinkSlot = (id: string): string => `${SLOT_PREFIX}${id}`;

export type MintedLinks =
  | { ok: true; view: ViewPayload }
  /** Retrying cannot help: the files expired or were purged, or the bot has no public URL. */
  | { ok: false; error: string };

/** The view with every file's slot replaced by a freshly minted link to it. */
export async function mintDownloadLinks(
  db: Tx,
  input: { view: ViewPayload; fileIds: readonly string[]; now: Date; downloadUrl?: DownloadUrl },
): Promise<MintedLinks> {
  const { view, fileIds, now, downloadUrl } = input;
  if (!downloadUrl) return { ok: false, error: "download links need the bot's public URL (PUBLIC_URL)" };
  const links = new Map<string, string>();
  for (const id of fileIds) {
    const file = await db.downloadFile.findUnique({ where: { id }, select: { filename: true } });
    const token = newDownloadToken();
    const url = file ? downloadUrl(token, file.filename) : undefined;
    if (file && !url) return { ok: false, error: "download links need the bot's public URL (PUBLIC_URL)" };
    // Only while the file may still be fetched: a link to an expired file would only disappoint.
    const { count } = await db.downloadFile.updateMany({
      where: { id, expiresAt: { gt: now }, downloads: { lt: MAX_DOWNLOADS } },
      data: { tokenHash: hashDownloadToken(token) },
    });
    if (!file || count === 0) return { ok: false, error: "the files expired before their links were sent" };
    links.set(downloadLinkSlot(id), url!);
  }
  return { ok: true, view: fillSlots(view, links) as ViewPayload };
}

/** A copy of `value` with every string that is a slot replaced by its link. */
function fillSlots(value: unknown, links: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return links.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => fillSlots(item, links));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillSlots(v, links)]));
  return value;
}
