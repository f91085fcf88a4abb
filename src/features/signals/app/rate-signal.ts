// A participant rates a signal on its card: plausibility or significance, 1–5. One rating per member
// per signal; clicking again changes it (an upsert on (signal, person)), a double click changes nothing.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { RATING_CRITERIA, RATING_MAX, RATING_MIN } from "../domain/signal-rules.ts";
import { loadSignalCard, lockSignal, type SignalCard } from "./load-signal.ts";

export const RateSignalInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  signalId: z.uuid("SIGNAL"),
  criterion: z.enum(RATING_CRITERIA),
  value: z.number().int().min(RATING_MIN).max(RATING_MAX),
});

export const rateSignal = clusterUseCase(
  { name: "rateSignal", input: RateSignalInput, capability: "signal.rate" },
  async ({ ctx, tx, input, person, cluster }): Promise<Result<SignalCard>> => {
    const { signalId, criterion, value } = input;
    if (!(await lockSignal(tx, signalId, cluster.id))) return fail("SIGNAL_NOT_FOUND");
    const now = ctx.clock.now().toISOString();
    // The column is one of two fixed names (never text from the click), so each has its own statement.
    if (criterion === "plausibility")
      await tx.$executeRaw`
        INSERT INTO "SignalRating" ("id", "signalId", "personId", "plausibility", "updatedAt")
        VALUES (${randomUUID()}, ${signalId}, ${person.id}, ${value}, ${now}::timestamp(3))
        ON CONFLICT ("signalId", "personId")
          DO UPDATE SET "plausibility" = EXCLUDED."plausibility", "updatedAt" = EXCLUDED."updatedAt"`;
    else
      await tx.$executeRaw`
        INSERT INTO "SignalRating" ("id", "signalId", "personId", "significance", "updatedAt")
        VALUES (${randomUUID()}, ${signalId}, ${person.id}, ${value}, ${now}::timestamp(3))
        ON CONFLICT ("signalId", "personId")
          DO UPDATE SET "significance" = EXCLUDED."significance", "updatedAt" = EXCLUDED."updatedAt"`;
    const card = await loadSignalCard(tx, signalId);
    return card ? ok(card) : fail("SIGNAL_NOT_FOUND");
  },
);
