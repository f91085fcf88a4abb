// Two Person rows that turn out to be one human (the same verified e-mail on Slack and Teams, or a
// personal link code) become one: everything of the merged person moves onto the kept one inside the
// caller's transaction, then the merged row is deleted. One person means one vote per poll slot, one
// pulse participation, one membership per cluster; where both had a row for the same thing, the rules
// below decide which survives.
//
// Anonymous pulse answers cannot follow: an unsubmitted draft is found by SHA-256(personId:token)
// (see hashToken in pulse-drafts.ts) and the token exists only in the member's own message, so a
// draft the merged person started is abandoned where it is (a submitted response still counts in the
// aggregates, unlinked as ever). Their participation does move, so the kept person is not asked again for a
// pulse they already submitted.

import type { ParticipationStatus, Person, Prisma } from "../../generated/prisma/client.ts";
import { AppError } from "../domain/result.ts";
import { ROLES, type Role } from "../domain/roles.ts";
import type { Tx } from "./tx.ts";

export type MergeInput = { keepId: string; mergeId: string };

/** Rows re-pointed at the kept person, and the merged person's rows dropped as duplicates. */
export type MergeSummary = {
  moved: {
    identities: number;
    conversations: number;
    memberships: number;
    slotVotes: number;
    agendaVotes: number;
    attendances: number;
    participations: number;
    namedResponses: number;
    measuresOwned: number;
    measureUpdates: number;
    /** Decisions recorded, agenda items proposed, meetings organised, pulses and measures created, minutes approved. */
    records: number;
    auditEntries: number;
    downloads: number;
    linkCodes: number;
    outbox: number;
    delphiAnswered: number;
    signalRatings: number;
  };
  dropped: {
    memberships: number;
    slotVotes: number;
    agendaVotes: number;
    attendances: number;
    participations: number;
    namedResponses: number;
    outbox: number;
    delphiAnswered: number;
    signalRatings: number;
  };
};

export type MergeRefusal = "SAME_PERSON" | "PERSON_NOT_FOUND" | "PERSON_ERASED";

/** Thrown (so the caller's transaction rolls back untouched); `reason` is for the caller to map. */
export class MergeRefused extends AppError {
  constructor(
    readonly reason: MergeRefusal,
    input: MergeInput,
  ) {
    super(`MERGE_${reason}`, `cannot merge these people: ${reason}`, { ...input });
    this.name = "MergeRefused";
  }
}

type Summary = MergeSummary;

export async function mergePeople(tx: Tx, input: MergeInput): Promise<MergeSummary> {
  await lockBoth(tx, input);
  const summary = emptySummary();
  for (const step of MERGE_STEPS) await step.run(tx, input, summary);
  await mergeProfile(tx, input);
  // The moved measures now follow the kept person's zone: their follow-ups are due for a recompute
  // (no clock here, so the database's, in UTC as the column holds it; a mark that is later than the old
  // due time keeps the old one).
  await tx.$executeRaw`UPDATE "Measure" SET "nextFollowUpAt" = LEAST("nextFollowUpAt", now() AT TIME ZONE 'UTC')
    WHERE "ownerId" = ${input.keepId} AND "nextFollowUpAt" IS NOT NULL`;
  await tx.person.delete({ where: { id: input.mergeId } });
  return summary;
}

/**
 * How a step carries a person's id over:
 * - `move`: every row is re-pointed; nothing unique involves the person, so the two cannot collide.
 * - `move-keeping-time`: re-pointed row by row, each keeping its own updatedAt.
 * - `one-per-person`: unique per person and something else; where both have a row, the step's rule
 *   (its comment) decides which survives, and the other row is deleted.
 * - `rewrite-text`: the id is written inside text or JSON and replaced there.
 */
export type MergeRule = "move" | "move-keeping-time" | "one-per-person" | "rewrite-text";

type ModelName = Prisma.ModelName;
type Scalars<M extends ModelName> = Prisma.TypeMap["model"][M]["payload"]["scalars"];
type Objects<M extends ModelName> = Prisma.TypeMap["model"][M]["payload"]["objects"];

/** A column that holds a person's id; `relation` names its Prisma relation field when it is a foreign key. */
export type PersonColumn = { model: ModelName; column: string; relation?: string };

