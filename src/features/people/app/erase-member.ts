// Erasure of a member's personal data, by a chair or coordinator of a cluster the member belongs to
// (capability member.erase). Two steps: `previewErasure` checks rights and names the target for the
// confirmation button; `eraseMember` does it, in one transaction.
//
// What happens to the person:
// - The Person row stays as a tombstone (id, createdAt, erasedAt) so records that point at it stay
//   consistent; its displayName becomes the fixed, language-neutral marker ERASED_DISPLAY_NAME and
//   email, locale, time zone, organisation and stakeholder type are cleared. The marker is never
//   shown: every reference a view could render a name from is cut below, and the views already say
//   "former member" in the reader's language (catalog key measure.formerMember) for a missing person.
// - Platform identities and conversation references are deleted, so the person can be neither
//   reached nor re-linked (a later message from the same account makes a new, empty person).
// - Memberships, poll and agenda votes, pending download files, link codes and participations in
//   pulses that have not closed are deleted; so are outbox rows addressed to them (pending and sent:
//   the target is their user id).
// - Their measures and decisions stay with a null owner/recorder ("former member"); so do agenda
//   items they proposed, meetings they organised, pulses they created and measure updates they wrote,
//   and signals they saved. Their signal ratings stay in the tallies, anonymous (personId null).
// - Named pulse responses are unlinked (personId and submittedAt null) rather than deleted, so the
//   cluster's aggregates and earlier cycles' comparisons do not change. Anonymous responses carry no
//   link to anyone and are untouched. Delphi: answered marks and sealed own answers are deleted; the
//   anonymous rating pools stay (delphi's eraseDelphiData). Attendance and participations in closed pulses stay attached to
//   the nameless tombstone, so past counts and response rates do not change.
// - The audit log gets "member.erase": who (actor id), whom (the tombstone's id), when; no name.
// Self-erasure is refused here (another chair or coordinator does it), and so is erasing the last
// chair of any cluster, which would leave that cluster without a chair.
import { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { findPersonByRef, membershipIn } from "../../../kernel/app/identity.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import {
  ConversationSchema,
  PlatformUserSchema,
  UserRefSchema,
} from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { eraseDelphiData } from "../../delphi/index.ts";

/** What an erased person's displayName holds: fixed and neutral, never rendered (see above). */
export const ERASED_DISPLAY_NAME = "former member";

export const PreviewErasureInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  target: UserRefSchema,
});

export type ErasurePreview = { personId: string; displayName: string; clusterName: string };

export const previewErasure = clusterUseCase(
  { name: "previewErasure", input: PreviewErasureInput, capability: "member.erase" },
  async ({ tx, input, person, cluster }): Promise<Result<ErasurePreview>> => {
    const { target } = input;
    const targetPerson = await findPersonByRef(tx, target);
    const membership = targetPerson ? await membershipIn(tx, cluster.id, targetPerson.id) : null;
    if (!targetPerson || !membership)
      return fail("UNKNOWN_USER", { user: target.displayName ?? target.userId });
    const refused = await refusal(tx, person.id, targetPerson.id);
    if (refused) return refused;
    return ok({
      personId: targetPerson.id,
      displayName: targetPerson.displayName,
      clusterName: cluster.name,
    });
  },
);

export const EraseMemberInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  personId: z.uuid("PERSON"),
});

export type Erased = { personId: string; clusterName: string };

