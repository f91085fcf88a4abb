// `/cluster language [fi|sv|en|nl]`: the language the bot speaks to this person, chosen explicitly.
// It is stored in Person.locale, which preferredLocale and localeOf already prefer; the platform
// locale only ever fills an empty one (identity.ts refreshProfile), so a choice made here sticks.
// Works anywhere: in a cluster's channel and in a personal chat.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterOfConversation, ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { LOCALES, type Locale, toLocale } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";

export const SetLanguageInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** Absent: only tell the current language. */
  locale: z
    .preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(LOCALES, "LOCALE"))
    .optional(),
});

export type LanguageChoice = {
  /** The language now in use for this person (explicit choice, else platform, else cluster). */
  locale: Locale;
  changed: boolean;
  choices: readonly Locale[];
};

export async function setLanguage(
  ctx: AppContext,
  raw: z.input<typeof SetLanguageInput>,
): Promise<Result<LanguageChoice>> {
  const input = parseInput(SetLanguageInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, locale } = input.value;
  const person = await ensurePerson(ctx, actor);
  if (!locale) {
    const cluster = await clusterOfConversation(ctx.db, conversation);
    const current =
      toLocale(person.locale) ??
      toLocale(actor.locale) ??
      toLocale(person.seenLocale) ??
      toLocale(cluster?.locale) ??
      "en";
    return ok({ locale: current, changed: false, choices: LOCALES });
  }
  return ctx.db.$transaction(async (tx) => {
    const cluster = await clusterOfConversation(tx, conversation);
    await tx.person.update({ where: { id: person.id }, data: { locale } });
    await audit(tx, {
      clusterId: cluster?.id ?? null,
      actorId: person.id,
      action: "member.language",
      subjectType: "person",
      subjectId: person.id,
      details: { from: person.locale ?? null, to: locale },
    });
    return ok({ locale, changed: person.locale !== locale, choices: LOCALES });
  });
}
