// Start-up: the starter bank as shared questions (clusterId null). Idempotent: a question already
// stored with the same type, text and config is left alone; a changed text or config is updated in
// place (the key keeps its meaning); nothing is ever deleted, since old pulses point at the rows.
import { isDeepStrictEqual } from "node:util";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { starterQuestions } from "../domain/starter-bank.ts";

export type SeededBank = { created: number; updated: number; unchanged: number };

/** One advisory lock so that two instances starting at once do not both insert (NULL is distinct). */
const BANK_LOCK_KEY = 0x70756c73; // "puls"

export async function seedQuestionBank(ctx: AppContext): Promise<SeededBank> {
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${BANK_LOCK_KEY})`);
    const existing = await tx.question.findMany({ where: { clusterId: null } });
    const byKey = new Map(existing.map((q) => [q.key, q]));
    const result: SeededBank = { created: 0, updated: 0, unchanged: 0 };
    const changedKeys: string[] = [];
    for (const question of starterQuestions()) {
      const stored = byKey.get(question.key);
      if (!stored) {
        await tx.question.create({
          data: {
            key: question.key,
            clusterId: null,
            type: question.type,
            text: question.text,
            config: question.config,
            createdAt: ctx.clock.now(),
          },
        });
        result.created += 1;
        changedKeys.push(question.key);
      } else if (
        stored.type !== question.type ||
        !isDeepStrictEqual(stored.text, question.text) ||
        !isDeepStrictEqual(stored.config, question.config)
      ) {
        await tx.question.update({
          where: { id: stored.id },
          data: { type: question.type, text: question.text, config: question.config },
        });
        result.updated += 1;
        changedKeys.push(question.key);
      } else result.unchanged += 1;
    }
    if (changedKeys.length > 0)
      await audit(tx, {
        clusterId: null,
        actorId: null,
        action: "question-bank.seed",
        subjectType: "question-bank",
        details: { created: result.created, updated: result.updated, keys: changedKeys },
      });
    return result;
  });
}
