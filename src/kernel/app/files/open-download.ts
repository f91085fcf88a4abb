// GET /files/<token>/<name>: the file behind a download link, counted, while it has not expired and
// has not been fetched too often. Unknown, expired and used-up links all look the same (null).

import type { AppContext } from "../context.ts";
import { DOWNLOAD_TOKEN_PATTERN, hashDownloadToken, MAX_DOWNLOADS } from "./download-files.ts";

export type DownloadableFile = { filename: string; mimeType: string; content: Uint8Array };

export async function openDownload(ctx: AppContext, token: string): Promise<DownloadableFile | null> {
  if (!DOWNLOAD_TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashDownloadToken(token);
  // Count first, in one statement: concurrent fetches can never exceed the limit.
  const { count } = await ctx.db.downloadFile.updateMany({
    where: { tokenHash, expiresAt: { gt: ctx.clock.now() }, downloads: { lt: MAX_DOWNLOADS } },
    data: { downloads: { increment: 1 } },
  });
  if (count === 0) return null;
  const file = await ctx.db.downloadFile.findUnique({
    where: { tokenHash },
    select: { filename: true, mimeType: true, content: true },
  });
  return file;
}