export type MergeStep = {
  rule: MergeRule;
  columns: readonly PersonColumn[];
  run: (tx: Tx, input: MergeInput, summary: Summary) => Promise<void>;
};

/** Typed by the generated client, so a renamed column or relation fails to compile. */
function column<M extends ModelName>(
  model: M,
  name: Extract<keyof Scalars<M>, string>,
  relation?: Extract<keyof Objects<M>, string>,
): PersonColumn {
  return relation === undefined ? { model, column: name } : { model, column: name, relation };
}

/**
 * Every column of the schema that can hold a person's id, and what the merge does with it, in the
 * order it runs. test/kernel/merge-people-schema.test.ts compares this list with Prisma's data model and
 * the database's foreign keys: a relation to Person missing here would lose the merged person's rows
 * through onDelete when the merged row is deleted, so the test fails instead.
 */
export const MERGE_STEPS: readonly MergeStep[] = [
  move(column("PlatformIdentity", "personId", "person"), "identities"),
  move(column("Measure", "ownerId", "owner"), "measuresOwned"),
  move(column("MeasureUpdate", "authorId", "author"), "measureUpdates"),
  move(column("Measure", "createdById"), "records"),
  move(column("Decision", "recordedById"), "records"),
  move(column("AgendaItem", "proposedById"), "records"),
  move(column("Meeting", "organiserId"), "records"),
  move(column("Pulse", "createdById"), "records"),
  move(column("Delphi", "createdById"), "records"),
  move(column("Signal", "savedById", "savedBy"), "records"),
  move(column("Minutes", "approvedById"), "records"),
  move(column("AuditEntry", "actorId", "actor"), "auditEntries"),
  move(column("DownloadFile", "personId", "person"), "downloads"),
  move(column("LinkCode", "personId"), "linkCodes"),
  {
    rule: "move-keeping-time",
    columns: [column("ConversationRef", "personId", "person")],
    run: moveConversations,
  },
  { rule: "one-per-person", columns: [column("Membership", "personId", "person")], run: mergeMemberships },
  { rule: "one-per-person", columns: [column("SlotVote", "personId", "person")], run: mergeSlotVotes },
  { rule: "one-per-person", columns: [column("AgendaVote", "personId", "person")], run: mergeAgendaVotes },
  { rule: "one-per-person", columns: [column("Attendance", "personId", "person")], run: mergeAttendances },
  {
    rule: "one-per-person",
    columns: [column("DelphiAnswered", "personId", "person")],
    run: mergeDelphiAnswered,
  },
  {
    rule: "one-per-person",
    columns: [column("SignalRating", "personId", "person")],
    run: mergeSignalRatings,
  },
  // Responses first: whether a named response counts as submitted is read from its participation.
  {
    rule: "one-per-person",
    columns: [column("PulseResponse", "personId", "person")],
    run: mergeNamedResponses,
  },
  {
    rule: "one-per-person",
    columns: [column("PulseParticipation", "personId", "person")],
    run: mergeParticipations,
  },
  {
    rule: "rewrite-text",
    columns: [
      column("OutboxMessage", "key"),
      column("OutboxMessage", "payload"),
      column("OutboxMessage", "personId"),
      column("AuditEntry", "subjectId"),
      column("AuditEntry", "details"),
      column("Minutes", "content"),
      column("PostedMessage", "subjectId"),
    ],
    run: rewriteTextReferences,
  },
];

/**
 * Locks both rows (in id order, so two merges of the same pair cannot deadlock) and refuses what must
 * not be merged: an erased person is a tombstone that must stay unreachable.
 */
async function lockBoth(tx: Tx, input: MergeInput): Promise<void> {
  const { keepId, mergeId } = input;
  if (keepId === mergeId) throw new MergeRefused("SAME_PERSON", input);
  // The ids are also replaced inside JSON text below; a person id is a UUID, never needing escapes.
  if (!isPlainId(keepId) || !isPlainId(mergeId)) throw new MergeRefused("PERSON_NOT_FOUND", input);
  const rows = await tx.$queryRaw<{ id: string; erasedAt: Date | null }[]>`
    SELECT id, "erasedAt" FROM "Person" WHERE id IN (${keepId}, ${mergeId}) ORDER BY id FOR UPDATE`;
  if (rows.length !== 2) throw new MergeRefused("PERSON_NOT_FOUND", input);
  if (rows.some((r) => r.erasedAt !== null)) throw new MergeRefused("PERSON_ERASED", input);
}

