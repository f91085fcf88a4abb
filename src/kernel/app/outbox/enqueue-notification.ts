// A notification is a row first (this), sent second and marked third (src/jobs/outbox-worker.ts).
// Call it inside the use case's transaction, so the reminder exists exactly when the change does.
import { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { RecipientSchema, type ViewPayload, ViewPayloadSchema } from "../ports/chat-gateway.ts";
import type { Tx } from "../tx.ts";

const TrackSchema = z.object({ type: z.string().min(1).max(100), id: z.string().min(1).max(200) });
const UpdateSchema = z.object({ messageId: z.string().min(1).max(255) });
/** Download files whose links the worker mints when it sends the row (src/kernel/app/files/download-links.ts). */
const DownloadsSchema = z.array(z.string().min(1).max(200)).min(1).max(20);

export const NotificationInput = z
  .object({
    /** Natural and unique, e.g. `measure:<id>:due-7d`: the second enqueue of a key changes nothing. */
    key: z.string().min(1).max(500),
    clusterId: z.string().min(1).nullish(),
    recipient: RecipientSchema,
    view: ViewPayloadSchema,
    /** Not sent before this moment (UTC instant); "now" for immediate delivery. */
    notBefore: z.date(),
    /** Once posted, remember the message as a copy of this subject, so later redraws reach it. */
    track: TrackSchema.optional(),
    /** Redraw this message of the bot's in the recipient's conversation instead of posting a new one. */
    update: UpdateSchema.optional(),
    /**
     * The download files whose links the view holds as slots (downloadLinkSlot): the tokens are minted
     * when the row is sent, so no token is ever stored, in this row or anywhere else.
     */
    downloads: DownloadsSchema.optional(),
    /**
     * Structured keys (the row's `subject`, `stage`, `personId` columns): later withdrawals and
     * de-duplication look rows up by these, by equality on an index, never by a prefix of `key`.
     */
    subject: z.string().min(1).max(200).optional(),
    stage: z.string().min(1).max(100).optional(),
    personId: z.string().min(1).max(200).optional(),
  })
  .refine((n) => !n.track || n.recipient.kind === "channel", {
    // The copy is remembered under the row's target: a Slack user id is not the DM it lands in.
    message: "only channel posts can be tracked",
    path: ["track"],
  });
export type NotificationInputValue = z.input<typeof NotificationInput>;

/**
 * What the row's `payload` column holds; the worker parses it back with this schema. `track`,
 * `update` and `downloads` came later: optional, so rows written before them still parse as version 1.
 */
export const OutboxPayloadSchema = z.object({
  v: z.literal(1),
  kind: RecipientSchema.shape.kind,
  view: ViewPayloadSchema,
  track: TrackSchema.optional(),
  update: UpdateSchema.optional(),
  downloads: DownloadsSchema.optional(),
});
export type OutboxPayload = {
  v: 1;
  kind: "channel" | "user";
  view: ViewPayload;
  track?: { type: string; id: string };
  update?: { messageId: string };
  downloads?: string[];
};

/** The payload column of a row; absent options are left out, so the JSON stays what old rows hold. */
export function outboxPayload(
  kind: OutboxPayload["kind"],
  view: ViewPayload,
  options: Pick<OutboxPayload, "track" | "update" | "downloads"> = {},
): Prisma.InputJsonObject {
  const payload: OutboxPayload = {
    v: 1,
    kind,
    view,
    ...(options.track ? { track: options.track } : {}),
    ...(options.update ? { update: options.update } : {}),
    ...(options.downloads ? { downloads: options.downloads } : {}),
  };
  return payload as unknown as Prisma.InputJsonObject;
}

/**
 * Inserts a PENDING outbox row unless one with the same key exists (INSERT … ON CONFLICT DO NOTHING,
 * which never aborts the surrounding transaction). `tx` is the use case's transaction client or the
 * plain client. Returns whether a row was created.
 */
export async function enqueueNotification(
  tx: Tx,
  raw: NotificationInputValue,
): Promise<{ created: boolean }> {
  const input = NotificationInput.parse(raw);
  const { track, update, downloads } = input;
  const { count } = await tx.outboxMessage.createMany({
    data: [
      {
        key: input.key,
        clusterId: input.clusterId ?? null,
        platform: input.recipient.platform,
        target: input.recipient.id,
        payload: outboxPayload(input.recipient.kind, input.view, { track, update, downloads }),
        notBefore: input.notBefore,
        subject: input.subject ?? null,
        stage: input.stage ?? null,
        personId: input.personId ?? null,
        // The recipient's workspace/tenant: picks the Slack installation's token in OAuth mode.
        tenant: input.recipient.tenant ?? null,
      },
    ],
    skipDuplicates: true,
  });
  return { created: count === 1 };
}
