// What every pulse use case shares: the audience shape, reading a pulse with its questions, its state
// at a given time, creating one (create and copy), and loading its responses for results and export.
//
// Anonymity: a PulseResponse of an anonymous pulse has no person and no timestamp, and is only ever
// written together with all the others (anonymous-responses.ts); unsubmitted answers are sealed
// drafts (pulse-drafts.ts). Participation (reminders, one completion per member) lives in
// PulseParticipation and is never linked to a response.
import { z } from "zod";
import type { Cluster, Prisma, Pulse, Question } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels, personalRecipient } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { can } from "../../../kernel/domain/roles.ts";
import {
  CLUSTER_SKILLS,
  type QuestionDefinition,
  QuestionDefinitionSchema,
  STAKEHOLDER_TYPES,
} from "../domain/question-types.ts";
import { poolOf } from "./anonymous-pool.ts";
import type { PulseSheet, PulseState } from "./pulse-sheet-shape.ts";

export const AudienceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("all") }),
  z.strictObject({
    kind: z.literal("stakeholders"),
    types: z
      .array(z.enum(STAKEHOLDER_TYPES))
      .min(1, "AUDIENCE")
      .transform((ts) => [...new Set(ts)]),
  }),
]);
export type Audience = z.output<typeof AudienceSchema>;

/** Stored audiences are checked on the way out too; an unreadable one means "all members". */
export function audienceOf(json: unknown): Audience {
  const parsed = AudienceSchema.safeParse(json);
  return parsed.success ? parsed.data : { kind: "all" };
}

export function skillsOf(json: unknown): string[] {
  return Array.isArray(json) ? json.filter((s): s is string => typeof s === "string") : [];
}

/** A question row as the domain sees it; throws on a row that no longer parses (a bug, not input). */
export function definitionOf(
  question: Pick<Question, "key" | "type" | "text" | "config">,
): QuestionDefinition {
  return QuestionDefinitionSchema.parse({
    key: question.key,
    type: question.type,
    text: question.text,
    config: question.config,
  });
}

