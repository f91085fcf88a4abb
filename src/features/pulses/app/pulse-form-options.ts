// What the "new pulse" form offers: the question bank (the cluster's own questions over shared ones
// with the same key), the cluster's skill list, its time zone, and whether there is a previous pulse
// to copy. Checked before the form opens, so only organisers see it.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import type { QuestionDefinition } from "../domain/question-types.ts";
import { STARTER_KEYS } from "../domain/starter-bank.ts";
import { definitionOf } from "./pulses.ts";

export const PulseFormOptionsInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
});

export type PulseFormOptions = {
  timeZone: string;
  bank: QuestionDefinition[];
  skills: string[];
  previous: { title: string; questionKeys: string[] } | null;
};

export const pulseFormOptions = clusterUseCase(
  { name: "pulseFormOptions", input: PulseFormOptionsInput, capability: "pulse.manage", readOnly: true },
  async ({ ctx, cluster }): Promise<Result<PulseFormOptions>> => {
    const [questions, skills, previous] = await Promise.all([
      ctx.db.question.findMany({
        where: { OR: [{ clusterId: cluster.id }, { clusterId: null }] },
        orderBy: [{ createdAt: "asc" }, { key: "asc" }],
      }),
      ctx.db.clusterSkill.findMany({ where: { clusterId: cluster.id }, orderBy: [{ position: "asc" }] }),
      ctx.db.pulse.findFirst({
        where: { clusterId: cluster.id },
        orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
        include: { questions: { include: { question: true }, orderBy: { position: "asc" } } },
      }),
    ]);
    const byKey = new Map<string, QuestionDefinition>();
    for (const q of questions) {
      if (!byKey.has(q.key) || q.clusterId === cluster.id) byKey.set(q.key, definitionOf(q));
    }
    return ok({
      timeZone: cluster.timeZone,
      bank: [...byKey.values()].sort(
        (a, b) => bankOrder(a.key) - bankOrder(b.key) || a.key.localeCompare(b.key),
      ),
      skills: skills.map((s) => s.name),
      previous: previous
        ? { title: previous.title, questionKeys: previous.questions.map((pq) => pq.question.key) }
        : null,
    });
  },
);

/** The starter bank in its own order (it reads as a survey), the cluster's own questions after it. */
function bankOrder(key: string): number {
  const index = STARTER_KEYS.indexOf(key);
  return index === -1 ? STARTER_KEYS.length : index;
}
