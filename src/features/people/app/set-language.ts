// `/cluster language [fi|sv|en|nl]`: the language the bot speaks to this person, chosen explicitly.
// It is stored in Person.locale, which preferredLocale and localeOf already prefer; the platform
// locale only ever fills an empty one (identity.ts refreshProfile), so a choice made here sticks.
// Works anywhere: in a cluster's channel and in a personal chat.
import { z } from "zod";
import { clusterOfConversation } from "../../../kernel/app/identity.ts";
import { forgetPerson } from "../../../kernel/app/person-memo.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
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

export const setLanguage = personUseCase(
  { name: "setLanguage", input: SetLanguageInput, access: "anyone" },
  async ({ ctx, tx, input, person, audit }): Promise<Result<LanguageChoice>> => {
    const { actor, conversation, locale } = input;
    if (!locale) {
      const cluster = await clusterOfConversation(tx, conversation);
      const current =
        toLocale(person.locale) ??
        toLocale(actor.locale) ??
        toLocale(person.seenLocale) ??
        toLocale(cluster?.locale) ??
        "en";
      return ok({ locale: current, changed: false, choices: LOCALES });
    }
    const cluster = await clusterOfConversation(tx, conversation);
    await tx.person.update({ where: { id: person.id }, data: { locale } });
    forgetPerson(ctx, actor);
    await audit({
      clusterId: cluster?.id ?? null,
      action: "member.language",
      subjectType: "person",
      subjectId: person.id,
      details: { from: person.locale ?? null, to: locale },
    });
    return ok({ locale, changed: person.locale !== locale, choices: LOCALES });
  },
);
