// Hourly: download files whose links expired or were used up are deleted, contents and all. Their
// message's outbox row keeps its key (once-only) but loses its payload: rows queued before links were
// minted at send time (src/kernel/app/files/download-links.ts) carry the links' tokens, and nothing needs a
// delivered message's words once its files are gone. Cost grows with the files due, never with history.

import type { AppContext } from "../context.ts";
import { outboxPayload } from "../outbox/enqueue-notification.ts";
import { downloadMessageKey, MAX_DOWNLOADS } from "./download-files.ts";

export async function purgeDownloads(ctx: AppContext): Promise<{ deleted: number }> {
  const due = await ctx.db.downloadFile.findMany({
    where: { OR: [{ expiresAt: { lte: ctx.clock.now() } }, { downloads: { gte: MAX_DOWNLOADS } }] },
    select: { id: true },
  });
  if (due.length === 0) return { deleted: 0 };
  const ids = due.map((f) => f.id);
  return ctx.db.$transaction(async (tx) => {
    await tx.outboxMessage.updateMany({
      // A row still pending is left to the worker, which refuses to send links to files that expired.
      where: { key: { in: ids.map(downloadMessageKey) }, status: { not: "PENDING" } },
      data: { payload: outboxPayload("user", { fallback: "", elements: [] }) },
    });
    const { count } = await tx.downloadFile.deleteMany({ where: { id: { in: ids } } });
    return { deleted: count };
  });
}
