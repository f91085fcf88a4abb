// Teams can message a conversation proactively only through the reference stored on an earlier turn
// (src/kernel/app/remember-conversation.ts), or by opening a 1:1 chat with a user id in a tenant it knows.
// The Teams gateway reads and writes those through these queries, so platform code never touches the
// database.
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { ChatPlatform } from "../ports/chat-gateway.ts";
import type { Tx } from "../tx.ts";

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
  return asObject(row?.reference);
}

/** What opening a personal chat with a Teams user needs: their tenant, and how the bot reaches it. */
export type TeamsUserRoute = {
  tenantId: string;
  serviceUrl: string;
  bot: { id: string; name?: string };
};

/**
 * For a Teams user id (29:…) we know as a person: the most recently stored reference of any
 * conversation in their tenant supplies the service URL and the bot's id.
 */
export async function findTeamsUserRoute(db: Tx, userId: string): Promise<TeamsUserRoute | null> {
  const identities = await db.platformIdentity.findMany({
    where: { platform: "TEAMS", externalId: userId },
    select: { tenant: true },
  });
  for (const { tenant } of identities) {
    const row = await db.conversationRef.findFirst({
      where: { platform: "TEAMS", reference: { path: ["conversation", "tenantId"], equals: tenant } },
      orderBy: { updatedAt: "desc" },
      select: { reference: true },
    });
    const reference = asObject(row?.reference);
    const bot = asObject(reference?.bot);
    if (typeof reference?.serviceUrl === "string" && typeof bot?.id === "string")
      return {
        tenantId: tenant,
        serviceUrl: reference.serviceUrl,
        bot: { id: bot.id, ...(typeof bot.name === "string" ? { name: bot.name } : {}) },
      };
  }
  return null;
}

/** Stores the personal chat the bot opened, so later notifications use it directly. */
export async function rememberPersonalConversation(
  db: Tx,
  input: { userId: string; tenantId: string; conversationId: string; reference: StoredReference },
): Promise<void> {
  const identity = await db.platformIdentity.findUnique({
    where: {
      platform_tenant_externalId: { platform: "TEAMS", tenant: input.tenantId, externalId: input.userId },
    },
    select: { personId: true },
  });
  const reference = input.reference as Prisma.InputJsonObject;
  const personId = identity?.personId ?? null;
  await db.conversationRef.upsert({
    where: { platform_conversationId: { platform: "TEAMS", conversationId: input.conversationId } },
    create: {
      platform: "TEAMS",
      conversationId: input.conversationId,
      scope: "PERSONAL",
      personId,
      reference,
    },
    update: { reference, scope: "PERSONAL", ...(personId ? { personId } : {}) },
  });
}

/** The three queries above, bound to one database: what createTeamsGateway takes. */
export function teamsConversationStore(db: Tx) {
  return {
    findReference: (conversationId: string) => findConversationReference(db, "TEAMS", conversationId),
    findUserRoute: (userId: string) => findTeamsUserRoute(db, userId),
    rememberPersonal: (input: Parameters<typeof rememberPersonalConversation>[1]) =>
      rememberPersonalConversation(db, input),
  };
}

function asObject(value: unknown): StoredReference | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as StoredReference) : null;
}
