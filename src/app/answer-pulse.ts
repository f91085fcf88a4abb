// A member answers a pulse: one question at a time (a button) or several at once (a form), and may
// submit. Every value is checked by the domain (checkAnswer) before anything is written; answers
// are saved as given, so a half-finished pulse is not lost.
//
// Named pulse: the member's own PulseResponse (personId, submittedAt = last change); answers can be
// changed until closing, also after submitting.
// Anonymous pulse: the answers go to a response identified only by a random token the client
// carries (returned here; only its SHA-256 is stored, nothing links it to the person). `submit`
// marks the member's participation COMPLETED and freezes the response, in one transaction; after
// that the response cannot be edited and a second submission by the same member is refused through
// the participation row. No audit entry is written for anonymous answers (how many calls a person
// made, and when, would match the shape of a response); submitting is audited like participation.
import { z } from "zod";
import { PlatformUserSchema } from "../domain/platform-user.ts";
import { checkAnswer, unansweredRequired } from "../domain/pulse/question-types.ts";
import { type Fail, fail, ok, type Result } from "../domain/result.ts";
import { can } from "../domain/roles.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { pulseReminderPrefix } from "./schedule-pulse-reminders.ts";
import { audit } from "./shared/audit.ts";
import type { AppContext } from "./shared/context.ts";
import { ensurePerson, membershipIn } from "./shared/identity.ts";
import { parseInput } from "./shared/parse-input.ts";
import { filledSheet, type PulseSheet } from "./shared/pulse-sheet.ts";
import {
  definitionOf,
  hashToken,
  newResponseToken,
  type PulseWithQuestions,
  pulseState,
  pulseWithQuestions,
  skillsOf,
} from "./shared/pulses.ts";
import { isUniqueViolation, type Tx } from "./shared/tx.ts";

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

/** Thrown inside the transaction to roll back what it wrote, then returned as a refusal. */
class Refused extends Error {
  constructor(readonly failure: Fail) {
    super(failure.reason);
  }
}

export async function answerPulse(
  ctx: AppContext,
  raw: z.input<typeof AnswerPulseInput>,
): Promise<Result<PulseAnswered>> {
  const input = parseInput(AnswerPulseInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  try {
    return await inTransaction(ctx, input.value, person.id);
  } catch (error) {
    if (error instanceof Refused) return error.failure;
    // Two first answers of one named respondent at once: the loser retries and updates the winner's.
    if (!isUniqueViolation(error)) throw error;
    try {
      return await inTransaction(ctx, input.value, person.id);
    } catch (again) {
      if (again instanceof Refused) return again.failure;
      throw again;
    }
  }
}

async function inTransaction(
  ctx: AppContext,
  value: z.output<typeof AnswerPulseInput>,
  personId: string,
): Promise<Result<PulseAnswered>> {
  return await ctx.db.$transaction(async (tx) => {
    const { pulseId, answers, token, submit } = value;
    // Answers share-lock the pulse; closing takes it exclusively. So no answer lands while an
    // anonymous pulse is being closed and reshuffled, and none after (it then reads CLOSED).
    await tx.$queryRaw`SELECT 1 FROM "Pulse" WHERE "id" = ${pulseId} FOR SHARE`;
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
    const result = pulse.anonymous
      ? await answerAnonymously(context, participation.status, participation.stakeholderType, token)
      : await answerNamed(ctx, context, participation.stakeholderType);
    if (!result.ok) return result;
    const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: pulse.clusterId } });
    const who = { personId, token: result.value.token };
    return ok({ ...result.value, sheet: await filledSheet(tx, pulse, cluster, who, ctx.clock.now()) });
  });
}

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
    where: { status: "PENDING", key: { startsWith: pulseReminderPrefix(pulseId), endsWith: `:${personId}` } },
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
    throw new Refused(fail("INVALID_ANSWER", { question: missing[0]!, code: "REQUIRED" }));
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
  stakeholderType: Prisma.PulseResponseCreateInput["stakeholderType"],
  token: string | null | undefined,
): Promise<Result<Saved>> {
  if (participationStatus === "COMPLETED") return fail("PULSE_ALREADY_SUBMITTED", { title: pulse.title });
  let responseId: string;
  let carried = token ?? null;
  if (carried) {
    const response = await tx.pulseResponse.findUnique({
      where: { tokenHash: hashToken(carried, personId) },
    });
    if (!response || response.pulseId !== pulse.id) return fail("RESPONSE_NOT_FOUND", { title: pulse.title });
    if (response.submitted) return fail("PULSE_ALREADY_SUBMITTED", { title: pulse.title });
    responseId = response.id;
  } else {
    carried = newResponseToken();
    // No personId and no time of any kind: see the header.
    const response = await tx.pulseResponse.create({
      data: {
        pulseId: pulse.id,
        personId: null,
        stakeholderType,
        tokenHash: hashToken(carried, personId),
        submittedAt: null,
      },
    });
    responseId = response.id;
  }
  await writeAnswers(tx, responseId, checked);
  const answered = await answeredKeys(tx, pulse, responseId);
  const missing = missingOf(pulse, answered);
  const where = { pulseId: pulse.id, personId };
  if (submit) {
    if (missing.length > 0)
      throw new Refused(fail("INVALID_ANSWER", { question: missing[0]!, code: "REQUIRED" }));
    // Both guarded: a concurrent double submit waits on the row and then changes nothing.
    const member = await tx.pulseParticipation.updateMany({
      where: { ...where, status: { not: "COMPLETED" } },
      data: { status: "COMPLETED" },
    });
    if (member.count === 0) throw new Refused(fail("PULSE_ALREADY_SUBMITTED", { title: pulse.title }));
    const frozen = await tx.pulseResponse.updateMany({
      where: { id: responseId, submitted: false },
      data: { submitted: true },
    });
    if (frozen.count === 0) throw new Refused(fail("PULSE_ALREADY_SUBMITTED", { title: pulse.title }));
    await withdrawReminders(tx, pulse.id, personId);
    await audit(tx, {
      clusterId: pulse.clusterId,
      actorId: personId,
      action: "pulse.submit",
      subjectType: "pulse",
      subjectId: pulse.id,
    });
  } else {
    await tx.pulseParticipation.updateMany({
      where: { ...where, status: "INVITED" },
      data: { status: "STARTED" },
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
  });
}