const isPlainId = (id: string) => /^[0-9A-Za-z-]{1,64}$/.test(id);

function emptySummary(): Summary {
  return {
    moved: {
      identities: 0,
      conversations: 0,
      memberships: 0,
      slotVotes: 0,
      agendaVotes: 0,
      attendances: 0,
      participations: 0,
      namedResponses: 0,
      measuresOwned: 0,
      measureUpdates: 0,
      records: 0,
      auditEntries: 0,
      downloads: 0,
      linkCodes: 0,
      outbox: 0,
      delphiAnswered: 0,
      signalRatings: 0,
    },
    dropped: {
      memberships: 0,
      slotVotes: 0,
      agendaVotes: 0,
      attendances: 0,
      participations: 0,
      namedResponses: 0,
      outbox: 0,
      delphiAnswered: 0,
      signalRatings: 0,
    },
  };
}

/**
 * A column that may point at anyone any number of times: no duplicates possible, just re-point. In SQL
 * so one generic step serves every such column (none of these tables has an @updatedAt to stamp). The
 * schema maps no names (@@map, @map): a model's table and a field's column are spelt the same.
 */
function move(target: PersonColumn, counted: keyof Summary["moved"]): MergeStep {
  const { model, column } = target;
  return {
    rule: "move",
    columns: [target],
    async run(tx, { keepId, mergeId }, s) {
      s.moved[counted] += await tx.$executeRawUnsafe(
        `UPDATE "${model}" SET "${column}" = $1 WHERE "${column}" = $2`,
        keepId,
        mergeId,
      );
    },
  };
}

/**
 * Row by row with the old updatedAt: Prisma would stamp "now", and "the most recent personal chat"
 * (recipients.ts) must stay the one the person last used, not the one merged last.
 */
async function moveConversations(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  const rows = await tx.conversationRef.findMany({ where: { personId: mergeId } });
  for (const row of rows)
    await tx.conversationRef.update({
      where: { id: row.id },
      data: { personId: keepId, updatedAt: row.updatedAt },
    });
  s.moved.conversations = rows.length;
}

const rank = (role: Role) => ROLES.indexOf(role); // CHAIR first: lower is higher

/** One membership per cluster: the higher role and the earlier joining date of the two. */
async function mergeMemberships(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  const theirs = await tx.membership.findMany({ where: { personId: mergeId } });
  for (const row of theirs) {
    const mine = await tx.membership.findUnique({
      where: { clusterId_personId: { clusterId: row.clusterId, personId: keepId } },
    });
    if (!mine) {
      await tx.membership.update({ where: { id: row.id }, data: { personId: keepId } });
      s.moved.memberships += 1;
      continue;
    }
    await tx.membership.delete({ where: { id: row.id } });
    await tx.membership.update({
      where: { id: mine.id },
      data: {
        role: rank(row.role) < rank(mine.role) ? row.role : mine.role,
        joinedAt: row.joinedAt < mine.joinedAt ? row.joinedAt : mine.joinedAt,
      },
    });
    s.dropped.memberships += 1;
  }
}

/** One answer per slot: the one given last wins, and keeps its own time. */
async function mergeSlotVotes(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  const theirs = await tx.slotVote.findMany({ where: { personId: mergeId } });
  for (const row of theirs) {
    const mine = await tx.slotVote.findUnique({
      where: { slotId_personId: { slotId: row.slotId, personId: keepId } },
    });
    if (mine && mine.updatedAt >= row.updatedAt) {
      await tx.slotVote.delete({ where: { id: row.id } });
      s.dropped.slotVotes += 1;
      continue;
    }
    if (mine) {
      await tx.slotVote.delete({ where: { id: mine.id } });
      s.dropped.slotVotes += 1;
    }
    await tx.slotVote.update({ where: { id: row.id }, data: { personId: keepId, updatedAt: row.updatedAt } });
    s.moved.slotVotes += 1;
  }
}

