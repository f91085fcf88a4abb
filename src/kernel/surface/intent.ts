// What a platform hands the surface after parsing its payload. Validated with zod at the door.
import { z } from "zod";
import { ConversationSchema, PlatformUserSchema } from "../domain/platform-user.ts";

export const IntentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("command"), text: z.string().max(4000) }),
  z.object({ kind: z.literal("action"), actionId: z.string().min(1).max(255), value: z.string().max(2000) }),
  z.object({
    kind: z.literal("submit"),
    formId: z.string().min(1).max(255),
    values: z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional()),
    metadata: z.string().max(3000),
  }),
]);
export type Intent = z.infer<typeof IntentSchema>;

export const EnvelopeSchema = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  intent: IntentSchema,
  /**
   * The delivery's natural key, built by the platform's parser (see src/kernel/app/interaction-receipts.ts):
   * the same for a replay, a retry or a redelivery of one interaction, different for each new click or
   * submission. Absent where the platform gives none; such an interaction is not deduplicated.
   */
  idempotencyKey: z.string().min(1).max(1000).optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;
