// GET /calendar/<meeting uid>.ics: the "Add to calendar" link in invitations.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CALENDAR_MIME, meetingCalendarFile } from "../features/meetings/index.ts";
import type { AppContext } from "../kernel/app/context.ts";

export { CALENDAR_PATH } from "../kernel/surface/links.ts";

export async function serveCalendarFile(
  app: AppContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const match = /^\/calendar\/([0-9a-f-]{36})\.ics$/.exec((req.url ?? "").split("?")[0] ?? "");
  const file = match ? await meetingCalendarFile(app, match[1]!) : null;
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("No such meeting.\n");
    return;
  }
  res
    .writeHead(200, {
      // A published event (RFC 5546 PUBLISH), also once cancelled (STATUS:CANCELLED inside).
      "content-type": CALENDAR_MIME,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    })
    .end(file.body);
}
