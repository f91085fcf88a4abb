// Who is asking, in which cluster. Every use case starts here so that membership scopes every read.

import type { Cluster, Membership, Person } from "../../generated/prisma/client.ts";
import { toLocale } from "../domain/locale.ts";
import type { Conversation, PlatformUser, UserRef } from "../domain/platform-user.ts";
import type { Role } from "../domain/roles.ts";
import { isKnownTimeZone, toTimeZone } from "../domain/time-zone.ts";
import type { AppContext } from "./context.ts";
import { attachByEmail, mergeByEmail } from "./link-by-email.ts";
import { memoisedPerson } from "./person-memo.ts";
import { isUniqueViolation, type Tx } from "./tx.ts";

/**
 * The person behind a platform user, created on first contact. Runs outside the use case's
 * transaction: a concurrent first contact hits the unique identity and we simply read the winner.
 * A verified e-mail the other platform already knows links the two (link-by-email.ts).
 * Within one interaction the answer is remembered (person-memo.ts): resolved once per click.
 */
export function ensurePerson(ctx: AppContext, user: PlatformUser): Promise<Person> {
  return memoisedPerson(ctx, user, () => resolvePerson(ctx, user));
}

async function resolvePerson(ctx: AppContext, user: PlatformUser): Promise<Person> {
  const key = { platform: user.platform, tenant: user.tenant, externalId: user.userId };
  // One statement (the identity as a subquery), where `include` would send two: this runs on every click.
  const existing = await ctx.db.person.findFirst({ where: { identities: { some: key } } });
  if (existing) return refreshProfile(ctx, await mergeByEmail(ctx, existing, user), user);
  try {
    const linked = await attachByEmail(ctx, user);
    if (linked) return refreshProfile(ctx, linked, user);
    return await ctx.db.person.create({
      data: {
        displayName: user.displayName ?? user.userId,
        email: user.email,
        // What the platform says is only seen, not chosen: a later activity in another language wins.
        seenLocale: toLocale(user.locale),
        // Never stored raw: a Windows name is mapped, an unknown one is left out (the cluster's zone applies).
        timeZone: toTimeZone(user.timeZone),
        identities: { create: key },
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await ctx.db.platformIdentity.findUniqueOrThrow({
      where: { platform_tenant_externalId: key },
      include: { person: true },
    });
    return winner.person;
  }
}

/** Platforms tell us names and locales on every turn; keep what the person has not set themselves. */
async function refreshProfile(ctx: AppContext, person: Person, user: PlatformUser): Promise<Person> {
  const data: Partial<Pick<Person, "displayName" | "seenLocale" | "timeZone" | "email">> = {};
  if (
    user.displayName &&
    user.displayName !== person.displayName &&
    (await namesThePerson(ctx, person, user))
  )
    data.displayName = user.displayName;
  const seen = toLocale(user.locale);
  if (seen && seen !== person.seenLocale) data.seenLocale = seen;
  // A zone stored before zones were checked and not a usable one is replaced (or cleared).
  const reported = toTimeZone(user.timeZone);
  if (!person.timeZone && reported) data.timeZone = reported;
  else if (person.timeZone && !isKnownTimeZone(person.timeZone)) data.timeZone = reported ?? null;
  if (!person.email && user.email) data.email = user.email;
  if (Object.keys(data).length === 0) return person;
  if (data.timeZone === undefined) return ctx.db.person.update({ where: { id: person.id }, data });
  // The follow-up pings of the person's measures wait for their working hours: recompute them.
  const [updated] = await ctx.db.$transaction([
    ctx.db.person.update({ where: { id: person.id }, data }),
    ctx.db.measure.updateMany({
      where: { ownerId: person.id, nextFollowUpAt: { not: null } },
      data: { nextFollowUpAt: ctx.clock.now() },
    }),
  ]);
  return updated;
}

/**
 * A person on both platforms may be "Heidi" on Slack and "Heidi Lapp" on Teams: the account they had
 * first keeps naming them, so the name does not flip (and cost a write) with every turn.
 */
async function namesThePerson(ctx: AppContext, person: Person, user: PlatformUser): Promise<boolean> {
  const first = await ctx.db.platformIdentity.findFirst({
    where: { personId: person.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return !first || (first.platform === user.platform && first.externalId === user.userId);
}

export async function findPersonByRef(tx: Tx, ref: UserRef): Promise<Person | null> {
  const identity = await tx.platformIdentity.findUnique({
    where: {
      platform_tenant_externalId: { platform: ref.platform, tenant: ref.tenant, externalId: ref.userId },
    },
    include: { person: true },
  });
  return identity?.person ?? null;
}

/** One statement (the binding as a subquery): every interaction in a channel asks this. */
export async function clusterOfConversation(tx: Tx, conversation: Conversation): Promise<Cluster | null> {
  return tx.cluster.findFirst({
    where: { bindings: { some: { platform: conversation.platform, channelId: conversation.channelId } } },
  });
}

export type MemberContext = { cluster: Cluster; membership: (Membership & { role: Role }) | null };

export async function membershipIn(tx: Tx, clusterId: string, personId: string) {
  return tx.membership.findUnique({ where: { clusterId_personId: { clusterId, personId } } });
}
