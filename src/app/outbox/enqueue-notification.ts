// A notification is a row first (this), sent second and marked third (src/jobs/outbox-worker.ts).
// Call it inside the use case's transaction, so the reminder exists exactly when the change does.
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import { RecipientSchema, type ViewPayload, ViewPayloadSchema } from "../ports/chat-gateway.ts";
import type { Tx } from "../shared/tx.ts";

export const NotificationInput = z.object({
  /** Natural and unique, e.g. `measure:<id>:due-7d`: the second enqueue of a key changes nothing. */
  key: z.string().min(1).max(500),
  clusterId: z.string().min(1).nullish(),
  recipient: RecipientSchema,
  view: ViewPayloadSchema,
  /** Not sent before this moment (UTC instant); "now" for immediate delivery. */
  notBefore: z.date(),
});
export type NotificationInputValue = z.input<typeof NotificationInput>;

/** What the row's `payload` column holds; the worker parses it back with this schema. */
export const OutboxPayloadSchema = z.object({
  v: z.literal(1),
  kind: RecipientSchema.shape.kind,
  view: ViewPayloadSchema,
});
export type OutboxPayload = { v: 1; kind: "channel" | "user"; view: ViewPayload };

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
  const payload: OutboxPayload = { v: 1, kind: input.recipient.kind, view: input.view };
  const { count } = await tx.outboxMessage.createMany({
    data: [
      {
        key: input.key,
        clusterId: input.clusterId ?? null,
        platform: input.recipient.platform,
        target: input.recipient.id,
        payload: payload as unknown as Prisma.InputJsonObject,
        notBefore: input.notBefore,
      },
    ],
    skipDuplicates: true,
  });
  return { created: count === 1 };
}
