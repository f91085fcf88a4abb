// "Copy the previous cycle" in one step: the cluster's latest pulse with its questions, audience,
// anonymity and results setting, new dates, and the cluster's skill list as it is today.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { audienceOf, type CreatedPulse, checkDates, insertPulse, skillQuestionKeys } from "./pulses.ts";

export const CopyPulseInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** Defaults to the previous pulse's title. */
  title: z.string().trim().min(3, "TITLE").max(200, "TITLE").nullish(),
  opensAt: z.coerce.date(),
  closesAt: z.coerce.date(),
});

export const copyPulse = clusterUseCase(
  {
    name: "copyPulse",
    input: CopyPulseInput,
    capability: "pulse.manage",
    // Dates are checked before anything else, as the form's first answer.
    guard: (ctx, input) => {
      const dates = checkDates(input.opensAt, input.closesAt, ctx.clock.now());
      return dates.ok ? null : dates;
    },
  },
  async ({ ctx, tx, input, person, cluster }): Promise<Result<CreatedPulse>> => {
    const { title, opensAt, closesAt } = input;
    const now = ctx.clock.now();
    const previous = await tx.pulse.findFirst({
      where: { clusterId: cluster.id },
      orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
      include: { questions: { orderBy: { position: "asc" } } },
    });
    if (!previous) return fail("NO_PREVIOUS_PULSE");
    if (opensAt <= previous.opensAt)
      return fail("INVALID_INPUT", { field: "opensAt", problem: "BEFORE_PREVIOUS" });
    // The copy asks about the skills the cluster lists today; with none, its skill questions could
    // not be answered. The copy form has no skill list to fix, so the answer says where to go.
    const questionIds = previous.questions.map((q) => q.questionId);
    if (
      (await tx.clusterSkill.count({ where: { clusterId: cluster.id } })) === 0 &&
      (await skillQuestionKeys(tx, questionIds)).length > 0
    )
      return fail("PULSE_NEEDS_SKILLS");
    const created = await insertPulse(
      ctx,
      tx,
      {
        clusterId: cluster.id,
        actorId: person.id,
        title: title ?? previous.title,
        questionIds,
        audience: audienceOf(previous.audience),
        anonymous: previous.anonymous,
        opensAt,
        closesAt,
        resultsLive: previous.resultsLive,
        copiedFromId: previous.id,
        now,
      },
      "pulse.copy",
    );
    return ok(created);
  },
);
