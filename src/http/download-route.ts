// GET /files/<token>/<filename>: a file offered to one person (src/kernel/app/files/offer-download.ts). Only the
// token matters; the name is there for browsers. Unknown, expired and used-up links get the same 404.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../kernel/app/context.ts";
import { openDownload } from "../kernel/app/files/open-download.ts";

export { DOWNLOAD_PATH } from "../kernel/surface/links.ts";

export async function serveDownload(
  app: AppContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const match = /^\/files\/([^/]+)\/[^/]+$/.exec((req.url ?? "").split("?")[0] ?? "");
  const file = match ? await openDownload(app, match[1]!) : null;
  if (!file) {
    res
      .writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" })
      .end("No such file, or the link has expired.\n");
    return;
  }
  res
    .writeHead(200, {
      "content-type": file.mimeType,
      "content-length": file.content.byteLength,
      "content-disposition": attachment(file.filename),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    })
    .end(Buffer.from(file.content));
}

/** RFC 6266: an ASCII fallback name, and the real one (UTF-8, RFC 5987) for browsers that read it. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
