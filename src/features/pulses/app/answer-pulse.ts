// A member answers a pulse: one question at a time (a button) or several at once (a form), and may
// submit. Every value is checked by the domain (checkAnswer) before anything is written; answers
// are saved as given, so a half-finished pulse is not lost.
//
// Named pulse: the member's own PulseResponse (personId, submittedAt = last change); answers can be
// changed until closing, also after submitting.
// Anonymous pulse, written so that a copy of the database taken at any moment links no answer to a
// person (README, "Anonymity: what holds and what does not"):
// - Before submitting, the answers are a sealed PulseDraft: readable only with the random token the
//   member's message carries (returned here; the database keeps only SHA-256(person || token)).
// - `submit` marks the participation COMPLETED, deletes the draft and adds the answers at a random
//   place in the pulse's PulsePool (shared/anonymous-pool.ts), in one transaction: the participation,
//   the audit entry and the pool then share one xmin, which says only "this member submitted last",
//   about a row that holds everyone's answers. Submissions of one pulse take turns (the pulse row is
//   locked), so none is lost from the pool. The pool becomes response rows when the pulse closes.
// - A stakeholder type that fewer than 3 of the invited share (complementary hiding included) is
//   never written with the answers: it would name its members.
// After submitting, a second submission by the same member is refused through the participation
// row. No audit entry is written for unsubmitted answers (how many calls a person made, and when);
// submitting is audited like participation.
import { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { membershipIn } from "../../../kernel/app/identity.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { personUseCase, rollBack } from "../../../kernel/app/use-case.ts";
import { PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { can } from "../../../kernel/domain/roles.ts";
import { hideSmallGroups } from "../domain/aggregate.ts";
import {
  checkAnswer,
  STAKEHOLDER_TYPES,
  type StakeholderType,
  unansweredRequired,
} from "../domain/question-types.ts";
import { addToPool } from "./anonymous-pool.ts";
import { type DraftAnswers, findDraft, newResponseToken, saveDraft } from "./pulse-drafts.ts";
import { filledSheet } from "./pulse-sheet.ts";
import type { PulseSheet } from "./pulse-sheet-shape.ts";
import {
  definitionOf,
  emptySheet,
  type PulseWithQuestions,
  pulseState,
  pulseWithQuestions,
  skillsOf,
} from "./pulses.ts";
import { PULSE_REMINDER_STAGES, pulseSubject } from "./schedule-pulse-reminders.ts";

export const AnswerPulseInput = z.object({
  actor: PlatformUserSchema,
  pulseId: z.uuid("PULSE"),
  /** `value: null` withdraws an answer (skips the question). */
  answers: z
    .array(z.object({ questionKey: z.string().min(1).max(64), value: z.unknown() }))
    .max(50)
    .default([]),
  /** Anonymous pulses: the token returned by the first call; absent on the first call. */
  token: z.string().min(20).max(100).nullish(),
  submit: z.boolean().default(false),
});

export type PulseAnswered = {
  pulseId: string;
  title: string;
  anonymous: boolean;
  /** Anonymous pulses: keep it for the next call (e.g. in the form's private metadata). */
  token: string | null;
  answeredKeys: string[];
  missingRequired: string[];
  submitted: boolean;
  /** The member's sheet as saved now, to redraw their message without reading it all again. */
  sheet: PulseSheet;
};

/** What answering wrote; the sheet is drawn from it afterwards. */
type Saved = Omit<PulseAnswered, "sheet">;

export const answerPulse = personUseCase(
  {
    name: "answerPulse",
    input: AnswerPulseInput,
    access: "in-body: pulse.answer in the pulse's cluster, in its audience",
    // Two first answers of one named respondent at once: the loser retries and updates the winner's.
    retryOnUniqueViolation: true,
  },
  async ({ ctx, tx, input, person }): Promise<Result<PulseAnswered>> => {
    const personId = person.id;
    const { pulseId, answers, token, submit } = input;
    // Answers share-lock the pulse; submitting and closing lock it exclusively. So submissions to an
    // anonymous pulse's pool take turns, none lands while closing turns the pool into responses, and
    // none after (the pulse then reads CLOSED). Submitting takes its lock at once, never upgrading a
    // share lock, which two submissions could deadlock on.
    if (submit) await tx.$queryRaw`SELECT 1 FROM "Pulse" WHERE "id" = ${pulseId} FOR NO KEY UPDATE`;
    else await tx.$queryRaw`SELECT 1 FROM "Pulse" WHERE "id" = ${pulseId} FOR SHARE`;
    const pulse = await tx.pulse.findUnique({ where: { id: pulseId }, include: pulseWithQuestions });
    if (!pulse) return fail("PULSE_NOT_FOUND");
    const membership = await membershipIn(tx, pulse.clusterId, personId);
    if (!membership) {
      const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: pulse.clusterId } });
      return fail("NOT_A_MEMBER", { cluster: cluster.name });
    }
    if (!can(membership.role, "pulse.answer")) return fail("FORBIDDEN", { role: membership.role });
    const state = pulseState(pulse, ctx.clock.now());
    if (state === "SCHEDULED") return fail("PULSE_NOT_OPEN", { title: pulse.title });
    if (state === "CLOSED") return fail("PULSE_CLOSED", { title: pulse.title });
    const participation = await tx.pulseParticipation.findUnique({
      where: { pulseId_personId: { pulseId, personId } },
    });
    if (!participation) return fail("NOT_IN_AUDIENCE", { title: pulse.title });

    const checked = checkAll(pulse, answers);
    if (!checked.ok) return checked;
    const context: Session = { tx, pulse, personId, checked: checked.value, submit };
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: pulse.clusterId } });
    if (pulse.anonymous) {
      const result = await answerAnonymously(
        context,
        participation.status,
        participation.stakeholderType,
        token,
      );
      if (!result.ok) return result;
      const { answers, ...saved } = result.value;
      // Drawn from what was just saved: once submitted, nothing in the database leads back to it.
      const sheet = emptySheet(pulse, cluster, ctx.clock.now());
      return ok({
        ...saved,
        sheet: { ...sheet, answers, token: saved.submitted ? null : saved.token, submitted: saved.submitted },
      });
    }
    const result = await answerNamed(ctx, context, participation.stakeholderType);
    if (!result.ok) return result;
    const who = { personId, token: null };
    return ok({ ...result.value, sheet: await filledSheet(tx, pulse, cluster, who, ctx.clock.now()) });
  },
);

