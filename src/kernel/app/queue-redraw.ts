// A redraw of a subject's posted copies (a poll's tally after a vote) goes through the outbox, never
// straight to chat.update: a burst of votes would cost one rate-limited update each, and two updates
// racing could put an older tally back last. Each copy has at most one redraw waiting; a new redraw
// rewrites it instead of adding one, so N votes in a burst cost a bounded number of updates. The
// bridged copies always went this way (src/features/bridge); now the local copy does as well, so both
// share one queue per message and one order.
//
// Order: the subject's `version` (e.g. Meeting.pollVersion, raised under the meeting's row lock by
// every vote) travels in the payload. A redraw only replaces a waiting one of a lower version, and is
// only added when no waiting redraw of the copy is unclaimed or at least as new: whatever order the
// interactions' answers arrive in, the newest tally is the one left to send. (A row a worker is sending
// at this instant keeps its older view; the row added after it puts the newer one back.)
import { Prisma } from "../../generated/prisma/client.ts";
import type { AppContext } from "./context.ts";
import type { ViewPayload } from "./ports/chat-gateway.ts";
import type { Subject } from "./posted-messages.ts";

export const REDRAW_STAGE = "redraw";

/** The outbox subject of one posted copy: `copy:<platform>:<messageId>` (stage "redraw"). */
export const copySubject = (platform: string, messageId: string) => `copy:${platform}:${messageId}`;

export type RedrawInput = {
  subject: Subject;
  view: ViewPayload;
  /** Higher is newer; absent: this redraw replaces whatever waits (no ordering known). */
  version?: number;
  /** The cluster the outbox rows belong to (status, cascade on deletion). */
  clusterId?: string | null;
};

/**
 * One statement: freshens the subject's posts not sent yet (a copy that is posted later must show this
 * too), rewrites each copy's waiting redraw, and adds one where none waits. Returns how many it added.
 */
export async function queueRedraw(ctx: AppContext, input: RedrawInput): Promise<{ added: number }> {
  const { subject, view, clusterId = null } = input;
  const version = input.version ?? null;
  const now = ctx.clock.now().toISOString();
  const viewJson = JSON.stringify(view);
  const track = JSON.stringify({ track: { type: subject.type, id: subject.id } });
  // Older than this redraw (or no ordering known): may be rewritten by it.
  const older = Prisma.sql`(${version}::int IS NULL OR COALESCE(("payload"->>'version')::int, -1) < ${version}::int)`;
  const rows = await ctx.db.$queryRaw<{ added: number }[]>`
    WITH "copies" AS (
      SELECT "platform", "conversationId", "messageId",
             'copy:' || "platform"::text || ':' || "messageId" AS "subject"
        FROM "PostedMessage"
       WHERE "subjectType" = ${subject.type} AND "subjectId" = ${subject.id}),
    "posts" AS (
      UPDATE "OutboxMessage"
         SET "payload" = "payload" || jsonb_build_object('view', ${viewJson}::jsonb, 'version', ${version}::int)
       WHERE "status" = 'PENDING' AND "payload" @> ${track}::jsonb AND "payload"->'update' IS NULL
         AND ${older}
      RETURNING "id"),
    "rewritten" AS (
      UPDATE "OutboxMessage" o
         SET "payload" = o."payload" || jsonb_build_object('view', ${viewJson}::jsonb, 'version', ${version}::int)
        FROM "copies" c
       WHERE o."subject" = c."subject" AND o."stage" = ${REDRAW_STAGE} AND o."status" = 'PENDING'
         AND ${older}
      RETURNING o."subject", o."leaseUntil"),
    "added" AS (
      INSERT INTO "OutboxMessage"
        ("id", "key", "clusterId", "platform", "target", "payload", "notBefore", "subject", "stage")
      SELECT gen_random_uuid()::text, 'redraw:' || c."subject" || ':' || gen_random_uuid()::text,
             ${clusterId}, c."platform", c."conversationId",
             jsonb_build_object('v', 1, 'kind', 'channel', 'view', ${viewJson}::jsonb,
                                'update', jsonb_build_object('messageId', c."messageId"),
                                'version', ${version}::int),
             ${now}::timestamp(3), c."subject", ${REDRAW_STAGE}
        FROM "copies" c
       -- A waiting redraw no worker holds now carries this view (the UPDATE above re-read its lease
       -- after any worker's claim): one more row would only repeat it.
       WHERE NOT EXISTS (
               SELECT 1 FROM "rewritten" r
                WHERE r."subject" = c."subject"
                  AND (r."leaseUntil" IS NULL OR r."leaseUntil" <= ${now}::timestamp(3)))
         -- A waiting redraw already newer than this one (a later vote answered first): leave it be.
         AND NOT EXISTS (
               SELECT 1 FROM "OutboxMessage" o
                WHERE o."subject" = c."subject" AND o."stage" = ${REDRAW_STAGE} AND o."status" = 'PENDING'
                  AND NOT ${older})
      RETURNING "id")
    SELECT (SELECT count(*) FROM "added")::int AS "added"`;
  return { added: rows[0]?.added ?? 0 };
}