/** An upvote is an upvote: where both voted, the kept person's stays. */
async function mergeAgendaVotes(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  const mine = await tx.agendaVote.findMany({ where: { personId: keepId }, select: { itemId: true } });
  const both = mine.map((v) => v.itemId);
  s.dropped.agendaVotes = (
    await tx.agendaVote.deleteMany({ where: { personId: mergeId, itemId: { in: both } } })
  ).count;
  s.moved.agendaVotes = (
    await tx.agendaVote.updateMany({ where: { personId: mergeId }, data: { personId: keepId } })
  ).count;
}

/**
 * A statement both answered in the same round: the pool holds both ratings and cannot tell which is
 * whose (that is the point of it), so both stay counted; the merged person's mark goes.
 */
async function mergeDelphiAnswered(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  s.dropped.delphiAnswered = await tx.$executeRaw`
    DELETE FROM "DelphiAnswered" m USING "DelphiAnswered" k
    WHERE m."personId" = ${mergeId} AND k."personId" = ${keepId}
      AND k."statementId" = m."statementId" AND k.round = m.round`;
  s.moved.delphiAnswered = (
    await tx.delphiAnswered.updateMany({ where: { personId: mergeId }, data: { personId: keepId } })
  ).count;
}

/** A signal both rated: the kept person's rating stays. */
async function mergeSignalRatings(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  s.dropped.signalRatings = await tx.$executeRaw`
    DELETE FROM "SignalRating" m USING "SignalRating" k
    WHERE m."personId" = ${mergeId} AND k."personId" = ${keepId} AND k."signalId" = m."signalId"`;
  s.moved.signalRatings = (
    await tx.signalRating.updateMany({ where: { personId: mergeId }, data: { personId: keepId } })
  ).count;
}

/** Attendance recorded for both: the kept person's record stays. */
async function mergeAttendances(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  const mine = await tx.attendance.findMany({ where: { personId: keepId }, select: { meetingId: true } });
  const both = mine.map((a) => a.meetingId);
  s.dropped.attendances = (
    await tx.attendance.deleteMany({ where: { personId: mergeId, meetingId: { in: both } } })
  ).count;
  s.moved.attendances = (
    await tx.attendance.updateMany({ where: { personId: mergeId }, data: { personId: keepId } })
  ).count;
}

/**
 * Named pulses: one response per person. The submitted one survives (a named response is submitted
 * when its participation is COMPLETED), else the kept person's; the other goes, its answers with it
 * (PulseAnswer cascades).
 */
async function mergeNamedResponses(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  const theirs = await tx.pulseResponse.findMany({ where: { personId: mergeId } });
  for (const row of theirs) {
    const mine = await tx.pulseResponse.findUnique({
      where: { pulseId_personId: { pulseId: row.pulseId, personId: keepId } },
    });
    if (mine) {
      const theirsWins = (await isSubmitted(tx, row, mergeId)) && !(await isSubmitted(tx, mine, keepId));
      await tx.pulseResponse.delete({ where: { id: theirsWins ? mine.id : row.id } });
      s.dropped.namedResponses += 1;
      if (!theirsWins) continue;
    }
    await tx.pulseResponse.update({ where: { id: row.id }, data: { personId: keepId } });
    s.moved.namedResponses += 1;
  }
}

async function isSubmitted(
  tx: Tx,
  response: { pulseId: string; submitted: boolean },
  personId: string,
): Promise<boolean> {
  if (response.submitted) return true;
  const participation = await tx.pulseParticipation.findUnique({
    where: { pulseId_personId: { pulseId: response.pulseId, personId } },
  });
  return participation?.status === "COMPLETED";
}

const PROGRESS: readonly ParticipationStatus[] = ["INVITED", "STARTED", "COMPLETED"];
const further = (a: ParticipationStatus, b: ParticipationStatus) =>
  PROGRESS.indexOf(a) >= PROGRESS.indexOf(b) ? a : b;