type Checked = { pulseQuestionId: string; key: string; value: Prisma.InputJsonValue | null };
type Session = {
  tx: Tx;
  pulse: PulseWithQuestions;
  personId: string;
  checked: Checked[];
  submit: boolean;
};

/** Every answer checked against its question and the pulse's skill snapshot; the first problem wins. */
function checkAll(
  pulse: PulseWithQuestions,
  answers: readonly { questionKey: string; value?: unknown }[],
): Result<Checked[]> {
  const skills = skillsOf(pulse.skills);
  const out = new Map<string, Checked>();
  for (const { questionKey, value } of answers) {
    const pq = pulse.questions.find((q) => q.question.key === questionKey);
    if (!pq) return fail("UNKNOWN_QUESTION", { question: questionKey });
    if (value === null || value === undefined) {
      out.set(questionKey, { pulseQuestionId: pq.id, key: questionKey, value: null });
      continue;
    }
    const answer = checkAnswer(definitionOf(pq.question), value, { skills });
    if (!answer.ok)
      return fail("INVALID_ANSWER", { question: questionKey, code: answer.reason, ...answer.details });
    out.set(questionKey, {
      pulseQuestionId: pq.id,
      key: questionKey,
      value: answer.value as Prisma.InputJsonValue,
    });
  }
  return ok([...out.values()]);
}

async function writeAnswers(tx: Tx, responseId: string, checked: readonly Checked[]): Promise<void> {
  for (const { pulseQuestionId, value } of checked) {
    if (value === null) {
      await tx.pulseAnswer.deleteMany({ where: { responseId, pulseQuestionId } });
      continue;
    }
    await tx.pulseAnswer.upsert({
      where: { responseId_pulseQuestionId: { responseId, pulseQuestionId } },
      create: { responseId, pulseQuestionId, value },
      update: { value },
    });
  }
}

async function answeredKeys(tx: Tx, pulse: PulseWithQuestions, responseId: string): Promise<string[]> {
  const rows = await tx.pulseAnswer.findMany({ where: { responseId }, select: { pulseQuestionId: true } });
  const ids = new Set(rows.map((r) => r.pulseQuestionId));
  return pulse.questions.filter((pq) => ids.has(pq.id)).map((pq) => pq.question.key);
}

function missingOf(pulse: PulseWithQuestions, answered: readonly string[]): string[] {
  return unansweredRequired(
    pulse.questions.map((pq) => definitionOf(pq.question)),
    answered,
  );
}

/** A member who has finished gets no reminder that may still be waiting in the outbox. */
async function withdrawReminders(tx: Tx, pulseId: string, personId: string): Promise<void> {
  await tx.outboxMessage.deleteMany({
    // Equality on the (subject, stage) index and personId, never a LIKE over the key.
    where: {
      status: "PENDING",
      subject: pulseSubject(pulseId),
      stage: { in: PULSE_REMINDER_STAGES },
      personId,
    },
  });
}

