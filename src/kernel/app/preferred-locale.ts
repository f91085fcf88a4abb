// The language to answer in: what the person chose, else what their platform says now (else last
// said), else the cluster's language, else English.
import { DEFAULT_LOCALE, type Locale, toLocale } from "../domain/locale.ts";
import type { Conversation, PlatformUser } from "../domain/platform-user.ts";
import { memoisedCluster } from "./cluster-memo.ts";
import type { AppContext } from "./context.ts";
import { ensurePerson } from "./identity.ts";

export async function preferredLocale(
  ctx: AppContext,
  actor: PlatformUser,
  conversation: Conversation,
): Promise<Locale> {
  const person = await ensurePerson(ctx, actor);
  const own = toLocale(person.locale) ?? toLocale(actor.locale) ?? toLocale(person.seenLocale);
  if (own) return own;
  const cluster = await memoisedCluster(ctx, ctx.db, conversation);
  return toLocale(cluster?.locale) ?? DEFAULT_LOCALE;
}