/** The skill-need grid asks each skill; a choice question may offer the skills as its choices. */
export function asksAboutSkills(question: QuestionDefinition): boolean {
  if (question.type === "SKILL_GRID") return true;
  return (
    (question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE") &&
    question.config.options === CLUSTER_SKILLS
  );
}

/**
 * The keys of the questions (by id) that take their rows or choices from the cluster's skill list.
 * With an empty list such a question cannot be answered — a grid with no rows, a choice with no
 * choices — and a required one would keep the whole sheet from ever being submitted.
 */
export async function skillQuestionKeys(tx: Tx, questionIds: readonly string[]): Promise<string[]> {
  const rows = await tx.question.findMany({ where: { id: { in: [...questionIds] } } });
  return rows.filter((q) => asksAboutSkills(definitionOf(q))).map((q) => q.key);
}

/** Closed by an organiser or by time; open between opensAt (inclusive) and closesAt (exclusive). */
export function pulseState(pulse: Pick<Pulse, "status" | "opensAt" | "closesAt">, now: Date): PulseState {
  if (pulse.status === "CLOSED" || now >= pulse.closesAt) return "CLOSED";
  if (now < pulse.opensAt) return "SCHEDULED";
  return "OPEN";
}

/**
 * Closed, or live when the organiser chose so for a named pulse. Anonymous pulses show results only
 * once closed: any live view can be compared with the next one or with the final results, and the
 * difference after one more submission is that member's answer (the status, or the member, tells who
 * came in between). Holding live figures back by a few answers would need an earlier state kept in
 * the database, which a dump could be compared against in the same way.
 */
export function resultsVisible(
  pulse: Pick<Pulse, "status" | "opensAt" | "closesAt" | "resultsLive" | "anonymous">,
  now: Date,
) {
  return pulseState(pulse, now) === "CLOSED" || (pulse.resultsLive && !pulse.anonymous);
}

export const pulseWithQuestions = {
  questions: { include: { question: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.PulseInclude;
export type PulseWithQuestions = Prisma.PulseGetPayload<{ include: typeof pulseWithQuestions }>;

/** The pulse asked about, in this cluster: the given id, or else the cluster's latest pulse. */
export async function findPulse(
  tx: Tx,
  clusterId: string,
  pulseId: string | null | undefined,
): Promise<Result<PulseWithQuestions>> {
  const pulse = pulseId
    ? await tx.pulse.findUnique({ where: { id: pulseId }, include: pulseWithQuestions })
    : await tx.pulse.findFirst({
        where: { clusterId },
        orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
        include: pulseWithQuestions,
      });
  if (!pulse || pulse.clusterId !== clusterId) return fail("PULSE_NOT_FOUND");
  return ok(pulse);
}

/** The cycle before this one: the cluster's latest pulse that opened earlier. */
export async function previousPulse(tx: Tx, pulse: Pulse): Promise<PulseWithQuestions | null> {
  return tx.pulse.findFirst({
    where: { clusterId: pulse.clusterId, id: { not: pulse.id }, opensAt: { lt: pulse.opensAt } },
    orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    include: pulseWithQuestions,
  });
}

/** The sheet as the invitation carries it: the questions, nothing answered yet. */
export function emptySheet(
  pulse: PulseWithQuestions,
  cluster: Pick<Cluster, "name" | "timeZone">,
  now: Date,
): PulseSheet {
  return {
    pulseId: pulse.id,
    title: pulse.title,
    clusterName: cluster.name,
    timeZone: cluster.timeZone,
    anonymous: pulse.anonymous,
    closesAt: pulse.closesAt,
    state: pulseState(pulse, now),
    questions: pulse.questions.map((pq) => definitionOf(pq.question)),
    skills: skillsOf(pulse.skills),
    answers: {},
    token: null,
    submitted: false,
  };
}

// --- creating -------------------------------------------------------------------------------------

/** A form may take a moment: an opening time up to this far in the past counts as "now". */
export const OPENS_AT_GRACE_MS = 5 * 60_000;

export function checkDates(opensAt: Date, closesAt: Date, now: Date): Result<void> {
  if (opensAt.getTime() < now.getTime() - OPENS_AT_GRACE_MS)
    return fail("INVALID_INPUT", { field: "opensAt", problem: "OPENS_IN_PAST" });
  if (closesAt <= opensAt)
    return fail("INVALID_INPUT", { field: "closesAt", problem: "CLOSES_BEFORE_OPENS" });
  return ok(undefined);
}

export type NewPulse = {
  clusterId: string;
  actorId: string;
  title: string;
  questionIds: readonly string[];
  audience: Audience;
  anonymous: boolean;
  opensAt: Date;
  closesAt: Date;
  resultsLive: boolean;
  copiedFromId: string | null;
  now: Date;
};

export type CreatedPulse = {
  pulseId: string;
  title: string;
  questionKeys: string[];
  invited: number;
  anonymous: boolean;
  opensAt: Date;
  closesAt: Date;
};

/**
 * Writes the pulse, its questions in order, and an INVITED participation for each member in the
 * audience who may answer (observers never), with the stakeholder type they have today; snapshots
 * the cluster's skill list.
 */
export async function insertPulse(
  ctx: AppContext,
  tx: Tx,
  input: NewPulse,
  action: string,
): Promise<CreatedPulse> {
  const skills = await tx.clusterSkill.findMany({
    where: { clusterId: input.clusterId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
  const members = await tx.membership.findMany({
    where: { clusterId: input.clusterId, person: { erasedAt: null } },
    include: { person: true },
  });
  const invited = members.filter(
    (m) =>
      can(m.role, "pulse.answer") &&
      (input.audience.kind === "all" ||
        (m.person.stakeholderType !== null && input.audience.types.includes(m.person.stakeholderType))),
  );
  const pulse = await tx.pulse.create({
    data: {
      clusterId: input.clusterId,
      title: input.title,
      anonymous: input.anonymous,
      audience: input.audience,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      // The reminder tick looks at it once it opens and works out when the first round comes.
      nextReminderAt: input.opensAt,
      // Live results are for named pulses only (resultsVisible).
      resultsLive: input.resultsLive && !input.anonymous,
      status: "OPEN",
      copiedFromId: input.copiedFromId,
      createdById: input.actorId,
      createdAt: input.now,
      skills: skills.map((s) => s.name),
      questions: { create: input.questionIds.map((questionId, position) => ({ questionId, position })) },
      participations: {
        create: invited.map((m) => ({
          personId: m.personId,
          status: "INVITED" as const,
          stakeholderType: m.person.stakeholderType,
        })),
      },
    },
    include: pulseWithQuestions,
  });
  const questionKeys = pulse.questions.map((q) => q.question.key);
  await announcePulse(
    ctx,
    tx,
    pulse,
    invited.map((m) => m.person),
  );
  await audit(tx, {
    clusterId: input.clusterId,
    actorId: input.actorId,
    action,
    subjectType: "pulse",
    subjectId: pulse.id,
    details: {
      title: input.title,
      questionKeys,
      anonymous: input.anonymous,
      invited: invited.length,
      ...(input.copiedFromId ? { copiedFromId: input.copiedFromId } : {}),
    },
  });
  return {
    pulseId: pulse.id,
    title: pulse.title,
    questionKeys,
    invited: invited.length,
    anonymous: pulse.anonymous,
    opensAt: pulse.opensAt,
    closesAt: pulse.closesAt,
  };
}

/**
 * When the pulse opens: every invited member gets their personal answer sheet, in their language,
 * and the cluster's channels an announcement. Both wait in the outbox until opensAt.
 */
async function announcePulse(
  ctx: AppContext,
  tx: Tx,
  pulse: PulseWithQuestions,
  invited: readonly { id: string; locale: string | null }[],
): Promise<void> {
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: pulse.clusterId } });
  const notBefore = pulse.opensAt;
  const prefer = (await clusterChannels(tx, cluster.id))[0]?.platform ?? "SLACK";
  for (const person of invited) {
    const recipient = await personalRecipient(tx, person.id, prefer);
    if (!recipient) continue;
    const sheet = emptySheet(pulse, cluster, pulse.opensAt);
    await enqueueNotification(tx, {
      key: `pulse:${pulse.id}:invitation:${person.id}`,
      clusterId: cluster.id,
      recipient,
      view: ctx.compose.compose({ type: "pulse.invitation", sheet }, localeOf(person, cluster)),
      notBefore,
    });
  }
  for (const recipient of await clusterChannels(tx, cluster.id)) {
    const view = ctx.compose.compose(
      {
        type: "pulse.opened",
        pulseId: pulse.id,
        title: pulse.title,
        clusterName: cluster.name,
        closesAt: pulse.closesAt,
        timeZone: cluster.timeZone,
        invited: invited.length,
        anonymous: pulse.anonymous,
      },
      localeOf(null, cluster),
    );
    await enqueueNotification(tx, {
      key: `pulse:${pulse.id}:opened:${recipient.platform}`,
      clusterId: cluster.id,
      recipient,
      view,
      notBefore,
    });
  }
}

// --- responses ------------------------------------------------------------------------------------

export type LoadedResponse = {
  stakeholderType: (typeof STAKEHOLDER_TYPES)[number] | null;
  respondent: { name: string; organisation: string | null } | null;
  submittedAt: Date | null;
  answers: Record<string, unknown>;
};

/**
 * The responses that count: in a named pulse every response with an answer (a half-finished one
 * counts, it is one per person); in an anonymous pulse only submitted ones, including those still in
 * the pool of a pulse whose closing time has passed before the closing job has turned it into rows.
 */
export async function countedResponses(tx: Tx, pulse: PulseWithQuestions): Promise<LoadedResponse[]> {
  const keyOf = new Map(pulse.questions.map((pq) => [pq.id, pq.question.key]));
  const rows = await tx.pulseResponse.findMany({
    where: { pulseId: pulse.id, ...(pulse.anonymous ? { submitted: true } : {}) },
    include: { answers: true, person: !pulse.anonymous },
    orderBy: { id: "asc" },
  });
  const answersOf = (answers: readonly { pulseQuestionId: string; value: unknown }[]) =>
    Object.fromEntries(
      answers.flatMap((a) => {
        const key = keyOf.get(a.pulseQuestionId);
        return key ? [[key, a.value]] : [];
      }),
    );
  const loaded = rows
    .filter((r) => r.answers.length > 0)
    .map(
      (r): LoadedResponse => ({
        stakeholderType: r.stakeholderType,
        respondent:
          !pulse.anonymous && "person" in r && r.person
            ? { name: r.person.displayName, organisation: r.person.organisation }
            : null,
        submittedAt: pulse.anonymous ? null : r.submittedAt,
        answers: answersOf(r.answers),
      }),
    );
  if (!pulse.anonymous) return loaded;
  const pooled = (await poolOf(tx, pulse.id))
    .filter((e) => e.answers.length > 0)
    .map(
      (e): LoadedResponse => ({
        stakeholderType: e.type,
        respondent: null,
        submittedAt: null,
        answers: answersOf(e.answers.map((a) => ({ pulseQuestionId: a.q, value: a.v }))),
      }),
    );
  return [...loaded, ...pooled];
}
