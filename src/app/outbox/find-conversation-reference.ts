// Teams can message a conversation proactively only through the reference stored on an earlier turn
// (src/app/remember-conversation.ts). The Teams gateway reads it through this query, so the platform
// code never touches the database.
import type { ChatPlatform } from "../ports/chat-gateway.ts";
import type { Tx } from "../shared/tx.ts";

export type StoredReference = Record<string, unknown>;

export async function findConversationReference(
  db: Tx,
  platform: ChatPlatform,
  conversationId: string,
): Promise<StoredReference | null> {
  const row = await db.conversationRef.findUnique({
    where: { platform_conversationId: { platform, conversationId } },
    select: { reference: true },
  });
  const reference = row?.reference;
  return reference && typeof reference === "object" && !Array.isArray(reference)
    ? (reference as StoredReference)
    : null;
}
