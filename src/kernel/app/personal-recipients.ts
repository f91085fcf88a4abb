// `personalRecipient` for a whole batch of people in two statements: a job that pings hundreds of
// owners must not look each one up on its own (work grows with what is due, not with who is due).
import type { Platform } from "../domain/platform-user.ts";
import type { Recipient } from "./ports/chat-gateway.ts";
import type { Tx } from "./tx.ts";

export type RecipientLookup = (personId: string, prefer: Platform) => Recipient | null;

/** Same answers as `personalRecipient` (recipients.ts), for every person in `personIds`. */
export async function personalRecipients(tx: Tx, personIds: Iterable<string>): Promise<RecipientLookup> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return () => null;
  const identities = await tx.platformIdentity.findMany({
    where: { personId: { in: ids } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const onTeams = [...new Set(identities.filter((i) => i.platform === "TEAMS").map((i) => i.personId))];
  const refs =
    onTeams.length === 0
      ? []
      : await tx.conversationRef.findMany({
          where: { platform: "TEAMS", personId: { in: onTeams }, scope: "PERSONAL" },
          orderBy: { updatedAt: "desc" },
        });
  const personal = new Map<string, string>();
  for (const ref of refs)
    if (ref.personId && !personal.has(ref.personId)) personal.set(ref.personId, ref.conversationId);
  return (personId, prefer) => {
    const own = identities.filter((i) => i.personId === personId);
    const identity = own.find((i) => i.platform === prefer) ?? own[0];
    if (!identity) return null;
    if (identity.platform === "SLACK") return { platform: "SLACK", kind: "user", id: identity.externalId };
    return { platform: "TEAMS", kind: "user", id: personal.get(personId) ?? identity.externalId };
  };
}
