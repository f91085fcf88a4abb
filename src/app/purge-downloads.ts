// Hourly: download files whose links expired or were used up are deleted, contents and all.
import { MAX_DOWNLOADS } from "./offer-download.ts";
import type { AppContext } from "./shared/context.ts";

export async function purgeDownloads(ctx: AppContext): Promise<{ deleted: number }> {
  const { count } = await ctx.db.downloadFile.deleteMany({
    where: { OR: [{ expiresAt: { lte: ctx.clock.now() } }, { downloads: { gte: MAX_DOWNLOADS } }] },
  });
  return { deleted: count };
}
