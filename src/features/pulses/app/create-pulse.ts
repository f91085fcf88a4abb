// `/cluster pulse new`: an organiser picks questions from the bank (the cluster's own questions win
// over shared ones with the same key), the audience, anonymity, the opening and closing times and
// whether results show before closing. Every member in the audience gets an INVITED participation.
import { z } from "zod";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { LABEL_MAX, QuestionKeySchema } from "../domain/question-types.ts";
import { AudienceSchema, type CreatedPulse, checkDates, insertPulse, skillQuestionKeys } from "./pulses.ts";

export const MAX_PULSE_QUESTIONS = 20;
/** A skill grid asks every skill for every horizon: 15 × 3 selects still fit one form. */
export const MAX_SKILLS = 15;

export const CreatePulseInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  title: z.string().trim().min(3, "TITLE").max(200, "TITLE"),
  questionKeys: z
    .array(QuestionKeySchema)
    .min(1, "QUESTIONS")
    .max(MAX_PULSE_QUESTIONS, "QUESTIONS")
    .refine((keys) => new Set(keys).size === keys.length, "DUPLICATE_QUESTION"),
  audience: AudienceSchema.default({ kind: "all" }),
  anonymous: z.boolean().default(true),
  opensAt: z.coerce.date(),
  closesAt: z.coerce.date(),
  resultsLive: z.boolean().default(false),
  /**
   * The cluster's skills and occupations for skill-need questions, when the form edits them: they
   * replace the cluster's list (kept for the next cycle) before the pulse snapshots it.
   */
  skills: z
    .array(z.string().trim().min(1, "SKILLS").max(LABEL_MAX, "SKILLS"))
    .max(MAX_SKILLS, "SKILLS")
    .transform((names) => [...new Set(names)])
    .optional(),
});

export const createPulse = clusterUseCase(
  {
    name: "createPulse",
    input: CreatePulseInput,
    capability: "pulse.manage",
    // Dates are checked before anything else, as the form's first answer.
    guard: (ctx, input) => {
      const dates = checkDates(input.opensAt, input.closesAt, ctx.clock.now());
      return dates.ok ? null : dates;
    },
  },
  async ({ ctx, tx, input, person, cluster }): Promise<Result<CreatedPulse>> => {
    const { title, questionKeys, audience, anonymous, opensAt, closesAt, resultsLive, skills } = input;
    const now = ctx.clock.now();
    const questions = await resolveQuestions(tx, cluster.id, questionKeys);
    if (!questions.ok) return questions;
    // Checked before anything is written: a Fail returned here commits nothing.
    const skillCount = skills
      ? skills.length
      : await tx.clusterSkill.count({ where: { clusterId: cluster.id } });
    if (skillCount === 0 && (await skillQuestionKeys(tx, questions.value)).length > 0)
      return fail("INVALID_INPUT", { field: "skills", problem: "NO_SKILLS" });
    if (skills) await replaceSkills(tx, cluster.id, skills);
    const created = await insertPulse(
      ctx,
      tx,
      {
        clusterId: cluster.id,
        actorId: person.id,
        title,
        questionIds: questions.value,
        audience,
        anonymous,
        opensAt,
        closesAt,
        resultsLive,
        copiedFromId: null,
        now,
      },
      "pulse.create",
    );
    return ok(created);
  },
);

/** Question ids for the keys, in the given order; the cluster's own question wins over the bank's. */
async function resolveQuestions(
  tx: Tx,
  clusterId: string,
  keys: readonly string[],
): Promise<Result<string[]>> {
  const rows = await tx.question.findMany({
    where: { key: { in: [...keys] }, OR: [{ clusterId }, { clusterId: null }] },
  });
  const ids: string[] = [];
  for (const key of keys) {
    const row =
      rows.find((q) => q.key === key && q.clusterId === clusterId) ?? rows.find((q) => q.key === key);
    if (!row) return fail("UNKNOWN_QUESTION", { question: key });
    ids.push(row.id);
  }
  return ok(ids);
}

async function replaceSkills(tx: Tx, clusterId: string, names: readonly string[]): Promise<void> {
  await tx.clusterSkill.deleteMany({ where: { clusterId } });
  await tx.clusterSkill.createMany({
    data: names.map((name, position) => ({ clusterId, name, position })),
  });
}