async function answerNamed(
  ctx: AppContext,
  { tx, pulse, personId, checked, submit }: Session,
  stakeholderType: Prisma.PulseResponseCreateInput["stakeholderType"],
): Promise<Result<Saved>> {
  const now = ctx.clock.now();
  const response = await tx.pulseResponse.upsert({
    where: { pulseId_personId: { pulseId: pulse.id, personId } },
    create: { pulseId: pulse.id, personId, stakeholderType, submittedAt: now },
    update: checked.length > 0 || submit ? { submittedAt: now } : {},
  });
  await writeAnswers(tx, response.id, checked);
  const answered = await answeredKeys(tx, pulse, response.id);
  const missing = missingOf(pulse, answered);
  if (submit && missing.length > 0)
    rollBack(fail("INVALID_ANSWER", { question: missing[0]!, code: "REQUIRED" }));
  const key = { pulseId_personId: { pulseId: pulse.id, personId } };
  const before = await tx.pulseParticipation.findUniqueOrThrow({ where: key });
  // Submitted = COMPLETED; a completed response that loses a required answer is only STARTED again.
  const status =
    submit || (before.status === "COMPLETED" && missing.length === 0)
      ? "COMPLETED"
      : answered.length > 0 || before.status !== "INVITED"
        ? "STARTED"
        : "INVITED";
  if (status !== before.status) await tx.pulseParticipation.update({ where: key, data: { status } });
  const completed = status === "COMPLETED";
  if (completed) await withdrawReminders(tx, pulse.id, personId);
  await audit(tx, {
    clusterId: pulse.clusterId,
    actorId: personId,
    action: submit ? "pulse.submit" : "pulse.answer",
    subjectType: "pulse",
    subjectId: pulse.id,
    details: { questionKeys: checked.map((c) => c.key) },
  });
  return ok({
    pulseId: pulse.id,
    title: pulse.title,
    anonymous: false,
    token: null,
    answeredKeys: answered,
    missingRequired: missing,
    submitted: completed,
  });
}

async function answerAnonymously(
  { tx, pulse, personId, checked, submit }: Session,
  participationStatus: string,
  stakeholderType: StakeholderType | null,
  token: string | null | undefined,
): Promise<Result<Saved & { answers: Record<string, unknown> }>> {
  if (participationStatus === "COMPLETED") return fail("PULSE_ALREADY_SUBMITTED", { title: pulse.title });
  const carried = token ?? newResponseToken();
  let draft: DraftAnswers = {};
  let draftHash: string | null = null;
  if (token) {
    const found = await findDraft(tx, pulse.id, personId, token);
    if (!found) return fail("RESPONSE_NOT_FOUND", { title: pulse.title });
    draft = found.answers;
    draftHash = found.tokenHash;
  }
  for (const { pulseQuestionId, value } of checked) {
    if (value === null) delete draft[pulseQuestionId];
    else draft[pulseQuestionId] = value;
  }
  const answers = byKey(pulse, draft);
  const answered = Object.keys(answers);
  const missing = missingOf(pulse, answered);
  const where = { pulseId: pulse.id, personId };
  if (!submit) {
    await saveDraft(tx, pulse.id, personId, carried, draft);
    await tx.pulseParticipation.updateMany({
      where: { ...where, status: "INVITED" },
      data: { status: "STARTED" },
    });
  } else {
    if (missing.length > 0) rollBack(fail("INVALID_ANSWER", { question: missing[0]!, code: "REQUIRED" }));
    // Guarded: a concurrent double submit (two tokens of one member) waits on the pulse row and
    // then changes nothing.
    const member = await tx.pulseParticipation.updateMany({
      where: { ...where, status: { not: "COMPLETED" } },
      data: { status: "COMPLETED" },
    });
    if (member.count === 0) rollBack(fail("PULSE_ALREADY_SUBMITTED", { title: pulse.title }));
    if (draftHash) await tx.pulseDraft.delete({ where: { tokenHash: draftHash } });
    await addToPool(tx, pulse.id, {
      type: await recordedType(tx, pulse.id, stakeholderType),
      answers: Object.entries(draft).map(([q, v]) => ({ q, v })),
    });
    await withdrawReminders(tx, pulse.id, personId);
    await audit(tx, {
      clusterId: pulse.clusterId,
      actorId: personId,
      action: "pulse.submit",
      subjectType: "pulse",
      subjectId: pulse.id,
    });
  }
  return ok({
    pulseId: pulse.id,
    title: pulse.title,
    anonymous: true,
    token: carried,
    answeredKeys: answered,
    missingRequired: missing,
    submitted: submit,
    answers,
  });
}

/** Draft answers (by PulseQuestion id) by question key, in the pulse's order. */
function byKey(pulse: PulseWithQuestions, draft: DraftAnswers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pq of pulse.questions) if (Object.hasOwn(draft, pq.id)) out[pq.question.key] = draft[pq.id];
  return out;
}

/**
 * The stakeholder type kept with an anonymous submission: none when fewer than 3 invited members
 * share it, or when complementary hiding over the invited removes it (the members left over would
 * otherwise be those few). A submission so marked would name its respondent in any dump, and the
 * results would hide the group anyway (closing decides again on the final numbers).
 */
async function recordedType(
  tx: Tx,
  pulseId: string,
  type: StakeholderType | null,
): Promise<StakeholderType | null> {
  if (type === null) return null;
  const invited = await tx.pulseParticipation.groupBy({
    by: ["stakeholderType"],
    where: { pulseId },
    _count: { _all: true },
  });
  const sizes = Object.fromEntries(
    STAKEHOLDER_TYPES.map((t) => [t, invited.find((g) => g.stakeholderType === t)?._count._all ?? 0]),
  ) as Record<StakeholderType, number>;
  const total = invited.reduce((sum, g) => sum + g._count._all, 0);
  return hideSmallGroups(sizes, total)[type] === null ? type : null;
}