export const eraseMember = clusterUseCase(
  { name: "eraseMember", input: EraseMemberInput, capability: "member.erase" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<Erased>> => {
    const { personId } = input;
    // Still a member here: also what makes a second click on the same button a no-op refusal.
    const membership = await membershipIn(tx, cluster.id, personId);
    if (!membership) return fail("UNKNOWN_USER", { user: ERASED_DISPLAY_NAME });
    const refused = await refusal(tx, person.id, personId);
    if (refused) return refused;
    // Delphi marks and sealed own answers (the anonymous pools stay): the delphi feature's own piece.
    await eraseDelphiData(ctx, tx, personId);
    const counts = await erasePersonalData(tx, personId, ctx.clock.now());
    await audit({
      action: "member.erase",
      subjectType: "person",
      subjectId: personId,
      details: counts,
    });
    return ok({ personId, clusterName: cluster.name });
  },
);

async function refusal(tx: Tx, actorId: string, targetId: string) {
  if (actorId === targetId) return fail("ERASE_SELF");
  const chairships = await tx.membership.findMany({ where: { personId: targetId, role: "CHAIR" } });
  for (const chair of chairships) {
    const chairs = await tx.membership.count({ where: { clusterId: chair.clusterId, role: "CHAIR" } });
    if (chairs <= 1) return fail("LAST_CHAIR");
  }
  return null;
}

/** Everything listed in the header, in one transaction; returns counts for the audit entry. */
async function erasePersonalData(tx: Tx, personId: string, now: Date) {
  const identities = await tx.platformIdentity.findMany({ where: { personId } });
  const conversations = await tx.conversationRef.findMany({ where: { personId } });
  // Notifications to them, pending or sent: Slack DMs go to the user id, Teams ones to their personal
  // chat or their user id (see recipients.ts).
  const targets = [...identities.map((i) => i.externalId), ...conversations.map((c) => c.conversationId)];
  const outbox = await tx.outboxMessage.deleteMany({ where: { target: { in: targets } } });
  await tx.conversationRef.deleteMany({ where: { personId } });
  // Their Slack DM channel ids (by user id: the table's key starts with it).
  const slackUsers = identities.filter((i) => i.platform === "SLACK").map((i) => i.externalId);
  if (slackUsers.length > 0) await tx.slackDmChannel.deleteMany({ where: { userId: { in: slackUsers } } });
  await tx.platformIdentity.deleteMany({ where: { personId } });
  const memberships = await tx.membership.deleteMany({ where: { personId } });
  await tx.slotVote.deleteMany({ where: { personId } });
  await tx.agendaVote.deleteMany({ where: { personId } });
  await tx.downloadFile.deleteMany({ where: { personId } });
  await tx.linkCode.deleteMany({ where: { personId } });
  await tx.pulseParticipation.deleteMany({ where: { personId, pulse: { status: { not: "CLOSED" } } } });
  const responses = await tx.pulseResponse.updateMany({
    where: { personId },
    data: { personId: null, submittedAt: null },
  });
  const measures = await tx.measure.updateMany({ where: { ownerId: personId }, data: { ownerId: null } });
  await tx.measure.updateMany({ where: { createdById: personId }, data: { createdById: null } });
  await tx.measureUpdate.updateMany({ where: { authorId: personId }, data: { authorId: null } });
  const decisions = await tx.decision.updateMany({
    where: { recordedById: personId },
    data: { recordedById: null },
  });
  await tx.agendaItem.updateMany({ where: { proposedById: personId }, data: { proposedById: null } });
  await tx.signal.updateMany({ where: { savedById: personId }, data: { savedById: null } });
  await tx.signalRating.updateMany({ where: { personId }, data: { personId: null } });
  await tx.meeting.updateMany({ where: { organiserId: personId }, data: { organiserId: null } });
  await tx.pulse.updateMany({ where: { createdById: personId }, data: { createdById: null } });
  await tx.minutes.updateMany({ where: { approvedById: personId }, data: { approvedById: null } });
  const before = await tx.person.findUniqueOrThrow({ where: { id: personId } });
  const redacted = await redactName(tx, before.displayName);
  await tx.person.update({
    where: { id: personId },
    data: {
      displayName: ERASED_DISPLAY_NAME,
      email: null,
      locale: null,
      seenLocale: null,
      timeZone: null,
      organisation: null,
      stakeholderType: null,
      erasedAt: now,
    },
  });
  return {
    identities: identities.length,
    conversations: conversations.length,
    memberships: memberships.count,
    namedResponses: responses.count,
    measures: measures.count,
    decisions: decisions.count,
    outbox: outbox.count,
    redacted,
  };
}

/**
 * Names copied into stored documents (frozen minutes: attendance lists, measure owners) and into
 * audit details: every JSON string exactly equal to the person's name becomes ERASED_DISPLAY_NAME.
 * Exact matches only, so free text is left as written (a name inside a sentence stays).
 */
async function redactName(tx: Tx, name: string): Promise<number> {
  if (!name.trim() || name === ERASED_DISPLAY_NAME) return 0;
  const pattern = `%${JSON.stringify(name).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let changed = 0;
  const minutes = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Minutes" WHERE content::text LIKE ${pattern}`;
  for (const { id } of minutes) {
    const row = await tx.minutes.findUniqueOrThrow({ where: { id } });
    await tx.minutes.update({
      where: { id },
      data: { content: replaceName(row.content, name) as Prisma.InputJsonValue },
    });
    changed += 1;
  }
  const entries = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "AuditEntry" WHERE details::text LIKE ${pattern}`;
  for (const { id } of entries) {
    const row = await tx.auditEntry.findUniqueOrThrow({ where: { id } });
    await tx.auditEntry.update({
      where: { id },
      data: { details: replaceName(row.details, name) as Prisma.InputJsonValue },
    });
    changed += 1;
  }
  return changed;
}

function replaceName(value: unknown, name: string): unknown {
  if (typeof value === "string") return value === name ? ERASED_DISPLAY_NAME : value;
  if (Array.isArray(value)) return value.map((v) => replaceName(v, name));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceName(v, name)]));
  return value;
}
