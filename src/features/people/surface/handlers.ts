// language · my-data · erase (confirm button): a member's language and their personal data.
import { z } from "zod";
import { LOCALES, type Locale } from "../../../kernel/domain/locale.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import type { MentionedUser } from "../../../kernel/surface/parse-command.ts";
import { note, type Output, text, view } from "../../../kernel/surface/view.ts";
import { eraseMember, previewErasure } from "../app/erase-member.ts";
import { myData } from "../app/my-data.ts";
import { setLanguage } from "../app/set-language.ts";

export const ERASE_MEMBER_ACTION = "ennakko.member.erase";

/** Each language by its own name, the same in every catalog. */
const LANGUAGE_NAMES: Record<Locale, string> = {
  fi: "suomi",
  sv: "svenska",
  en: "English",
  nl: "Nederlands",
};
const choices = () => LOCALES.map((l) => `\`${l}\` ${LANGUAGE_NAMES[l]}`).join(", ");

export async function languageCommand(hc: HandlerContext, value: string | undefined): Promise<Output[]> {
  const result = await setLanguage(hc.app, { ...actorAndConversation(hc), locale: value });
  if (!result.ok && result.reason === "INVALID_INPUT")
    return [note(hc.t("language.usage", { value: (value ?? "").slice(0, 20), choices: choices() }))];
  return render(hc, result, (chosen) => {
    if (value === undefined)
      return [
        note(hc.t("language.current", { language: LANGUAGE_NAMES[chosen.locale], choices: choices() })),
      ];
    // The confirmation already speaks the new language.
    return [note(translator(chosen.locale)("language.set", { language: LANGUAGE_NAMES[chosen.locale] }))];
  });
}

/** JSON and CSV of everything stored about the person, into their DM (Slack) or personal chat (Teams). */
export async function myDataCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await myData(hc.app, actorAndConversation(hc));
  return render(hc, result, (data) => [
    {
      kind: "file",
      comment: hc.t("mydata.comment"),
      files: [
        { ...data.json, mimeType: "application/json", title: hc.t("mydata.json") },
        { ...data.csv, mimeType: "text/csv", title: hc.t("mydata.csv") },
      ].map((f) => ({ ...f, content: Buffer.from(f.content, "utf8").toString("base64") })),
    },
  ]);
}

/** Checks the rights first, then asks for a confirmation click; nothing changes before it. */
export async function eraseCommand(hc: HandlerContext, target: MentionedUser): Promise<Output[]> {
  const { platform, tenant } = hc.envelope.conversation;
  const preview = await previewErasure(hc.app, {
    ...actorAndConversation(hc),
    target: { platform, tenant, ...target },
  });
  return render(hc, preview, (p) => {
    const question = hc.t("erase.confirm", { user: p.displayName, cluster: p.clusterName });
    return [
      {
        kind: "ephemeral",
        view: view(question, text(question), {
          type: "actions",
          buttons: [
            {
              type: "button",
              actionId: ERASE_MEMBER_ACTION,
              label: hc.t("erase.button"),
              value: p.personId,
              style: "danger",
            },
          ],
        }),
      },
    ];
  });
}

export async function eraseClicked(hc: HandlerContext, personId: string): Promise<Output[]> {
  if (!z.uuid().safeParse(personId).success) return [note(hc.t("parse.unknownAction"))];
  const result = await eraseMember(hc.app, { ...actorAndConversation(hc), personId });
  if (!result.ok) return [failureOutput(hc.t, result)];
  return [{ kind: "ephemeral", replace: true, view: view(hc.t("erase.done"), text(hc.t("erase.done"))) }];
}