/** One participation per pulse: the most advanced status, the most reminders already sent. */
async function mergeParticipations(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  const theirs = await tx.pulseParticipation.findMany({ where: { personId: mergeId } });
  for (const row of theirs) {
    const theirKey = { pulseId_personId: { pulseId: row.pulseId, personId: mergeId } };
    const mine = await tx.pulseParticipation.findUnique({
      where: { pulseId_personId: { pulseId: row.pulseId, personId: keepId } },
    });
    if (!mine) {
      // updatedAt kept as it was: on an anonymous pulse a fresh time here would mean nothing true.
      await tx.pulseParticipation.update({
        where: theirKey,
        data: { personId: keepId, updatedAt: row.updatedAt },
      });
      s.moved.participations += 1;
      continue;
    }
    await tx.pulseParticipation.delete({ where: theirKey });
    await tx.pulseParticipation.update({
      where: { pulseId_personId: { pulseId: mine.pulseId, personId: keepId } },
      data: {
        status: further(mine.status, row.status),
        remindersSent: Math.max(mine.remindersSent, row.remindersSent),
        stakeholderType: mine.stakeholderType ?? row.stakeholderType,
        updatedAt: mine.updatedAt > row.updatedAt ? mine.updatedAt : row.updatedAt,
      },
    });
    s.dropped.participations += 1;
  }
}

/**
 * Person ids written into text: outbox keys (`pulse:<id>:reminder-1:<personId>`), notification
 * payloads (button values), audit subjects and details, minutes content, tracked-message subjects.
 * A notification both people were due (the same key once re-keyed) is sent once: the kept one stays.
 */
async function rewriteTextReferences(tx: Tx, { keepId, mergeId }: MergeInput, s: Summary): Promise<void> {
  s.dropped.outbox = await tx.$executeRaw`
    DELETE FROM "OutboxMessage" m
     WHERE strpos(m.key, ${mergeId}) > 0
       AND EXISTS (SELECT 1 FROM "OutboxMessage" k WHERE k.key = replace(m.key, ${mergeId}, ${keepId}))`;
  s.moved.outbox = await tx.$executeRaw`
    UPDATE "OutboxMessage"
       SET key = replace(key, ${mergeId}, ${keepId}),
           payload = replace(payload::text, ${mergeId}, ${keepId})::jsonb,
           "personId" = CASE WHEN "personId" = ${mergeId} THEN ${keepId} ELSE "personId" END
     WHERE strpos(key, ${mergeId}) > 0 OR strpos(payload::text, ${mergeId}) > 0 OR "personId" = ${mergeId}`;
  s.moved.auditEntries += await tx.$executeRaw`
    UPDATE "AuditEntry"
       SET "subjectId" = replace("subjectId", ${mergeId}, ${keepId}),
           details = replace(details::text, ${mergeId}, ${keepId})::jsonb
     WHERE strpos("subjectId", ${mergeId}) > 0 OR strpos(details::text, ${mergeId}) > 0`;
  await tx.$executeRaw`
    UPDATE "Minutes" SET content = replace(content::text, ${mergeId}, ${keepId})::jsonb
     WHERE strpos(content::text, ${mergeId}) > 0`;
  await tx.$executeRaw`
    UPDATE "PostedMessage" SET "subjectId" = replace("subjectId", ${mergeId}, ${keepId})
     WHERE strpos("subjectId", ${mergeId}) > 0`;
}

/**
 * The kept person's profile wins field by field; what they never told us comes from the other. Typed
 * over every Person column, so a column added later does not compile until it has its rule here.
 */
export const PROFILE_RULES: Readonly<Record<keyof Person, "kept" | "kept-else-merged">> = {
  id: "kept",
  displayName: "kept",
  email: "kept-else-merged",
  locale: "kept-else-merged",
  seenLocale: "kept-else-merged",
  timeZone: "kept-else-merged",
  organisation: "kept-else-merged",
  stakeholderType: "kept-else-merged",
  createdAt: "kept",
  // Neither is erased: lockBoth refuses an erased person.
  erasedAt: "kept",
};

async function mergeProfile(tx: Tx, { keepId, mergeId }: MergeInput): Promise<void> {
  const [keep, merge] = await Promise.all([
    tx.person.findUniqueOrThrow({ where: { id: keepId } }),
    tx.person.findUniqueOrThrow({ where: { id: mergeId } }),
  ]);
  const data: Partial<Person> = {};
  const fill = <F extends keyof Person>(field: F) => {
    data[field] = keep[field] ?? merge[field];
  };
  for (const field of Object.keys(PROFILE_RULES) as (keyof Person)[])
    if (PROFILE_RULES[field] === "kept-else-merged") fill(field);
  await tx.person.update({ where: { id: keepId }, data });
}
