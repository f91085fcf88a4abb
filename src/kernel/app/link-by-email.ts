// One human on Slack and Teams is one Person. Platforms pass only e-mail addresses they read from
// their own APIs (Slack users.info, the Teams connector's member record), which the workspace or
// tenant has verified; when such an address arrives from one platform and belongs to exactly one
// person known only on the other platform, the two are linked. Anything less certain (two people
// with the address, a person already on this platform) is left alone: the personal link code
// covers it, and two identities of the same platform are never joined by e-mail.

import type { Person, Prisma } from "../../generated/prisma/client.ts";
import type { Platform, PlatformUser } from "../domain/platform-user.ts";
import { type AuditRecord, audit } from "./audit.ts";
import type { AppContext } from "./context.ts";
import { MergeRefused, mergePeople } from "./merge-people.ts";
import type { Tx } from "./tx.ts";

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const sameAddress = (a: string | null, b: string) => a !== null && normaliseEmail(a) === normaliseEmail(b);

/**
 * (a) A platform identity seen for the first time: attach it to the person its verified e-mail
 * identifies on the other platform. Null when there is no such person; a unique violation (the same
 * identity created by a concurrent first contact) propagates for ensurePerson to handle.
 */
export async function attachByEmail(ctx: AppContext, user: PlatformUser): Promise<Person | null> {
  const email = user.email;
  if (!email) return null;
  return ctx.db.$transaction(async (tx) => {
    const personId = await soleOtherPlatformPerson(tx, email, user.platform, null);
    if (!personId || !(await lockLive(tx, personId))) return null;
    await tx.platformIdentity.create({
      data: { personId, platform: user.platform, tenant: user.tenant, externalId: user.userId },
    });
    await audit(tx, linkedEntry(personId, { via: "email", platform: user.platform }));
    return tx.person.findUniqueOrThrow({ where: { id: personId } });
  });
}

/**
 * (b) A person known on one platform only, whose verified e-mail has just become known (or changed),
 * turns out to be someone already known on the other platform: merge them into that person. Returns
 * the person the identity now belongs to (re-read, since a concurrent turn may have merged first).
 * Checked only when the address is news, so the ordinary turn costs no query.
 */
export async function mergeByEmail(ctx: AppContext, person: Person, user: PlatformUser): Promise<Person> {
  const email = user.email;
  if (!email || sameAddress(person.email, email)) return person;
  try {
    await ctx.db.$transaction(async (tx) => {
      // Read inside the transaction: a concurrent turn may have merged this person already.
      if ((await tx.platformIdentity.count({ where: { personId: person.id } })) !== 1) return;
      const keepId = await soleOtherPlatformPerson(tx, email, user.platform, person.id);
      if (!keepId) return;
      const summary = await mergePeople(tx, { keepId, mergeId: person.id });
      await audit(tx, linkedEntry(keepId, { via: "email", platform: user.platform, ...summary }));
    });
  } catch (error) {
    // The other turn got the lock first and merged (or the person was erased meanwhile).
    if (!(error instanceof MergeRefused)) throw error;
  }
  // Whoever merged, the identity now says who this is.
  const identity = await ctx.db.platformIdentity.findUniqueOrThrow({
    where: {
      platform_tenant_externalId: { platform: user.platform, tenant: user.tenant, externalId: user.userId },
    },
    include: { person: true },
  });
  return identity.person;
}

/**
 * The only live person (other than `selfId`) with this address, provided they are known on another
 * platform and not on this one. Any second person with the address makes it ambiguous: no link.
 */
async function soleOtherPlatformPerson(
  tx: Tx,
  email: string,
  platform: Platform,
  selfId: string | null,
): Promise<string | null> {
  const address = normaliseEmail(email);
  if (!address.includes("@")) return null;
  const matches = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Person"
     WHERE lower(btrim(email)) = ${address} AND "erasedAt" IS NULL AND id <> ${selfId ?? ""}
     LIMIT 2`;
  if (matches.length !== 1) return null;
  const personId = matches[0]!.id;
  const identities = await tx.platformIdentity.findMany({ where: { personId }, select: { platform: true } });
  const elsewhereOnly = identities.length > 0 && identities.every((i) => i.platform !== platform);
  return elsewhereOnly ? personId : null;
}

/** Locks the person against a concurrent erasure: a tombstone must never get an identity again. */
async function lockLive(tx: Tx, personId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Person" WHERE id = ${personId} AND "erasedAt" IS NULL FOR UPDATE`;
  return rows.length === 1;
}

/** Who was linked and how, never the address itself. */
function linkedEntry(personId: string, details: Prisma.InputJsonObject & { via: "email" }): AuditRecord {
  return {
    clusterId: null,
    actorId: personId,
    action: "person.linked",
    subjectType: "person",
    subjectId: personId,
    details,
  };
}
